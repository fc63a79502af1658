import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { draftBytesAtLeast } from '../../../src/core/import/deck-size.js';
import { deckYaml } from '../../../src/core/import/to-yaml.js';
import type { DraftDeck } from '../../../src/core/import/types.js';

const OPTS = { fallbackTitle: 'T', schema: 's', source: 'x.md' };
const text = fc.string({ minLength: 1, maxLength: 120 });

describe('draftBytesAtLeast', () => {
  it('never exceeds the size of the YAML written, so a refusal on it is never wrong', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ question: text, answer: text, points: fc.array(text, { maxLength: 4 }), tags: fc.array(text, { maxLength: 2 }) }), { maxLength: 8 }),
        fc.array(fc.record({ question: text }), { maxLength: 4 }),
        (questions, ask) => {
          const draft: DraftDeck = { title: 'T', questions, ask };
          expect(draftBytesAtLeast(draft)).toBeLessThanOrEqual(Buffer.byteLength(deckYaml(draft, OPTS)));
        },
      ),
    );
  });

  it('ids stay unique when thousands of questions share one slug', () => {
    const questions = Array.from({ length: 3000 }, (_, i) => ({ question: `Same long question text that is cut to one slug before its number ${i}?`, answer: 'A', points: [], tags: [] }));
    const yaml = deckYaml({ questions, ask: [] }, OPTS);
    const ids = [...yaml.matchAll(/^ {2}- id: (.+)$/gm)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(3000);
  });
});
