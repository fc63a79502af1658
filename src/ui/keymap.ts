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
  Help = 'help',
  Quit = 'quit',
}

interface KeySpec {
  /** What the user sees in help and hints. */
  label: string;
  input?: string;
  key?: 'return' | 'escape' | 'tab' | 'backspace';
  ctrl?: boolean;
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
