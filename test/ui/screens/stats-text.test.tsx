import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

// Colour on, as on a real terminal (see stats-screen.test.tsx): set before chalk is loaded.
const before = vi.hoisted(() => {
  const value = process.env.FORCE_COLOR;
  process.env.FORCE_COLOR = '3';
  return value;
});

import chalk from 'chalk';
import fc from 'fast-check';
import { renderToString } from 'ink';
import { deckStats, type DeckStats } from '../../../src/core/stats/deck-stats.js';
import type { MockSummary } from '../../../src/core/stats/mocks.js';
import type { Grade, LogRecord } from '../../../src/core/store/log-records.js';
import { StatsScreen } from '../../../src/ui/screens/stats-screen.js';
import { statsText } from '../../../src/ui/screens/stats-text.js';
import { NotPlain } from '../../../src/ui/text-blocks.js';
import { makeDeck, question } from '../../helpers/deck.js';
import { plain } from '../../helpers/ink.js';
import { fixture, grade, pitch } from '../../helpers/fixture-log.js';

const NOW = new Date('2026-11-26T10:00');
const INTERVIEW = new Date('2026-12-03T09:00');
const level = chalk.level;

afterAll(() => {
  if (before === undefined) delete process.env.FORCE_COLOR;
  else process.env.FORCE_COLOR = before;
});
afterEach(() => {
  vi.unstubAllEnvs();
  chalk.level = level;
});

/** What Ink renders for the stats screen: the reference the plain text must equal. */
const ink = (s: DeckStats, columns: number, colour: boolean) => renderToString(<StatsScreen stats={s} columns={columns} colour={colour} />, { columns });

/** Asserts the plain text is Ink's output, byte for byte, and shows the first line that differs if not. */
function same(s: DeckStats, columns: number, colour: boolean) {
  const want = ink(s, columns, colour);
  const got = statsText(s, columns, colour);
  if (got !== want) {
    const [a, b] = [got.split('\n'), want.split('\n')];
    const at = a.findIndex((l, i) => l !== b[i]);
    expect({ columns, colour, line: at, got: JSON.stringify(a[at]), want: JSON.stringify(b[at]), lines: [a.length, b.length] }).toBe('the same');
  }
}

const stats = (over: Partial<Parameters<typeof deckStats>[0]> = {}) => deckStats({ ...fixture(), now: NOW, retention: 0.9, interview: INTERVIEW, ...over } as Parameters<typeof deckStats>[0]);

const WORDS = ['sandbox', 'agent', 'isolation', 'a', 'network', 'policy', 'overlay', 'filesystem', 'trace', 'latency', '日本語', 'naïve', 'x'];

/** A deck and a history drawn by fast-check: cards with prompts of any length, grades over three months, pitch runs. */
const history = fc
  .record({
    cards: fc.integer({ min: 0, max: 30 }),
    prompts: fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 25 }), { minLength: 30, maxLength: 30 }),
    grades: fc.array(fc.record({ card: fc.nat(29), grade: fc.integer({ min: 1, max: 4 }), daysAgo: fc.integer({ min: 0, max: 95 }), ms: fc.option(fc.integer({ min: 1000, max: 400_000 })) }), { maxLength: 120 }),
    pitches: fc.array(fc.integer({ min: 5_000, max: 120_000 }), { maxLength: 14 }),
    pitchCard: fc.boolean(),
    title: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }),
    name: fc.constantFrom('test', 'system-design', 'n10000', 'behavioural-questions'),
    interview: fc.option(fc.integer({ min: -3, max: 40 })),
    mocks: fc.array(fc.record({ over: fc.nat(6), timed: fc.nat(6), mean: fc.option(fc.integer({ min: 10, max: 40 })), skipped: fc.nat(3) }), { maxLength: 7 }),
  })
  .map((h) => {
    const deck = makeDeck(h.cards, { name: h.name, title: h.title.join(' ') });
    deck.cards.forEach((c, i) => (c.prompt = h.prompts[i]!.join(' ')));
    if (h.pitchCard) deck.cards.unshift(question('pitch', { kind: 'pitch', prompt: 'Tell me about yourself.', seconds: 40 }));
    const records: LogRecord[] = [];
    for (const g of h.cards ? h.grades : []) {
      const at = new Date(NOW.getTime() - g.daysAgo * 86400_000 - 3600_000).toISOString().slice(0, 16);
      records.push(grade(`q${(g.card % h.cards) + 1}`, g.grade as Grade, at, g.ms === null ? {} : { ms: g.ms }));
    }
    h.pitches.forEach((ms, i) => records.push(pitch(ms, new Date(NOW.getTime() - (i + 1) * 86400_000).toISOString().slice(0, 16))));
    records.forEach((r) => (r.deck = h.name));
    records.sort((a, b) => a.at.localeCompare(b.at));
    const interview = h.interview === null ? null : new Date(NOW.getTime() + h.interview * 86400_000 + 3 * 3600_000);
    const s = deckStats({ deck, records, now: NOW, retention: 0.9, interview });
    const mocks: MockSummary[] = h.mocks.map((m, i) => ({
      id: `m${i}`,
      at: new Date(NOW.getTime() - (i + 1) * 86400_000),
      ms: 600_000,
      cards: 6,
      answered: 6 - m.skipped,
      skipped: m.skipped,
      overTime: m.over,
      timed: m.timed,
      meanGrade: m.mean === null ? null : m.mean / 10,
      scheduled: true,
    }));
    return { ...s, mocks };
  });

describe('prep stats as plain text: the same bytes as the Ink screen', () => {
  it('at every width from 40 to 120, in colour and without, with and without an interview', () => {
    // Each width once (an Ink render is slow on a busy machine), the four cases taken in turn.
    const shapes = [stats(), stats({ interview: null })];
    for (let columns = 40; columns <= 120; columns++) same(shapes[columns % 2]!, columns, (columns >> 1) % 2 === 0);
  }, 120_000);

  it('for a deck never practised and one with more cards than the recall list shows', () => {
    const empty = deckStats({ deck: makeDeck(3), records: [], now: NOW, retention: 0.9, interview: null });
    const deck = makeDeck(12);
    const records = deck.cards.map((c, i) => grade(c.id, ((i % 4) + 1) as Grade, '2026-11-25T10:00'));
    const twelve = deckStats({ deck, records, now: NOW, retention: 0.9, interview: INTERVIEW });
    for (const s of [empty, twelve]) for (const columns of [40, 59, 60, 80, 99, 100, 101, 117, 120, 160]) for (const colour of [true, false]) same(s, columns, colour);
  });

  it('at every colour depth chalk may pick (none for TERM=dumb or a pipe, 16, 256, true colour)', () => {
    for (const depth of [0, 1, 2, 3] as const) {
      chalk.level = depth;
      for (const columns of [60, 101, 120]) same(stats(), columns, depth > 0);
    }
  });

  it('with NO_COLOR set, where the pitch chart drops its colours on its own', () => {
    vi.stubEnv('NO_COLOR', '1');
    for (const columns of [60, 101, 120]) same(stats(), columns, false);
  });

  it('for any deck, history, title, prompt and width that it draws itself', () => {
    let drawn = 0;
    fc.assert(
      fc.property(history, fc.integer({ min: 40, max: 130 }), fc.boolean(), (s, columns, colour) => {
        try {
          statsText(s, columns, colour);
        } catch (err) {
          if (err instanceof NotPlain) return;
          throw err;
        }
        drawn++;
        same(s, columns, colour);
      }),
      { numRuns: 60, seed: 19 },
    );
    // Most shapes are drawn without Ink; the rest are left to it, as the command does.
    expect(drawn).toBeGreaterThan(45);
  }, 120_000);

  it('draws the screens of a deck like the benchmark one without Ink at every width from 40 to 200', () => {
    const s = { ...stats(), deck: { name: 'n10000', title: 'Generated deck of 10000 cards', path: '/decks/n10000.yaml' } };
    for (let columns = 40; columns <= 200; columns += 7) expect(plain(statsText(s, columns, true))).toContain('Generated deck');
  });
});
