import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pointWarnings } from '../../../src/core/answer/point-lint.js';
import { lintDeckText } from '../../../src/core/deck/lint.js';
import { formatProblem } from '../../../src/core/deck/types.js';
import * as old from './reference/point-lint-old.js';

// The key-point advice (`prep lint`, and each card `prep import` writes) must be what it was
// before its test for a point that repeats the answer compared keys in place: the new advisor
// and the old one (reference/point-lint-old.ts) lint the same decks.

const root = new URL('../../../', import.meta.url).pathname;
const ref = { name: 'd', path: '/abs/d.yaml', displayPath: 'd.yaml' };

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith('.yaml') ? [readFileSync(join(dir, e.name), 'utf8')] : [],
  );
}

const ANSWERS = [
  'We shard by tenant. Reads go to replicas.',
  'Cut p99 from 800 ms to 120 ms with 12 partitions and 3x replicas.',
  "Don't optimise early: we analysed the colour of the catalogue, not the centre.",
  'The constructor runs once; constructors of subclasses call it first.',
  'Two services, 40% headroom, HTTP 429 on overload.',
];
const POINTS = ['We shard by tenant. Reads go to replicas.', 'They shard by tenant, reads go to replicas', 'we SHARD by tenants: reads go to replica', 'constructor runs once', '12 partitions', 'optimize early', ''];

/** Decks whose points repeat their answers, in other words, or not, with and without `match`. */
function madeDecks(): string[] {
  const decks: string[] = [];
  for (const answer of ANSWERS) {
    for (let i = 0; i < POINTS.length; i++) {
      const points = POINTS.slice(i, i + 1 + (i % 3)).map((p) => `      - ${JSON.stringify(p)}\n`);
      const withMatch = `      - text: ${JSON.stringify(POINTS[i])}\n        match: [${JSON.stringify(answer)}, 7, "seven"]\n`;
      decks.push(`title: T\nquestions:\n  - question: Q\n    answer: ${JSON.stringify(answer)}\n    points:\n${points.join('')}${i % 2 ? withMatch : ''}`);
    }
  }
  return decks;
}

describe('key-point advice is what it was', () => {
  it('over the shipped decks, the fixture decks and made ones', () => {
    const decks = [...yamlFiles(join(root, 'decks')), ...yamlFiles(join(root, 'test/fixtures')), ...madeDecks()];
    const lint = (text: string, check: typeof pointWarnings) => lintDeckText(text, ref, [check]).map(formatProblem);
    let warnings = 0;
    for (const text of decks) {
      const now = lint(text, pointWarnings);
      // A deck too deeply nested to read gets no advice; where the reader gives up depends on
      // how much stack the test's caller left it, which differs from call to call.
      if (now.some((p) => p.includes('nested too deeply'))) continue;
      expect(now).toEqual(lint(text, old.pointWarnings));
      warnings += now.filter((w) => w.includes('repeats the whole answer')).length;
    }
    expect(warnings).toBeGreaterThan(2);
  });
});
