import type { DraftDeck } from './types.js';

const bytes = (text: string | undefined): number => (text === undefined ? 0 : Buffer.byteLength(text, 'utf8'));

// The fewest bytes deckYaml spends around a card's texts: `  - id: ` + `\n    question: ` +
// `\n    answer: ` + `\n` for a question, less for an ask card, `      - ` + `\n` for a list item.
const QUESTION = 37;
const ASK = 24;
const ITEM = 9;

/**
 * A lower bound on the size in bytes of the YAML `deckYaml` writes for `draft`: every text once,
 * with the least indentation and keys each card needs, no ids, quoting or folding. When even this is over the loader's limit, the deck
 * can be refused before the YAML is built, which for a big deck costs many times its size.
 */
export function draftBytesAtLeast(draft: DraftDeck): number {
  let n = bytes(draft.title) + bytes(draft.company) + bytes(draft.role);
  if (draft.pitch) n += bytes(draft.pitch.script) + draft.pitch.points.reduce((s, p) => s + bytes(p), 0);
  for (const q of draft.questions) {
    n += QUESTION + bytes(q.question) + bytes(q.answer);
    for (const p of q.points) n += ITEM + bytes(p);
    for (const t of q.tags) n += ITEM + bytes(t);
  }
  for (const a of draft.ask) n += ASK + bytes(a.question) + bytes(a.why);
  return n;
}
