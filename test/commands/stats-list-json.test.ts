import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PREP } from '../helpers/run-cli.js';
import { makeTempHome, type TempHome } from '../helpers/temp-home.js';
import { localDate } from '../../src/core/schedule/day.js';

// Runs the built bundle (npm test builds it first), as a script would.

// The documented shapes (README, "Stats and list"). Strict: a missing or an extra key fails.
const isoTime = z.iso.datetime();
const isoDate = z.iso.date();
const count = z.number().int().min(0);
const share = z.number().min(0).max(1);

const listShape = z.array(
  z.strictObject({
    name: z.string(),
    title: z.string().nullable(),
    path: z.string(),
    shipped: z.boolean(),
    cards: count.nullable(),
    dueNow: count.nullable(),
    new: count.nullable(),
    interview: isoTime.nullable(),
    daysLeft: z.number().int().nullable(),
    lastPractised: isoTime.nullable(),
    error: z.string().nullable(),
  }),
);

const statsShape = z.strictObject({
  deck: z.string(),
  title: z.string(),
  path: z.string(),
  generatedAt: isoTime,
  interview: isoTime.nullable(),
  daysLeft: z.number().int().nullable(),
  counts: z.strictObject({ new: count, learning: count, review: count, relearning: count, total: count }),
  dueNow: count,
  lastPractised: isoTime.nullable(),
  reviews: z.strictObject({ total: count, last30d: count, retention30d: share.nullable() }),
  dueForecast: z.array(z.strictObject({ date: isoDate, count })).length(14),
  heatmap: z.array(z.strictObject({ date: isoDate, count })),
  cards: z.array(
    z.strictObject({
      id: z.string(),
      kind: z.enum(['question', 'pitch', 'ask']),
      state: z.enum(['new', 'learning', 'review', 'relearning']),
      due: isoTime.nullable(),
      stability: z.number().nullable(),
      difficulty: z.number().nullable(),
      reps: count,
      lapses: count,
      lastGrade: z.number().int().min(1).max(4).nullable(),
      recallNow: share.nullable(),
      recallAtInterview: share.nullable(),
      medianMs: z.number().min(0).nullable(),
    }),
  ),
  weakest: z.array(z.string()).max(5),
  pitch: z.strictObject({
    target: z.number().positive().nullable(),
    attempts: z.array(z.strictObject({ at: isoTime, ms: z.number().min(0) })),
    best: z.number().min(0).nullable(),
    medianLast5: z.number().min(0).nullable(),
  }),
  mocks: z.array(
    z.strictObject({
      at: isoTime,
      ms: z.number().min(0),
      cards: count,
      answered: count,
      skipped: count,
      overTime: count,
      timed: count,
      meanGrade: z.number().min(1).max(4).nullable(),
      scheduled: z.boolean(),
    }),
  ),
});

const DAY = 86_400_000;

function run(home: TempHome, args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync('node', [PREP, ...args], { env: { ...home.env, ...env }, encoding: 'utf8', timeout: 15_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A log of the shipped coder deck: a few grades and two pitch runs over the last days. */
function writeCoderLog(home: TempHome): void {
  const now = Date.now();
  let n = 0;
  const line = (fields: Record<string, unknown>, daysAgo: number) =>
    JSON.stringify({ v: 1, ...fields, id: `r${++n}`, deck: 'coder', at: new Date(now - daysAgo * DAY).toISOString() });
  const lines = [
    line({ type: 'grade', card: 'pitch', grade: 3, ms: 35_000 }, 5),
    line({ type: 'grade', card: 'sandbox-design', grade: 4, ms: 80_000 }, 5),
    line({ type: 'grade', card: 'sandbox-design', grade: 3, ms: 60_000 }, 2),
    line({ type: 'grade', card: 'many-agent-frameworks', grade: 1, ms: 20_000 }, 2),
    line({ type: 'pitch', ms: 34_200, beats: [0, 1], beatsTotal: 5 }, 3),
    line({ type: 'pitch', ms: 29_100, beats: [0, 1, 2, 3, 4], beatsTotal: 5 }, 1),
    line({ type: 'grade', card: 'why-coder', grade: 2, ms: 70_000, early: true, mock: 'm1' }, 1),
    line(
      {
        type: 'mock',
        ms: 300_000,
        scheduled: true,
        items: [
          { card: 'pitch', kind: 'pitch', ms: 33_000, target: 30, skipped: false, grade: null },
          { card: 'why-coder', kind: 'question', ms: 70_000, target: 60, skipped: false, grade: 2 },
          { card: 'ramp-up-on-go', kind: 'question', ms: null, target: 60, skipped: true, grade: null },
        ],
      },
      1,
    ),
  ];
  mkdirSync(join(home.dir, 'logs'), { recursive: true });
  writeFileSync(join(home.dir, 'logs', 'coder.jsonl'), `${lines.join('\n')}\n`);
}

describe('prep list --json and prep stats --json', () => {
  let home: TempHome;
  beforeEach(() => {
    home = makeTempHome('prep-stats-');
  });
  afterEach(() => home.cleanup());

  it('list: every deck, yours, broken and shipped, in the documented shape', () => {
    const interview = localDate(new Date(Date.now() + 10 * DAY));
    mkdirSync(join(home.dir, 'decks'));
    writeFileSync(join(home.dir, 'decks', 'acme.yaml'), `title: Acme\ninterview: ${interview}\nquestions:\n  - question: Why Acme?\n    answer: Because.\n`);
    writeFileSync(join(home.dir, 'decks', 'broken.yaml'), 'questions:\n  - question: No title?\n    answer: None.\n');
    writeCoderLog(home);

    const r = run(home, ['list', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const decks = listShape.parse(JSON.parse(r.stdout));
    const byName = new Map(decks.map((d) => [d.name, d]));
    expect([...byName.keys()]).toEqual(expect.arrayContaining(['acme', 'broken', 'coder']));
    expect(byName.get('acme')).toMatchObject({ shipped: false, title: 'Acme', cards: 1, dueNow: 0, new: 1, daysLeft: 10, lastPractised: null, error: null });
    expect(byName.get('acme')!.interview).toBe(new Date(`${interview}T09:00`).toISOString());
    expect(byName.get('broken')).toMatchObject({ shipped: false, title: null, cards: null });
    expect(byName.get('broken')!.error).toMatch(/broken\.yaml:\d+:\d+ .*title/);
    expect(byName.get('coder')).toMatchObject({ shipped: true, cards: 9, new: 5, error: null });
    expect(byName.get('coder')!.lastPractised).not.toBeNull();
  });

  it('stats: the figures of a deck with history, in the documented shape', () => {
    writeCoderLog(home);
    const r = run(home, ['stats', 'coder', '--json']);
    expect(r.code).toBe(0);
    const s = statsShape.parse(JSON.parse(r.stdout));
    expect(s).toMatchObject({ deck: 'coder', interview: null, daysLeft: null });
    expect(s.counts.total).toBe(9);
    // The rehearsal's grade (early, from a mock) counts like any review: why-coder is no longer new.
    expect(s.counts.new).toBe(5);
    expect(s.reviews).toMatchObject({ total: 5, last30d: 5, retention30d: 1 });
    // The rehearsal: pitch and one answer over their targets, one skipped, graded Hard once.
    expect(s.mocks).toEqual([
      { at: expect.any(String), ms: 300_000, cards: 3, answered: 2, skipped: 1, overTime: 2, timed: 2, meanGrade: 2, scheduled: true },
    ]);
    // Exactly the documented keys, in their order: no id or other field of the summary leaks in.
    expect(Object.keys(JSON.parse(r.stdout).mocks[0])).toEqual(['at', 'ms', 'cards', 'answered', 'skipped', 'overTime', 'timed', 'meanGrade', 'scheduled']);
    expect(s.pitch).toMatchObject({ target: 30_000, best: 29_100 });
    expect(s.pitch.attempts.map((a) => a.ms)).toEqual([34_200, 29_100]);
    expect(s.weakest[0]).toBe('many-agent-frameworks');
    expect(s.cards.find((c) => c.id === 'sandbox-design')?.medianMs).toBe(70_000);
    expect(s.heatmap.reduce((a, d) => a + d.count, 0)).toBe(5);
  });

  it('stats of a deck never practised: nulls, and nothing is written to the data folder', () => {
    const r = run(home, ['stats', 'coder', '--json']);
    expect(r.code).toBe(0);
    const s = statsShape.parse(JSON.parse(r.stdout));
    expect(s.reviews.retention30d).toBeNull();
    expect(s.cards.every((c) => c.due === null && c.recallNow === null)).toBe(true);
    expect(run(home, ['list']).code).toBe(0);
    expect(existsSync(join(home.dir, 'logs'))).toBe(false);
    expect(existsSync(join(home.dir, 'settings.json'))).toBe(false);
  });

  it('stats without --json draws the picture once and exits, with NO_COLOR in plain characters', () => {
    writeCoderLog(home);
    const r = run(home, ['stats', 'coder'], { NO_COLOR: '1', FORCE_COLOR: '3' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Coder — Software Engineer, AI Tools');
    expect(r.stdout).toContain('Less · ░ ▒ ▓ █ More');
    expect(r.stdout).toMatch(/Mock interviews {2}1 in all, latest first\n.* · 2 of 2 over time · mean grade 2\.0 · 1 skipped/);
    // eslint-disable-next-line no-control-regex
    expect(r.stdout).not.toMatch(/\x1b\[(?:3\d|4\d|9[0-7])/);
  });

  it('an unknown deck is one line on stderr and exit code 2, nothing on stdout', () => {
    const r = run(home, ['stats', 'nosuch', '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^prep: no deck named "nosuch"/);
  });
});
