import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import { scheduler } from '../../src/core/schedule/fsrs.js';
import { deadlineIntervals } from '../../src/core/schedule/deadline.js';
import { replay } from '../../src/core/schedule/snapshot.js';
import { DrillSession } from '../../src/core/session/drill-session.js';
import { initDrill } from '../../src/core/session/drill-state.js';
import { StoreError, type LogRecord } from '../../src/core/store/review-log.js';
import { DrillScreen } from '../../src/ui/screens/drill-screen.js';
import { makeDeck, question } from '../helpers/deck.js';
import { KEY, press, waitForFrame } from '../helpers/ink.js';

const NOW = new Date('2026-11-26T10:00').getTime();
const DAY = 86_400_000;

/** A drill whose log can be made to fail, as a full disk would. */
function mount(records: LogRecord[] = [], now = NOW) {
  const deck = makeDeck(2);
  deck.cards[0] = question('q1', { prompt: 'How would you sandbox an agent?', answer: 'Threat model first.' });
  const saved: LogRecord[] = [];
  let full = false;
  const sink = {
    append: (r: LogRecord) => {
      if (full) throw new StoreError('could not save to /data/logs/test.jsonl: no space left on device', '/data/logs/test.jsonl', { code: 'ENOSPC' });
      saved.push(r);
    },
  };
  const state = initDrill({ deck, retention: 0.9, newPerDay: 20 }, replay(scheduler(0.9), deck.cards, records), now, records.length ? 'all' : 'due');
  const session = new DrillSession(state, sink, () => now);
  const r = render(<DrillScreen session={session} onDone={vi.fn()} clock={() => now} />);
  return { ...r, saved, fill: (on: boolean) => (full = on) };
}

describe('a write that fails (disk full)', () => {
  it('says the grade was not saved and stays on the card; the same key saves it once space is back', async () => {
    const { lastFrame, stdin, saved, fill } = mount();
    await waitForFrame(lastFrame, 'How would you sandbox an agent?');
    await press(stdin, KEY.space);
    await waitForFrame(lastFrame, 'Threat model first.');
    fill(true);
    await press(stdin, '3');
    let frame = await waitForFrame(lastFrame, 'Grade not saved: could not save to /data/logs/test.jsonl: no space left on device');
    // Still the same card, still revealed, grades still offered: nothing claims it was kept.
    expect(frame).toContain('How would you sandbox an agent?');
    expect(frame).toContain('Threat model first.');
    expect(frame).toMatch(/3 Good/);
    expect(frame).toContain('2 left');
    expect(saved).toEqual([]);

    fill(false);
    await press(stdin, '3');
    frame = await waitForFrame(lastFrame, 'Question q2?');
    expect(frame).not.toContain('not saved');
    expect(saved).toMatchObject([{ type: 'grade', card: 'q1', grade: 3 }]);
  });

  it('quitting after a failed grade does not count it in the summary', async () => {
    const { lastFrame, stdin, fill } = mount();
    await waitForFrame(lastFrame, 'sandbox');
    await press(stdin, KEY.space);
    await press(stdin, '4');
    await waitForFrame(lastFrame, 'Question q2?');
    await press(stdin, KEY.space);
    fill(true);
    await press(stdin, '1');
    await waitForFrame(lastFrame, 'Grade not saved');
    await press(stdin, 'q');
    const frame = await waitForFrame(lastFrame, /Reviewed 1 card/);
    expect(frame).not.toMatch(/Again: 1/);
  });

  it('an undo that cannot be saved leaves the grade in place and says so', async () => {
    const { lastFrame, stdin, saved, fill } = mount();
    await waitForFrame(lastFrame, 'sandbox');
    await press(stdin, KEY.space);
    await press(stdin, '3');
    await waitForFrame(lastFrame, 'Question q2?');
    fill(true);
    await press(stdin, 'u');
    const frame = await waitForFrame(lastFrame, 'Undo not saved: could not save');
    expect(frame).toContain('Question q2?');
    expect(saved.map((r) => r.type)).toEqual(['grade']);
  });
});

describe('a clock gone backwards', () => {
  // The last grades were made "in the future": the clock was set back since, or the log came
  // from a machine whose clock ran ahead.
  const future = (card: string, days: number, grade: 1 | 2 | 3 | 4, id: string): LogRecord => ({
    v: 1,
    type: 'grade',
    id,
    deck: 'test',
    card,
    grade,
    at: new Date(NOW + days * DAY).toISOString(),
  });
  const records = [future('q1', 2, 3, 'f1'), future('q1', 6, 3, 'f2'), future('q2', 1, 1, 'f3')];

  it('gives waits that are never negative, interview or not', () => {
    const f = scheduler(0.9);
    const progress = replay(f, makeDeck(2).cards, records);
    for (const p of progress.values()) {
      for (const ms of Object.values(deadlineIntervals(f, p, null, new Date(NOW)))) expect(ms).toBeGreaterThanOrEqual(0);
      for (const interview of [undefined, new Date(NOW + 3 * DAY), new Date(NOW + 30 * DAY)]) {
        for (const ms of Object.values(deadlineIntervals(f, p, interview, new Date(NOW)))) {
          expect(Number.isFinite(ms)).toBe(true);
          expect(ms).toBeGreaterThanOrEqual(0);
        }
      }
    }
  });

  it('the drill opens, reveals with waits of zero or more, and grades', async () => {
    const { lastFrame, stdin, saved } = mount(records);
    await waitForFrame(lastFrame, /Question/);
    await press(stdin, KEY.space);
    const frame = await waitForFrame(lastFrame, /1 Again/);
    const waits = [...frame.matchAll(/· (-?[\d.]+)(s|m|h|d|mo|y)\b/g)].map((m) => Number(m[1]));
    expect(waits).toHaveLength(4);
    for (const w of waits) expect(w).toBeGreaterThanOrEqual(0);
    expect(frame).not.toMatch(/NaN|Invalid/);
    await press(stdin, '3');
    expect(saved).toMatchObject([{ type: 'grade', grade: 3 }]);
  });
});
