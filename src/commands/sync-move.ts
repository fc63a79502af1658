// What `prep sync` carries for a deck one side renamed or removed: the shape shared by
// sync-moves.ts, which finds and carries moves, and sync-taken.ts, which gives a taken name back.

/** Which machine's side of a sync: this one's (`ours`) or the remote's (`theirs`). */
export type Side = 'ours' | 'theirs';

/** One deck that a side no longer has under its name. */
export interface Move {
  from: string;
  /** The deck's new name; undefined when it was removed. */
  to?: string;
  /** The side that renamed or removed it. */
  by: Side;
  /** The other side's log of the deck, and the record lines it added since the common base. */
  keptLog: string;
  added: string[];
  /** The other side's deck file (`decks/x.yaml`) and its text there and at the base. */
  deckFile?: string;
  keptDeck?: string;
  baseDeck?: string;
  /** The deck's interview date in the base's settings. */
  baseInterview?: string;
  /**
   * The side that renamed the deck still has one by the old name, another deck that took the name
   * (names swapped, or going round): its log, deck file and date under that name are that deck's.
   */
  taken?: { log?: string; deck?: { file: string; text: string }; interview?: string; keptInterview?: string };
}
