import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'ink-testing-library';
import { scheduler } from '../../../src/core/schedule/fsrs.js';
import { replay } from '../../../src/core/schedule/snapshot.js';
import { initDrill } from '../../../src/core/session/drill-state.js';
import { DrillSession } from '../../../src/core/session/drill-session.js';
import type { LogRecord } from '../../../src/core/store/review-log.js';
import { DrillScreen } from '../../../src/ui/screens/drill-screen.js';
import { KEY, press, waitForFrame } from '../../helpers/ink.js';
import { makeDeck, question } from '../../helpers/deck.js';

const T0 = new Date('2026-11-26T10:00').getTime();

function mount(opts: { newPerDay?: number; cards?: number; answer?: string; points?: string[]; pitchFirst?: boolean } = {}) {
  const deck = makeDeck(opts.cards ?? 3);
  deck.cards[0] = question('q1', { prompt: 'How would you sandbox an agent?', answer: opts.answer ?? 'Threat model first.', points: opts.points ?? ['STRIDE', 'layers'] });
  if (opts.pitchFirst) deck.cards.unshift(question('pitch', { kind: 'pitch', prompt: 'Tell me about yourself.', seconds: 30 }));
  const log: LogRecord[] = [];
  let now = T0;
  const clock = () => now;
  const state = initDrill({ deck, retention: 0.9, newPerDay: opts.newPerDay ?? 20 }, replay(scheduler(0.9), deck.cards, []), now);
  const session = new DrillSession(state, { append: (r) => void log.push(r) }, clock);
  const onDone = vi.fn();
  const r = render(<DrillScreen session={session} onDone={onDone} clock={clock} />);
  return { ...r, log, onDone, advance: (ms: number) => (now += ms) };
}

afterEach(() => vi.useRealTimers());

describe('drill screen', () => {
  it('shows the question with its kind and position, then reveals the answer and key points', async () => {
    const { lastFrame, stdin } = mount();
    let frame = await waitForFrame(lastFrame, 'How would you sandbox an agent?');
    expect(frame).toContain('Question');
    expect(frame).toContain('3 left');
    expect(frame).not.toContain('Threat model first.');
    await press(stdin, KEY.space);
    frame = await waitForFrame(lastFrame, 'Threat model first.');
    expect(frame).toContain('Key points');
    expect(frame).toContain('• STRIDE');
    // Each grade shows the wait it would give: a new card's Again is one minute, Easy is days.
    expect(frame).toMatch(/1 Again · 1m/);
    expect(frame).toMatch(/4 Easy · \d+d/);
  });

  it('wraps a long answer and key point at spaces: no line starts with a stray space, points hang under their text', async () => {
    // At 100 columns (98 inside the padding) the first line ends exactly with "x98": Ink's own
    // wrap would start the next line with the space after it.
    const first = `${'word '.repeat(17)}abcdefghi x98`;
    expect(first.length).toBe(98);
    const answer = `${first} and then the answer goes on for a while longer so that it wraps.`;
    const point = `${'a point that is long enough to need a second line '.repeat(2)}end`;
    const { lastFrame, stdin } = mount({ answer, points: [point] });
    await waitForFrame(lastFrame, 'sandbox');
    await press(stdin, KEY.space);
    const lines = (await waitForFrame(lastFrame, 'Key points')).split('\n');
    expect(lines).toContain(` ${first}`);
    expect(lines).toContain(' and then the answer goes on for a while longer so that it wraps.');
    const bullet = lines.findIndex((l) => l.startsWith('   • a point'));
    expect(lines[bullet + 1]).toMatch(/^ {5}\S/);
  });

  it('grades with a number key: the grade is recorded and the next card shown', async () => {
    const { lastFrame, stdin, log } = mount();
    await waitForFrame(lastFrame, 'sandbox');
    await press(stdin, KEY.enter);
    await waitForFrame(lastFrame, 'Threat model');
    await press(stdin, '3');
    const frame = await waitForFrame(lastFrame, 'Question q2?');
    // q1 is on its 10-minute learning step and will come back this session: still 3 to go.
    expect(frame).toContain('3 left · 1 learning');
    expect(log).toMatchObject([{ type: 'grade', card: 'q1', grade: 3 }]);
  });

  it('ignores grade keys before the reveal', async () => {
    const { lastFrame, stdin, log } = mount();
    await waitForFrame(lastFrame, 'sandbox');
    await press(stdin, '3');
    // The reveal that follows is drawn only once the '3' has been handled: had it graded,
    // the screen would show q2's answer, not q1's, and the log would hold the grade.
    await press(stdin, KEY.space);
    const frame = await waitForFrame(lastFrame, 'Threat model');
    expect(frame).toContain('sandbox');
    expect(log).toHaveLength(0);
  });

  it('u undoes the last grade and shows that card again', async () => {
    const { lastFrame, stdin, log } = mount();
    await waitForFrame(lastFrame, 'sandbox');
    await press(stdin, KEY.space);
    await press(stdin, '1');
    await waitForFrame(lastFrame, 'Question q2?');
    await press(stdin, 'u');
    const frame = await waitForFrame(lastFrame, 'How would you sandbox an agent?');
    expect(frame).toContain('3 left');
    // It says what it took back, on which card.
    expect(frame).toContain('Undid Again on “How would you sandbox an agent?”');
    expect(log.map((r) => r.type)).toEqual(['grade', 'undo']);
    // The next key clears the notice; with nothing left, u says so and writes nothing.
    await press(stdin, 'u');
    await waitForFrame(lastFrame, 'Nothing to undo: no grade in this session to take back');
    expect(log.map((r) => r.type)).toEqual(['grade', 'undo']);
  });

  it('? shows help drawn from the keymap, and ? again hides it', async () => {
    const { lastFrame, stdin } = mount();
    await waitForFrame(lastFrame, 'sandbox');
    await press(stdin, '?');
    const frame = await waitForFrame(lastFrame, 'Keys');
    expect(frame).toContain('Take back the last grade');
    expect(frame).toMatch(/\?\/q\/esc\s+Close this help/);
    expect(frame).toMatch(/Scroll[\s│]+↑\/k\s+Scroll up a line/);
    expect(frame).toMatch(/Grade[\s│]+1\s+Again: forgot it/);
    // A question card: the pitch's own keys do nothing here, so the help leaves them out.
    expect(frame).not.toMatch(/Start the timer|Tick or untick|Show or hide the script|Try again/);
    await press(stdin, '?');
    await waitForFrame(lastFrame, (f) => !f.includes('Take back') && f.includes('sandbox'));
  });

  it('on the pitch card, the help has its start/stop key, and still no keys of the pitch screen', async () => {
    const { lastFrame, stdin } = mount({ pitchFirst: true });
    await waitForFrame(lastFrame, 'Tell me about yourself.');
    await press(stdin, '?');
    const frame = await waitForFrame(lastFrame, 'Keys');
    expect(frame).toMatch(/Pitch[\s│]+space\s+Start the timer, or stop it/);
    expect(frame).not.toMatch(/Show the model answer|Tick or untick|Show or hide the script|Try again|Type your answer/);
  });

  it.each([['q'], [KEY.esc], ['?']])('%j closes an open help first, and only then quits', async (key) => {
    const { lastFrame, stdin, onDone } = mount();
    await waitForFrame(lastFrame, 'sandbox');
    await press(stdin, '?');
    await waitForFrame(lastFrame, 'Keys');
    await press(stdin, key);
    await waitForFrame(lastFrame, (f) => !f.includes('Take back') && f.includes('sandbox'));
    expect(onDone).not.toHaveBeenCalled();
    await press(stdin, 'q');
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
  });

  it('ctrl+c quits even from the help', async () => {
    const { lastFrame, stdin, onDone } = mount();
    await waitForFrame(lastFrame, 'sandbox');
    await press(stdin, '?');
    await waitForFrame(lastFrame, 'Keys');
    await press(stdin, KEY.ctrlC);
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
  });

  it.each([['q'], [KEY.esc], [KEY.ctrlC]])('quits on %j and reports done once', async (key) => {
    const { lastFrame, stdin, onDone } = mount();
    await waitForFrame(lastFrame, 'sandbox');
    await press(stdin, key);
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
  });

  it('after some grades, quitting shows the summary', async () => {
    const { lastFrame, stdin, onDone } = mount();
    await waitForFrame(lastFrame, 'sandbox');
    await press(stdin, KEY.space);
    await press(stdin, '1');
    await waitForFrame(lastFrame, 'Question q2?');
    await press(stdin, 'q');
    const frame = await waitForFrame(lastFrame, 'Reviewed 1 card');
    expect(frame).toContain('Again: 1');
    expect(frame).toMatch(/Next card due in 1m/);
    // The screen reports done from an effect, after the frame is drawn.
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
  });

  it('says when nothing is due and offers to practise anyway', async () => {
    const { lastFrame, stdin, log } = mount({ newPerDay: 0 });
    const frame = await waitForFrame(lastFrame, 'Nothing is due');
    expect(frame).toContain('p practise anyway');
    await press(stdin, 'p');
    await waitForFrame(lastFrame, 'sandbox');
    await press(stdin, KEY.space);
    await press(stdin, '4');
    expect(log[0]).toMatchObject({ card: 'q1', grade: 4, early: true });
  });

  it('runs an answer timer while the question is up (fake clock)', async () => {
    vi.useFakeTimers({ now: T0 });
    const { lastFrame, advance } = mount();
    await waitForFrame(lastFrame, '0:00');
    advance(12_000);
    await vi.advanceTimersByTimeAsync(1000);
    await waitForFrame(lastFrame, '0:12');
  });
});

describe('keys typed faster than a frame', () => {
  it('handles each of "3q" arriving as one chunk: the grade is saved, then the drill quits', async () => {
    const { lastFrame, stdin, log, onDone } = mount();
    await waitForFrame(lastFrame, 'sandbox');
    await press(stdin, KEY.space);
    await waitForFrame(lastFrame, 'Threat model');
    await press(stdin, '3q');
    expect(log).toMatchObject([{ type: 'grade', card: 'q1', grade: 3 }]);
    await waitForFrame(lastFrame, 'Reviewed 1 card');
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
  });
});
