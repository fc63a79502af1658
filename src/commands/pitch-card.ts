import type { Card, Deck } from '../core/deck/types.js';
import { UserError } from './user-error.js';

/** The deck's pitch card, or the error every pitch command gives when it has none. */
export function pitchCardOf(deck: Deck): Card {
  const card = deck.cards.find((c) => c.kind === 'pitch');
  if (!card) throw new UserError(`the deck "${deck.name}" has no pitch: add a \`pitch:\` section (see README)`);
  return card;
}
