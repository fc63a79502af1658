import { describe, expect, it } from 'vitest';
import { coverage, type MatchRule } from '../../../src/core/answer/match.js';

// The rules by which a typed answer's word counts for a key point's word, one behaviour each:
// what the reveal marks as covered, and the reason it gives ("analyse ≈ analyze · spelling").

const point = (typed: string, p: string) => coverage(typed, [p]).points[0]!;
const covered = (typed: string, p: string) => point(typed, p).covered;

describe('a British spelling covers the American one, and the reveal says "spelling"', () => {
  const TABLE: ReadonlyArray<[string, string, string]> = [
    ['we analyse the logs', 'analyze logs', 'analyse'],
    ['analysed logs', 'analyzed logs', 'analysed'],
    ['the organisation chart', 'organization chart', 'organisation'],
    ['we optimised queries', 'optimized queries', 'optimised'],
    ['data modelling', 'data modeling', 'modelling'],
    ['a labelled dataset', 'labeled dataset', 'labelled'],
    ['defence in depth', 'defense in depth', 'defence'],
    ['two offences', 'two offenses', 'offences'],
    ['the product catalogue', 'product catalog', 'catalogue'],
    ['catalogues merged', 'catalogs merged', 'catalogues'],
    ['fibre links', 'fiber links', 'fibre'],
    ['colours differ', 'colors differ', 'colours'],
    ['honoured requests', 'honored requests', 'honoured'],
  ];
  it.each(TABLE)('%j covers %j', (typed, p, british) => {
    const r = point(typed, p);
    expect(r.covered).toBe(true);
    expect(r.via).toContainEqual(expect.objectContaining({ answer: british, rule: 'spelling' }));
  });

  it('a word the same in both spellings is said as written, with no rule named', () => {
    expect(point('promise kept', 'promise kept').via).toEqual([]);
  });
});

describe('a number said in words counts as its digits, and the reveal says "number"', () => {
  const NUMBERS: ReadonlyArray<[string, string]> = [
    ['zero', '0'], ['one', '1'], ['two', '2'], ['three', '3'], ['four', '4'], ['five', '5'], ['six', '6'], ['seven', '7'],
    ['eight', '8'], ['nine', '9'], ['ten', '10'], ['eleven', '11'], ['twelve', '12'], ['thirteen', '13'], ['fourteen', '14'],
    ['fifteen', '15'], ['sixteen', '16'], ['seventeen', '17'], ['eighteen', '18'], ['nineteen', '19'], ['twenty', '20'],
    ['thirty', '30'], ['forty', '40'], ['fifty', '50'], ['sixty', '60'], ['seventy', '70'], ['eighty', '80'], ['ninety', '90'],
    ['hundred', '100'], ['thousand', '1000'], ['million', '1000000'], ['dozen', '12'],
  ];
  it.each(NUMBERS)('"%s brokers" covers "%s brokers", and not one more', (word, digits) => {
    const r = point(`${word} brokers`, `${digits} brokers`);
    expect(r.covered).toBe(true);
    expect(r.via).toEqual([{ point: digits, answer: word, rule: 'number' as MatchRule }]);
    expect(covered(`${word} brokers`, `${Number(digits) + 1} brokers`)).toBe(false);
  });
});

describe('an answer that says the opposite does not cover the point', () => {
  const NEGATIONS = ['not', 'no', 'never', 'nobody', 'nothing', 'none', 'neither', 'nor', 'without', 'cannot', 'instead'];
  const WITHOUT_APOSTROPHE = ['dont', 'didnt', 'doesnt', 'isnt', 'wasnt', 'werent', 'arent', 'cant', 'couldnt', 'wouldnt', 'shouldnt', 'wont', 'hasnt', 'havent', 'hadnt', 'mustnt'];
  it.each([...NEGATIONS, ...WITHOUT_APOSTROPHE, "won't", 'didn’t'])('"%s cache warming" misses "cache warming"', (neg) => {
    expect(covered(`${neg} cache warming`, 'cache warming')).toBe(false);
    expect(covered(`we ${neg} care: cache warming`, 'cache warming')).toBe(true);
  });

  it('a negation reaches the next three content words, small words not counted', () => {
    expect(covered('not alpha bravo charlie delta', 'charlie')).toBe(false);
    expect(covered('not alpha bravo charlie delta', 'delta')).toBe(true);
    expect(covered('not in the alpha of the bravo for charlie', 'charlie')).toBe(false);
  });

  it.each([',', '.', ';', ':', '!', '?', ' (', ')'])('ends at "%s", and at "but"', (mark) => {
    expect(covered(`no alpha${mark} bravo`, 'bravo')).toBe(true);
    expect(covered(`no alpha${mark} bravo`, 'alpha')).toBe(false);
    expect(covered('no alpha but bravo', 'bravo')).toBe(true);
  });

  it('a negated point is covered by the same negation said', () => {
    expect(covered('we never store secrets in git', 'Never store secrets')).toBe(true);
    expect(covered('we store secrets in git', 'Never store secrets')).toBe(false);
  });
});

describe('small words decide nothing', () => {
  it.each(['per tenant', 'via canary', 'vs canary', 'canary etc'])('"%s" is covered by its one content word', (p) => {
    const content = p.split(' ').find((w) => !['per', 'via', 'vs', 'etc'].includes(w))!;
    expect(covered(`the ${content}`, p)).toBe(true);
  });
});

describe('word forms', () => {
  it('an adverb in -ly is its adjective or noun, but short words keep their ending', () => {
    expect(point('hourly backups', 'backups every hour').via).toEqual([{ point: 'hour', answer: 'hourly', rule: 'word form' }]);
    expect(covered('rapidly shipped', 'rapid shipping')).toBe(true);
    expect(covered('early release', 'ear release')).toBe(false);
  });
});

describe('hyphens, slashes and decimals', () => {
  it('a hyphenated point word is covered by the word written whole, both halves marked', () => {
    const r = point('our postmortem', 'post-mortem');
    expect(r.covered).toBe(true);
    expect(r.matched).toEqual(['post', 'mortem']);
    expect(r.via.map((v) => v.rule)).toEqual(['hyphen', 'hyphen']);
    expect(covered('read MBs', 'MB/s')).toBe(true);
  });

  it('only a hyphen or slash right between two words joins them; a space or a spaced dash does not', () => {
    expect(covered('our postmortem', 'post mortem')).toBe(false);
    expect(covered('our postmortem', 'post - mortem')).toBe(false);
    expect(covered('our postmortem', 'post -mortem')).toBe(false);
    expect(covered('our postmortem', 'post- mortem')).toBe(false);
  });

  it('a decimal or a version is one figure: its parts said apart are not it', () => {
    expect(covered('12 5 TB', '12.5 TB')).toBe(false);
    expect(covered('1.2 5 GB', '1.25 GB')).toBe(false);
    expect(covered('about 1 5 TB', '15 TB')).toBe(false);
    expect(covered('a post mortem', 'postmortem')).toBe(true);
    expect(covered('shipped 2.0 and 1', '2.0.1 shipped')).toBe(false);
  });
});

describe('how a point is weighed', () => {
  it('a word repeated in the point is one word to say', () => {
    const r = point('cache', 'cache, cache and cache warming');
    expect(r.words).toEqual(['cache', 'warming']);
    expect(r.covered).toBe(false);
  });

  it('a word said twice counts where it is said plainly, even after a negated mention', () => {
    expect(covered('no cache here, but cache there', 'cache')).toBe(true);
  });

  it('a British spelling in the point is named too', () => {
    expect(point('optimized queries', 'optimise queries').via).toEqual([{ point: 'optimise', answer: 'optimized', rule: 'spelling' }]);
  });

  it('an accepted phrasing that does no better than the point is not named, and the point keeps its marks', () => {
    const same = coverage('network policy', [{ text: 'network policy', match: ['policy network'] }]).points[0]!;
    expect(same.alternative).toBeUndefined();
    expect(same.segments.filter((s) => s.hit).map((s) => s.text)).toEqual(['network', 'policy']);
    const better = coverage('each tool sits behind its own firewall', [{ text: 'Per-tool network policy', match: ['firewall per tool'] }]).points[0]!;
    expect(better.alternative).toBe('firewall per tool');
    // The marks would be the point's own words, which did not decide: none are shown.
    expect(better.segments.some((s) => s.hit)).toBe(false);
  });

  it('a deck alias of several words counts only when said in order', () => {
    const aliases = { OTel: 'Open Telemetry' };
    expect(coverage('we use Open Telemetry', ['OTel'], { aliases }).covered).toBe(1);
    expect(coverage('we use open the telemetry', ['OTel'], { aliases }).covered).toBe(1);
    expect(coverage('telemetry is open', ['OTel'], { aliases }).covered).toBe(0);
    expect(coverage('open source telemetry', ['OTel'], { aliases }).covered).toBe(0);
  });
});
