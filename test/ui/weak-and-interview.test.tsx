import { describe, expect, it, vi } from 'vitest';
import { render } from 'ink-testing-library';
import { scheduler } from '../../src/core/schedule/fsrs.js';
import type { CardProgress } from '../../src/core/schedule/progress.js';
import { replay } from '../../src/core/schedule/snapshot.js';
import { weakCards } from '../../src/core/schedule/weakness.js';
import { initDrill, type DrillMode } from '../../src/core/session/drill-state.js';
import { DrillSession } from '../../src/core/session/drill-session.js';
import type { LogRecord } from '../../src/core/store/review-log.js';
import { DrillScreen } from '../../src/ui/screens/drill-screen.js';
import { KEY, press, waitForFrame } from '../helpers/ink.js';
import { makeDeck, question } from '../helpers/deck.js';
import { gradeAt } from '../helpers/history.js';

const T0 = new Date(2026, 10, 26, 10, 0).getTime();
const f = scheduler(0.9);

function mount(opts: { interview?: Date; records?: LogRecord[]; mode?: DrillMode; queue?: string[]; reasons?: Map<string, string> } = {}) {
  const deck = makeDeck(3);
  deck.cards[0] = question('q1', { prompt: 'How would you sandbox an agent?', answer: 'Threat model first.' });
  deck.cards[2] = question('q3', { prompt: 'Why this company?', answer: 'The product.', seconds: 30 });
  const log: LogRecord[] = [];
  let now = T0;
  const clock = () => now;
  const progress = replay(f, deck.cards, opts.records ?? []);
  const state = initDrill({ deck, retention: 0.9, newPerDay: 20, interview: opts.interview }, progress, now, opts.mode, opts.queue);
  const session = new DrillSession(state, { append: (r) => void log.push(r) }, clock);
  const r = render(<DrillScreen session={session} onDone={vi.fn()} clock={clock} reasons={opts.reasons} />);
  return { ...r, log, deck, progress, tick: (ms: number) => (now += ms) };
}

describe('the interview in the drill', () => {
  it('shows how far away the interview is in the header', async () => {
    const { lastFrame } = mount({ interview: new Date(2026, 10, 28, 14, 0) });
    const frame = await waitForFrame(lastFrame, 'sandbox');
    expect(frame).toContain('Interview in 2 days');
  });

  it('on the day itself, shows the time', async () => {
    const { lastFrame } = mount({ interview: new Date(2026, 10, 26, 14, 0) });
    expect(await waitForFrame(lastFrame, 'sandbox')).toContain('Interview today at 14:00');
  });

  it('says in the header that an interview has passed, and predicts nothing for it', async () => {
    const { lastFrame } = mount({ interview: new Date(2026, 10, 20, 14, 0) });
    const frame = await waitForFrame(lastFrame, 'sandbox');
    expect(frame).toMatch(/Interview was on 20 Nov \(\d+ days ago\)/);
    expect(frame).not.toMatch(/Interview (in|today|tomorrow)/);
  });

  it('the summary shows the predicted recall at the interview', async () => {
    const { lastFrame, stdin, tick } = mount({ interview: new Date(2026, 10, 28, 9, 0) });
    await waitForFrame(lastFrame, 'sandbox');
    await press(stdin, KEY.space);
    tick(5000);
    await press(stdin, '4');
    await waitForFrame(lastFrame, 'Question q2?');
    await press(stdin, 'q');
    const frame = await waitForFrame(lastFrame, 'Reviewed 1 card');
    // One card learned (Easy: recall ~0.9+ two days on), two never seen: the mean is about a third.
    expect(frame).toMatch(/Predicted recall at the interview: (2\d|3\d)% \(2 cards never seen\)/);
    expect(frame).toContain('Interview in 2 days');
  });

  it('with no interview set, the summary has no such line', async () => {
    const { lastFrame, stdin } = mount();
    await waitForFrame(lastFrame, 'sandbox');
    await press(stdin, KEY.space);
    await press(stdin, '3');
    await press(stdin, 'q');
    expect(await waitForFrame(lastFrame, 'Reviewed 1 card')).not.toContain('Predicted recall');
  });
});

describe('review screen (weak answers)', () => {
  const at = (d: number, h = 10, m = 0) => new Date(2026, 10, d, h, m);
  // q3 forgotten twice; q1 graded Hard last; q2 solid.
  const records: LogRecord[] = [
    ...(['q1', 'q2', 'q3'] as const).flatMap((c) => [gradeAt(c, at(1), 3), gradeAt(c, at(1, 10, 10), 3), gradeAt(c, at(3), 3)]),
    gradeAt('q3', at(10), 1),
    gradeAt('q3', at(10, 10, 10), 3),
    gradeAt('q3', at(20), 1),
    gradeAt('q3', at(20, 10, 10), 3, 41_000),
    gradeAt('q1', at(20), 2),
    gradeAt('q2', at(20), 3),
  ];

  function mountReview() {
    const deck = makeDeck(3);
    const progress: ReadonlyMap<string, CardProgress> = replay(f, deck.cards, records);
    deck.cards[2] = question('q3', { prompt: 'Why this company?', seconds: 30 });
    const weak = weakCards(f, deck.cards, progress, new Date(T0));
    return mount({ records, mode: 'review', queue: weak.map((w) => w.id), reasons: new Map(weak.map((w) => [w.id, w.reasons])) });
  }

  it('shows the weakest card first with the reasons it is weak, and only weak cards', async () => {
    const { lastFrame, stdin, log } = mountReview();
    let frame = await waitForFrame(lastFrame, 'Why this company?');
    expect(frame).toMatch(/Weak: forgot 2x · over time: 41s \/ 30s · recall now \d+%/);
    expect(frame).toContain('2 left');
    await press(stdin, KEY.space);
    await press(stdin, '3');
    frame = await waitForFrame(lastFrame, 'sandbox');
    expect(frame).toMatch(/Weak: last: Hard · recall now \d+%/);
    // Grades are early reviews, as in `prep drill --all`.
    expect(log[0]).toMatchObject({ type: 'grade', card: 'q3', grade: 3, early: true });
    await press(stdin, KEY.space);
    await press(stdin, '3');
    frame = await waitForFrame(lastFrame, 'Reviewed 2 cards');
    expect(log.map((r) => (r.type === 'grade' ? r.card : r.type))).toEqual(['q3', 'q1']);
  });
});
