import type { DeckSummary } from '../stats/deck-summary.js';

/** What the home screen can start on the selected deck. */
export type HomeCommand = 'drill' | 'pitch' | 'review' | 'mock' | 'stats';

/** The deck and command the user picked; the command runs after the home screen has closed. */
export interface HomeChoice {
  command: HomeCommand;
  /** The deck's name, to select it again on the way back. */
  name: string;
  /** The deck file: every deck, whatever its file is called, is opened by its path. */
  path: string;
}

/** The home screen: every deck (in deckOrder), which one is selected, and what was picked. */
export interface HomeState {
  decks: readonly DeckSummary[];
  selected: number;
  help: boolean;
  /** One line to show until the next key: why a command could not start, what just went wrong. */
  message: string | null;
  choice: HomeChoice | null;
  /** Set when the screen is done (a choice was made, or the user quit). */
  done: boolean;
}

export type HomeAction =
  | { type: 'move'; by: number }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'choose'; command: HomeCommand }
  | { type: 'toggle-help' }
  | { type: 'quit' };

/** The first state: the deck called `select` selected when it is still there, else the first. */
export function initHome(decks: readonly DeckSummary[], opts: { select?: string | null; message?: string | null } = {}): HomeState {
  const at = opts.select ? decks.findIndex((d) => d.name === opts.select) : -1;
  return { decks, selected: Math.max(0, at), help: false, message: opts.message ?? null, choice: null, done: false };
}

/** The selected deck, or undefined when there are no decks. */
export function selectedDeck(s: HomeState): DeckSummary | undefined {
  return s.decks[s.selected];
}

/** Why `command` cannot start on `deck`, or null when it can. */
function refusal(deck: DeckSummary, command: HomeCommand): string | null {
  if (deck.error !== null) return `${deck.name} did not load: ${deck.error}`;
  if (command === 'pitch' && !deck.hasPitch) return `${deck.name} has no pitch to time: add a "pitch:" section to the deck`;
  return null;
}

const select = (s: HomeState, i: number): HomeState => {
  const selected = Math.min(Math.max(0, i), Math.max(0, s.decks.length - 1));
  return selected === s.selected && s.message === null ? s : { ...s, selected, message: null };
};

/** The home screen's reducer: moving the selection, picking a command, help, quitting. */
export function homeReducer(s: HomeState, a: HomeAction): HomeState {
  if (s.done) return s;
  switch (a.type) {
    case 'move':
      // Wraps around: from the last deck, down goes to the first.
      return s.decks.length ? select(s, (s.selected + a.by + s.decks.length) % s.decks.length) : s;
    case 'first':
      return select(s, 0);
    case 'last':
      return select(s, s.decks.length - 1);
    case 'toggle-help':
      return { ...s, help: !s.help, message: null };
    case 'quit':
      return s.help ? { ...s, help: false } : { ...s, done: true };
    case 'choose': {
      const deck = selectedDeck(s);
      if (!deck) return s;
      const why = refusal(deck, a.command);
      if (why) return { ...s, message: why };
      return { ...s, choice: { command: a.command, name: deck.name, path: deck.path }, done: true };
    }
  }
}
