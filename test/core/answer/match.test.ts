import { describe, expect, it } from 'vitest';
import { COVERAGE_THRESHOLD, coverage, words, type KeyPoint, type MatchOptions } from '../../../src/core/answer/match.js';

/** One key point against a typed answer, through the one public rule. */
const matchPoint = (typed: string, point: string | KeyPoint, opts: MatchOptions = {}) => coverage(typed, [point], opts).points[0]!;

/** (typed answer, key point, covered?, why) */
const TABLE: ReadonlyArray<[string, string, boolean, string]> = [
  // What the matcher is for.
  ['We are isolating the build from the host', 'Build isolation', true, 'stemming: isolating ~ isolation'],
  ['We isolate each agent in its own VM', 'Isolation per agent', true, '2 of 3 content words is most'],
  ['THE CAFÉ ORDERS GO INTO A QUEUE', 'cafe queue', true, 'case and accents do not matter'],
  ['a person approves every change before the sync lets it leave', 'Gated sync: changes leave only after approval', true, 'stop words are not counted: 4 of 5'],
  ['a network policy per tool', 'per-tool network policy', true, 'word order and hyphens do not matter'],
  ['kept p99 latency below 200 ms', 'p99 latency under 200 ms', true, 'numbers and mixed words are kept'],
  ['we deployed canaries first', 'canary deployment', true, 'deployed ~ deployment (final y folded)'],
  ['jobs get queued', 'queue the jobs', true, 'queued ~ queue (final e folded)'],
  ["run the framework's own test suite", "Pass the framework's own test suite", true, "possessive 's dropped: 4 of 5"],
  ['HTTP 503 on overload', 'HTTP 429', false, 'a different number is a different word'],
  ['', 'Threat model first', false, 'nothing typed covers nothing'],
  ['threat model', 'Threat model first (STRIDE)', false, '2 of 4 is not most'],
  // Meaning beyond the very words.
  ['seven framework adapters', '7 adapters', true, 'a number in words is the digit'],
  ['we optimise the queries', 'optimize queries', true, 'British and American spellings are one'],
  ['the colour of the centre', 'color center', true, 'colour/color, centre/center'],
  ['a post mortem within two days', 'postmortem in 2 days', true, 'hyphen, space or one word'],
  ['every tool gets its own firewall', 'per-tool network policy', false, '"per" is a stop word; 1 of 3'],
  ['we fix bugs quickly', 'fix bugs rapidly', true, 'WordNet synonym: quickly ~ rapidly'],
  ['I would never start from a threat model', 'Start from a threat model', false, 'a negated answer does not match'],
  ["we don't dual-run pipelines", 'dual-run the pipelines', false, "n't negates too"],
  ['3 partitions at 50 MB/s', '12 partitions for 50 MB/s', false, 'every figure of the point must be said'],
  // Honest limits: paraphrases the matcher misses, and word order it ignores.
  ['keep the agent off the internet except the model API', 'per-tool network policy', false, 'paraphrase: no shared word'],
  ["I'd make my tools behave like theirs", "Implement their interface; don't make them learn yours", false, 'same idea, other words'],
  ['use OTel for the traces', 'OpenTelemetry tracing', false, 'an abbreviation needs a deck alias'],
  ['the model of the threat', 'threat model', true, 'word order is ignored'],
];

describe('matchPoint over a table of typed answers and key points', () => {
  it.each(TABLE)('%j against %j: covered %s (%s)', (typed, point, covered) => {
    expect(matchPoint(typed, point).covered).toBe(covered);
  });

  it('the table has at least 15 cases, misses among them', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(15);
    expect(TABLE.filter(([, , covered]) => !covered).length).toBeGreaterThanOrEqual(5);
  });
});

describe('the coverage threshold', () => {
  it('is "most": 60% of the content words', () => {
    expect(COVERAGE_THRESHOLD).toBe(0.6);
  });

  it('covers 3 of 5 content words, and not 2 of 4 or 1 of 2', () => {
    const five = 'alpha bravo charlie delta echo';
    expect(matchPoint('alpha bravo charlie', five).covered).toBe(true);
    expect(matchPoint('alpha bravo', five).covered).toBe(false);
    expect(matchPoint('alpha bravo', 'alpha bravo charlie delta').covered).toBe(false);
    expect(matchPoint('alpha bravo charlie', 'alpha bravo charlie delta').covered).toBe(true);
    expect(matchPoint('alpha', 'alpha bravo').covered).toBe(false);
  });

  it('counts a repeated word in the point once', () => {
    expect(matchPoint('cache', 'cache, cache, cache and more cache').covered).toBe(true);
  });
});

describe('words', () => {
  it('folds case and accents, keeps numbers, flags stop words', () => {
    const ws = words('The Naïve café served 1.5 lattes');
    expect(ws.map((w) => w.text)).toEqual(['The', 'Naïve', 'café', 'served', '1.5', 'lattes']);
    expect(ws.filter((w) => w.stop).map((w) => w.text)).toEqual(['The']);
    expect(ws.find((w) => w.text === 'café')?.key).toBe(words('CAFE')[0]?.key);
    expect(ws.find((w) => w.text === '1.5')?.key).toBe('1.5');
  });

  it('gives one key to a family of words', () => {
    const key = (w: string) => words(w)[0]?.key;
    expect(new Set(['isolating', 'isolation', 'isolated', 'isolate'].map(key)).size).toBe(1);
    expect(new Set(['deploy', 'deployed', 'deployment', 'deploying'].map(key)).size).toBe(1);
    expect(new Set(['queue', 'queued', 'queues', 'queuing'].map(key)).size).toBe(1);
    // Short stems stay apart: "note" is not "not".
    expect(key('note')).not.toBe(key('not'));
  });
});

describe('what matched, for highlighting', () => {
  it('names the content words of a point and those the answer hit', () => {
    const r = matchPoint('we isolate every agent', 'Isolation per agent');
    expect(r.words).toEqual(['Isolation', 'agent']);
    expect(r.matched).toEqual(['Isolation', 'agent']);
  });

  it('marks matched words in the point and in the answer; the runs join back to the text', () => {
    const typed = 'Start with a threat model, then one layer per threat.';
    const c = coverage(typed, ['Threat model first', 'One containment layer per threat', 'Gated sync']);
    expect(c.covered).toBe(2);
    expect(c.total).toBe(3);
    expect(c.points.map((p) => p.covered)).toEqual([true, true, false]);
    const [first] = c.points;
    expect(first!.segments.map((s) => s.text).join('')).toBe('Threat model first');
    expect(first!.segments.filter((s) => s.hit).map((s) => s.text)).toEqual(['Threat', 'model']);
    expect(c.answer.map((s) => s.text).join('')).toBe(typed);
    // Stop words ("with", "a", "then") are never marked; "Start" matched no point.
    expect(c.answer.filter((s) => s.hit).map((s) => s.text)).toEqual(['threat', 'model', 'one', 'layer', 'threat']);
  });

  it('a card without key points has nothing to cover', () => {
    expect(coverage('anything', [])).toMatchObject({ covered: 0, total: 0, points: [] });
  });
});

describe('how each word matched, for the reveal', () => {
  const via = (typed: string, point: string | KeyPoint, opts?: MatchOptions) => matchPoint(typed, point, opts).via.map((v) => `${v.answer} ≈ ${v.point} · ${v.rule}`);

  it('names the rule: number, spelling, word form, hyphen, synonym', () => {
    expect(via('seven adapters', '7 adapters')).toEqual(['seven ≈ 7 · number']);
    expect(via('optimise it', 'optimize it')).toEqual(['optimise ≈ optimize · spelling']);
    expect(via('isolating builds', 'build isolation')).toEqual(['builds ≈ build · word form', 'isolating ≈ isolation · word form']);
    expect(via('a post-mortem', 'postmortem')).toEqual(['post ≈ postmortem · hyphen']);
    expect(via('fix bugs quickly', 'fix bugs rapidly')).toEqual(['quickly ≈ rapidly · synonym']);
  });

  it('accepts a deck alias either way, and says so', () => {
    const aliases = { OTel: 'OpenTelemetry', k8s: 'Kubernetes' };
    expect(matchPoint('use OTel for the traces', 'OpenTelemetry tracing', { aliases }).covered).toBe(true);
    expect(via('OpenTelemetry on k8s', 'OTel on Kubernetes', { aliases })).toEqual(['OpenTelemetry ≈ OTel · alias', 'k8s ≈ Kubernetes · alias']);
  });

  it("covers a point through one of its accepted phrasings (match:), and names it", () => {
    const point = { text: 'Per-tool network policy', match: ['firewall per tool', 'egress allow-list'] };
    const r = matchPoint('each tool sits behind its own firewall', point);
    expect(r.covered).toBe(true);
    expect(r.alternative).toBe('firewall per tool');
    expect(matchPoint('the build is fast', point).covered).toBe(false);
  });

  it('does not make unrelated words synonyms', () => {
    expect(matchPoint('the system runs', 'network').covered).toBe(false);
    expect(matchPoint('a test suite', 'run trial').covered).toBe(false);
  });
});

describe('partial coverage', () => {
  it('counts words said of a point not covered, and scores them', () => {
    const c = coverage('threat model', ['Threat model first (STRIDE)', 'Gated sync']);
    expect(c.points[0]).toMatchObject({ covered: false, words: ['Threat', 'model', 'first', 'STRIDE'], matched: ['Threat', 'model'] });
    expect(c.score).toBe(0.5);
  });
});
