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
  DoneAnswering = 'done-answering',
  DoneTyping = 'done-typing',
  SkipQuestion = 'skip-question',
  LeaveUngraded = 'leave-ungraded',
  Help = 'help',
  CloseHelp = 'close-help',
  Quit = 'quit',
  // The home screen's deck list.
  SelectPrevious = 'select-previous',
  SelectNext = 'select-next',
  OpenDrill = 'open-drill',
  OpenPitch = 'open-pitch',
  OpenReview = 'open-review',
  OpenMock = 'open-mock',
  OpenStats = 'open-stats',
  LineUp = 'line-up',
  LineDown = 'line-down',
  PageUp = 'page-up',
  PageDown = 'page-down',
  SpacePage = 'space-page',
  Top = 'top',
  Bottom = 'bottom',
}

/**
 * What a command is about. The help is drawn by category, in this order, and each screen's
 * help and footer list only the commands that do something there (gemini-cli's command
 * categories do the same for its help).
 */
export enum Category {
  Answer = 'Answer',
  Pitch = 'Pitch',
  Mock = 'Mock interview',
  Typing = 'Typing',
  Grade = 'Grade',
  Scroll = 'Scroll',
  Session = 'Session',
  Decks = 'Decks',
}

export const CATEGORIES: readonly Category[] = [Category.Decks, Category.Answer, Category.Pitch, Category.Mock, Category.Typing, Category.Grade, Category.Scroll, Category.Session];

interface KeySpec {
  /** What the user sees in help and hints. */
  label: string;
  input?: string;
  key?: 'return' | 'escape' | 'tab' | 'backspace' | 'upArrow' | 'downArrow' | 'pageUp' | 'pageDown' | 'home' | 'end';
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
  /** A sentence for the help screen, under the category's heading. */
  help: string;
  category: Category;
}

export const keyBindings: Record<Command, Binding> = {
  [Command.Reveal]: {
    keys: [{ label: 'space', input: ' ' }, { label: 'enter', key: 'return' }],
    hint: 'reveal',
    help: 'Show the model answer and its key points',
    category: Category.Answer,
  },
  [Command.Again]: { keys: [{ label: '1', input: '1' }], hint: 'Again', help: 'Again: forgot it, show it again soon', category: Category.Grade },
  [Command.Hard]: { keys: [{ label: '2', input: '2' }], hint: 'Hard', help: 'Hard: got there, with effort', category: Category.Grade },
  [Command.Good]: { keys: [{ label: '3', input: '3' }], hint: 'Good', help: 'Good: hit the key points', category: Category.Grade },
  [Command.Easy]: { keys: [{ label: '4', input: '4' }], hint: 'Easy', help: 'Easy: effortless, space it out', category: Category.Grade },
  [Command.Undo]: { keys: [{ label: 'u', input: 'u' }], hint: 'undo', help: 'Take back the last grade', category: Category.Grade },
  [Command.PractiseAll]: {
    keys: [{ label: 'p', input: 'p' }],
    hint: 'practise anyway',
    help: 'When nothing is due: go through every card, weakest first',
    category: Category.Session,
  },
  [Command.TypeAnswer]: {
    keys: [{ label: 't', input: 't' }],
    hint: 'type answer',
    help: 'Type your answer first; the reveal marks the key points it covers',
    category: Category.Typing,
  },
  [Command.SubmitAnswer]: { keys: [{ label: 'enter', key: 'return' }], hint: 'submit', help: 'Submit the typed answer and reveal', category: Category.Typing },
  [Command.LeaveTyping]: {
    keys: [{ label: 'esc', key: 'escape' }],
    hint: 'stop typing',
    help: 'Leave the field without revealing (ctrl+c quits)',
    category: Category.Typing,
  },
  [Command.AcceptSuggestion]: {
    keys: [{ label: 'enter', key: 'return' }],
    hint: 'accept suggested grade',
    help: 'After typing: take the suggested grade (1-4 pick another)',
    category: Category.Typing,
  },
  [Command.StartStop]: { keys: [{ label: 'space', input: ' ' }], hint: 'start/stop', help: 'Start the timer, or stop it', category: Category.Pitch },
  [Command.ToggleScript]: { keys: [{ label: 's', input: 's' }], hint: 'script', help: 'Show or hide the script', category: Category.Pitch },
  [Command.ToggleBeat]: {
    keys: [{ label: '1-9', anyOf: '123456789' }],
    hint: 'tick a beat',
    help: 'Tick or untick a beat you hit',
    category: Category.Pitch,
  },
  [Command.Save]: { keys: [{ label: 'enter', key: 'return' }], hint: 'save', help: 'Save this attempt to your history', category: Category.Pitch },
  [Command.Retry]: { keys: [{ label: 'r', input: 'r' }], hint: 'retry', help: 'Try again (an unsaved attempt is dropped)', category: Category.Pitch },
  [Command.DoneAnswering]: {
    keys: [{ label: 'enter', key: 'return' }, { label: 'space', input: ' ' }],
    hint: 'done answering',
    help: 'Done answering: on to the next question',
    category: Category.Mock,
  },
  [Command.DoneTyping]: {
    keys: [{ label: 'enter', key: 'return' }],
    hint: 'done answering',
    help: 'Done typing: the answer waits for the scorecard',
    category: Category.Mock,
  },
  [Command.SkipQuestion]: { keys: [{ label: 's', input: 's' }], hint: 'skip', help: 'Skip this question', category: Category.Mock },
  [Command.LeaveUngraded]: {
    keys: [{ label: 'n', input: 'n' }],
    hint: 'no grade',
    help: 'Leave this answer without a grade (its schedule stays as it was)',
    category: Category.Mock,
  },
  [Command.Help]: { keys: [{ label: '?', input: '?' }], hint: 'help', help: 'Show or hide this help', category: Category.Session },
  [Command.CloseHelp]: {
    keys: [{ label: '?', input: '?' }, { label: 'q', input: 'q' }, { label: 'esc', key: 'escape' }],
    hint: 'close help',
    help: 'Close this help (with it closed, q and esc quit; ctrl+c quits anywhere)',
    category: Category.Session,
  },
  [Command.Quit]: {
    keys: [{ label: 'q', input: 'q' }, { label: 'esc', key: 'escape' }, { label: 'ctrl+c', input: 'c', ctrl: true }],
    hint: 'quit',
    help: 'Quit; every grade is already saved',
    category: Category.Session,
  },
  [Command.SelectPrevious]: {
    keys: [{ label: '↑', key: 'upArrow' }, { label: 'k', input: 'k' }],
    hint: 'previous',
    help: 'Select the deck above',
    category: Category.Decks,
  },
  [Command.SelectNext]: {
    keys: [{ label: '↓', key: 'downArrow' }, { label: 'j', input: 'j' }],
    hint: 'next',
    help: 'Select the deck below',
    category: Category.Decks,
  },
  [Command.OpenDrill]: { keys: [{ label: 'enter', key: 'return' }], hint: 'drill', help: 'Drill the selected deck', category: Category.Decks },
  [Command.OpenPitch]: { keys: [{ label: 'p', input: 'p' }], hint: 'pitch', help: "Time the selected deck's pitch", category: Category.Decks },
  [Command.OpenReview]: { keys: [{ label: 'r', input: 'r' }], hint: 'review', help: 'Review its weak answers', category: Category.Decks },
  [Command.OpenMock]: { keys: [{ label: 'm', input: 'm' }], hint: 'mock', help: 'Rehearse its interview: prep mock', category: Category.Decks },
  [Command.OpenStats]: { keys: [{ label: 's', input: 's' }], hint: 'stats', help: 'Print its stats and leave', category: Category.Decks },
  [Command.LineUp]: { keys: [{ label: '↑', key: 'upArrow' }, { label: 'k', input: 'k' }], hint: 'scroll', help: 'Scroll up a line', category: Category.Scroll },
  [Command.LineDown]: { keys: [{ label: '↓', key: 'downArrow' }, { label: 'j', input: 'j' }], hint: 'scroll', help: 'Scroll down a line', category: Category.Scroll },
  [Command.PageUp]: { keys: [{ label: 'pgup', key: 'pageUp' }], hint: 'page up', help: 'Scroll up a page', category: Category.Scroll },
  [Command.PageDown]: { keys: [{ label: 'pgdn', key: 'pageDown' }], hint: 'page down', help: 'Scroll down a page', category: Category.Scroll },
  [Command.SpacePage]: { keys: [{ label: 'space', input: ' ' }], hint: 'page down', help: 'Once revealed: scroll down a page', category: Category.Scroll },
  [Command.Top]: { keys: [{ label: 'home', key: 'home' }, { label: 'g', input: 'g' }], hint: 'top', help: 'Go to the top', category: Category.Scroll },
  [Command.Bottom]: { keys: [{ label: 'end', key: 'end' }, { label: 'G', input: 'G' }], hint: 'end', help: 'Go to the end', category: Category.Scroll },
};

/** The scrolling commands, in the order the help lists them. */
export const SCROLL_COMMANDS: readonly Command[] = [Command.LineUp, Command.LineDown, Command.PageUp, Command.PageDown, Command.Top, Command.Bottom];

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

/** `commands` grouped by category, in CATEGORIES order, each group in the order given. */
export function byCategory(commands: readonly Command[]): Array<{ category: Category; commands: Command[] }> {
  return CATEGORIES.map((category) => ({ category, commands: commands.filter((c) => keyBindings[c].category === category) })).filter(
    (g) => g.commands.length > 0,
  );
}
