import { describe, expect, it } from 'vitest';
import { importAnki } from '../../../src/core/import/anki.js';
import { importMarkdown } from '../../../src/core/import/markdown.js';
import { deriveBeats, derivePoints } from '../../../src/core/import/points.js';

// A short answer or pitch still gets its key points: before, a claim under three words was
// dropped when looking for more claims, so "The product." had no key point (and lint warned
// about every such card right after the import) and a pitch of short sentences had no beats.
describe('short answers and pitches keep their points', () => {
  it('a two-word answer is its own key point', () => {
    expect(derivePoints(['The product.'], [])).toEqual(['The product']);
    const { deck, took } = importMarkdown('## Likely Questions\n\n**Why us?**\n\nThe product.\n');
    expect(deck.questions[0]?.points).toEqual(['The product']);
    expect(took).toEqual(['question (line 3): Why us? — answer and 1 key point']);
  });

  it('a pitch of short sentences has them as beats', () => {
    expect(deriveBeats('I build. I ship.')).toEqual(['I build', 'I ship']);
  });

  it('an Anki note with a short back gets it as its point', () => {
    expect(importAnki('#html:false\nWhat is CAP?\tPick two.\n').deck.questions[0]?.points).toEqual(['Pick two']);
  });

  it('a short claim with commas is still split where its pieces say something', () => {
    expect(derivePoints(['Latency was 80 ms, errors were 0.1%, cost was $3k.'], [])).toEqual(['Latency was 80 ms', 'Errors were 0.1%', 'Cost was $3k']);
  });
});
