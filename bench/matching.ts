// `npm run bench -- matching`: the typed-answer matcher's precision and recall on a held-out
// set of (point, answer) pairs written for it (test/fixtures/matching/held-out.yaml). Bundled by
// `scripts/build.mjs --bench`; bench/run.mjs imports the bundle, which prints its own table.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { statSync } from 'node:fs';
import { lexicon, lexiconPath } from '../src/core/answer/lexicon.js';
import { coverage } from '../src/core/answer/match.js';

interface Pair {
  point: string;
  answer: string;
  covers: boolean;
  kind: string;
}

// The synonym file's cost, paid once, on the first typed answer a drill checks.
const where = lexiconPath();
const t0 = performance.now();
const sets = lexicon().size;
const loadMs = performance.now() - t0;
if (where) console.log(`lexicon: ${(statSync(where).size / 1024).toFixed(0)} KB on disk, ${sets} synonym sets, loaded in ${loadMs.toFixed(0)} ms`);
else console.log('lexicon: not found (matching without synonyms)');

const file = new URL('../../test/fixtures/matching/held-out.yaml', import.meta.url);
const { pairs } = parse(readFileSync(file, 'utf8')) as { pairs: Pair[] };
let tp = 0;
let fp = 0;
let fn = 0;
const byKind = new Map<string, { right: number; total: number }>();
const wrong: string[] = [];
for (const p of pairs) {
  const said = coverage(p.answer, [p.point]).covered === 1;
  if (said && p.covers) tp++;
  else if (said) fp++;
  else if (p.covers) fn++;
  const k = byKind.get(p.kind) ?? { right: 0, total: 0 };
  k.total++;
  if (said === p.covers) k.right++;
  else wrong.push(`  ${said ? 'false match' : 'missed     '}  "${p.point}" <- "${p.answer}"`);
  byKind.set(p.kind, k);
}
const precision = tp / Math.max(1, tp + fp);
const recall = tp / Math.max(1, tp + fn);
console.log(`matching: ${pairs.length} held-out (point, answer) pairs`);
console.log(`precision ${precision.toFixed(2)}  recall ${recall.toFixed(2)}  (${tp} right matches, ${fp} false, ${fn} missed)`);
for (const [kind, k] of byKind) console.log(`  ${kind.padEnd(16)} ${k.right}/${k.total} judged right`);
if (wrong.length > 0) console.log(`judged wrong:\n${wrong.join('\n')}`);
