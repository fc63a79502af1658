import { describe, expect, it } from 'vitest';
import { bulletProse, claimPoints, clauses, shortClaim } from '../../../src/core/import/claims.js';

// The key points an answer's prose becomes on import, and the beats of a pitch: what the user
// sees on the card, so each expectation is the exact text.
const POINTS = { min: 2, max: 6 };

describe('clauses', () => {
  it('splits a long clause with no punctuation before its "and", each side one claim', () => {
    expect(clauses('We moved the billing service onto a queue and the nightly failures stopped within a week.')).toEqual([
      'We moved the billing service onto a queue',
      'the nightly failures stopped within a week',
    ]);
    // Twelve words is still one claim.
    expect(clauses('We moved billing onto a queue and nightly failures stopped that week.')).toEqual([
      'We moved billing onto a queue and nightly failures stopped that week',
    ]);
  });

  it('keeps a lead-in of under five words with what follows its colon, and splits after a longer one', () => {
    expect(clauses('The gist of it: we cut the build time.')).toEqual(['The gist of it: we cut the build time']);
    expect(clauses('What we learned from it: we cut the build time.')).toEqual(['What we learned from it', 'we cut the build time']);
  });

  it('makes a three-word piece a claim of its own, and joins a shorter one to what follows', () => {
    expect(clauses('It was slow; we added a cache.')).toEqual(['It was slow', 'we added a cache']);
    expect(clauses('Yes — the cache was cold.')).toEqual(['Yes the cache was cold']);
  });

  it('drops every closing mark of the sentence', () => {
    expect(clauses('We retried it until it worked!!')).toEqual(['We retried it until it worked']);
  });
});

describe('shortClaim', () => {
  it('keeps a claim of twelve words as written, capitalised, without its lead word or full stop', () => {
    expect(shortClaim('then we shipped the fix to every customer on the same day.')).toBe('We shipped the fix to every customer on the same day');
  });

  it('drops light words first, then a leading "we", then cuts the tail', () => {
    expect(shortClaim('We really just moved the whole billing system over to the new queue in one very long weekend.')).toBe(
      'Moved whole billing system over to new queue in one long weekend',
    );
    // "We" stays when dropping the light words was enough.
    expect(shortClaim('We moved the billing system over to a new queue in one long weekend.')).toBe(
      'We moved billing system over to new queue in one long weekend',
    );
    // Only "I" or "we" go: another first word stays.
    expect(shortClaim('Weirdly the old and the new billing systems ran side by side for two whole months.')).toBe(
      'Weirdly old and new billing systems ran side by side for two',
    );
  });

  it('cuts at a comma that keeps half the words, and keeps the figures it cut off at the end', () => {
    expect(shortClaim('The cache, which we built in a weekend, served most reads for the whole team across racks at 50 MB/s.')).toBe(
      'The cache, which we built in weekend, 50 MB/s',
    );
  });
});

describe('claimPoints', () => {
  it('keeps the points with figures first when there are too many, in the order written', () => {
    const sentences = ['The team liked it.', 'Nobody was paged again.', 'We wrote it up.', 'Costs went down too.', 'We measured it.', 'The launch was smooth.', 'Reads fell by 60%.'];
    expect(claimPoints(sentences, POINTS)).toEqual(['The team liked it', 'Nobody was paged again', 'We wrote it up', 'Costs went down too', 'We measured it', 'Reads fell by 60%']);
  });

  it('adds a figure no point holds to the last point when there is no room for it', () => {
    const sentences = ['Latency fell 10 ms.', 'Reads fell 20%.', 'Costs fell 30%.', 'Pages fell 40%.', 'Errors fell 50%.', 'Deploys rose 60%.', 'Builds fell 70%.'];
    const points = claimPoints(sentences, POINTS);
    expect(points).toHaveLength(6);
    expect(points.slice(0, 5)).toEqual(['Latency fell 10 ms', 'Reads fell 20%', 'Costs fell 30%', 'Pages fell 40%', 'Errors fell 50%']);
    expect(points[5]).toMatch(/^Deploys rose 60%, .*70%$/);
  });

  it('adds a figure no point holds as a point of its own when there is room', () => {
    expect(claimPoints(['We cut latency a lot, 40 ms.'], POINTS)).toEqual(['We cut latency a lot', '40 ms']);
  });

  it('keeps a short sentence of two clauses as one point when there are enough sentences, and splits it when not', () => {
    const sentences = ['It was slow, so we cached it.', 'Then it was fast.'];
    expect(claimPoints(sentences, POINTS)).toEqual(['It was slow, so we cached it', 'It was fast']);
    expect(claimPoints(sentences, { min: 3, max: 6 })).toEqual(['It was slow', 'We cached it', 'It was fast']);
  });

  it('the same claim twice is one point', () => {
    expect(claimPoints(['We added a cache.', 'We added a cache!'], POINTS)).toEqual(['We added a cache']);
  });
});

describe('bulletProse', () => {
  it('reads bullets as sentences: capitalised, closed with a full stop unless they end in one, blanks left out', () => {
    expect(bulletProse(['use a queue', '  ', 'retry twice!', 'see e.g. the docs', 'done.'])).toBe('Use a queue. Retry twice! See e.g. the docs. Done.');
  });
});
