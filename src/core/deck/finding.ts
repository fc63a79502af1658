import type { DeckProblem } from './types.js';

/** Where a value sits in a deck, as keys and list indexes from the top: `['questions', 2, 'answer']`. */
export type DeckPath = readonly (string | number)[];

/** A problem before the file name is attached: what the deck checks produce. */
export type Finding = Omit<DeckProblem, 'file'>;

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** Writes a path the way people read it: `questions[2].answer`; '' for the deck as a whole. */
export function formatPath(path: DeckPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (PLAIN_KEY.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}
