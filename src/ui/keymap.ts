import type { Key } from 'ink';

/** Everything a key can do in prep. The only place a key is bound to a command. */
export enum Command {
  Reveal = 'reveal',
  Again = 'again',
  Hard = 'hard',
  Good = 'good',
  Easy = 'easy',
  Undo = 'undo',
  PractiseAll = 'practise-all',
  TypeAnswer = 'type-answer',
  SubmitAnswer = 'submit-answer',
  LeaveTyping = 'leave-typing',
  AcceptSuggestion = 'accept-suggestion',
  StartStop = 'start-stop',
  ToggleScript = 'toggle-script',
  ToggleBeat = 'toggle-beat',
  Save = 'save',
  Retry = 'retry',
  Help = 'help',
  Quit = 'quit',
}

interface KeySpec {
  /** What the user sees in help and hints. */
  label: string;
  input?: string;
  key?: 'return' | 'escape' | 'tab' | 'backspace';
  ctrl?: boolean;
  /**
   * Any of these characters (e.g. '123456789'); the handler reads which from `input`, which
   * may hold several when they were typed faster than the terminal is read.
   */
  anyOf?: string;
}

interface Binding {
  keys: KeySpec[];
  /** Short verb for the footer. */
  hint: string;
  /** A sentence for the help screen. */
  help: string;
}

export const keyBindings: Record<Command, Binding> = {
  [Command.Reveal]: {
    keys: [{ label: 'space', input: ' ' }, { label: 'enter', key: 'return' }],
    hint: 'reveal',
    help: 'Show the model answer and its key points',
  },
  [Command.Again]: { keys: [{ label: '1', input: '1' }], hint: 'Again', help: 'Grade: forgot it, show it again soon' },
  [Command.Hard]: { keys: [{ label: '2', input: '2' }], hint: 'Hard', help: 'Grade: got there, with effort' },
  [Command.Good]: { keys: [{ label: '3', input: '3' }], hint: 'Good', help: 'Grade: hit the key points' },
  [Command.Easy]: { keys: [{ label: '4', input: '4' }], hint: 'Easy', help: 'Grade: effortless, space it out' },
  [Command.Undo]: { keys: [{ label: 'u', input: 'u' }], hint: 'undo', help: 'Take back the last grade' },
  [Command.PractiseAll]: {
    keys: [{ label: 'p', input: 'p' }],
    hint: 'practise anyway',
    help: 'When nothing is due: go through every card, weakest first',
  },
  [Command.TypeAnswer]: {
    keys: [{ label: 't', input: 't' }],
    hint: 'type answer',
    help: 'Type your answer first; the reveal marks the key points it covers',
  },
  [Command.SubmitAnswer]: { keys: [{ label: 'enter', key: 'return' }], hint: 'submit', help: 'Typing: submit and reveal' },
  [Command.LeaveTyping]: {
    keys: [{ label: 'esc', key: 'escape' }],
    hint: 'stop typing',
    help: 'Typing: leave the field without revealing (ctrl+c quits)',
  },
  [Command.AcceptSuggestion]: {
    keys: [{ label: 'enter', key: 'return' }],
    hint: 'accept suggested grade',
    help: 'After typing: take the suggested grade (1-4 pick another)',
  },
  [Command.StartStop]: { keys: [{ label: 'space', input: ' ' }], hint: 'start/stop', help: 'Pitch: start the timer, or stop it' },
  [Command.ToggleScript]: { keys: [{ label: 's', input: 's' }], hint: 'script', help: 'Pitch: show or hide the script' },
  [Command.ToggleBeat]: {
    keys: [{ label: '1-9', anyOf: '123456789' }],
    hint: 'tick a beat',
    help: 'Pitch: tick or untick a beat you hit',
  },
  [Command.Save]: { keys: [{ label: 'enter', key: 'return' }], hint: 'save', help: 'Pitch: save this attempt to your history' },
  [Command.Retry]: { keys: [{ label: 'r', input: 'r' }], hint: 'retry', help: 'Pitch: try again (an unsaved attempt is dropped)' },
  [Command.Help]: { keys: [{ label: '?', input: '?' }], hint: 'help', help: 'Show or hide this help' },
  [Command.Quit]: {
    keys: [{ label: 'q', input: 'q' }, { label: 'esc', key: 'escape' }, { label: 'ctrl+c', input: 'c', ctrl: true }],
    hint: 'quit',
    help: 'Quit; every grade is already saved',
  },
};

/** True when this key press is bound to `command`. */
export function matches(command: Command, input: string, key: Key): boolean {
  return keyBindings[command].keys.some((k) => {
    if (k.ctrl) return key.ctrl && input === k.input;
    // Ink also sets `meta` for a bare Esc, so named keys are checked before the modifier guard.
    if (k.key) return key[k.key];
    if (key.ctrl || key.meta) return false;
    if (k.anyOf) return input.length > 0 && [...input].every((c) => k.anyOf?.includes(c));
    return input === k.input;
  });
}

/** The first command a key press is bound to, among `commands`. */
export function commandFor(commands: readonly Command[], input: string, key: Key): Command | undefined {
  return commands.find((c) => matches(c, input, key));
}

/** "space/enter" — the keys of a command as shown to the user. */
export function keyLabel(command: Command): string {
  return keyBindings[command].keys.map((k) => k.label).join('/');
}
