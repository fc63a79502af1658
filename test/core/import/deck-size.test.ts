import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { draftBytesAtLeast, QuestionTally } from '../../../src/core/import/deck-size.js';
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

  it('a tally counts every question, keeps them while under its limit, and drops them all once over', () => {
    const questions = Array.from({ length: 50 }, (_, i) => ({ question: `Question ${i}?`, answer: 'An answer of some length.', points: ['one point'], tags: [] }));
    const whole: DraftDeck = { title: 'T', questions, ask: [{ question: 'Why?' }] };
    const under: DraftDeck = { title: 'T', questions: [], ask: [{ question: 'Why?' }] };
    const keepAll = new QuestionTally(under);
    for (const q of questions) keepAll.add(q);
    expect(under.questions).toEqual(questions);
    expect(keepAll.dropped).toBe(false);

    const over: DraftDeck = { title: 'T', questions: [], ask: [{ question: 'Why?' }] };
    const tally = new QuestionTally(over, 1000);
    for (const q of questions.slice(0, 5)) tally.add(q);
    expect(over.questions).toHaveLength(5);
    for (const q of questions.slice(5)) tally.add(q);
    expect(tally.dropped).toBe(true);
    expect(over.questions).toEqual([]);
    expect(tally.count).toBe(50);
    // The size said in the refusal is the whole deck's, dropped cards included.
    expect(tally.bytesAtLeast()).toBe(draftBytesAtLeast(whole));
    expect(keepAll.bytesAtLeast()).toBe(draftBytesAtLeast(whole));
  });
});
