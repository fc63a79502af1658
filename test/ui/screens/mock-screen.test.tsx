import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import type { Card } from '../../../src/core/deck/types.js';
import { scheduler } from '../../../src/core/schedule/fsrs.js';
import { replay } from '../../../src/core/schedule/snapshot.js';
import { MockSession } from '../../../src/core/session/mock-session.js';
import { initMock } from '../../../src/core/session/mock-state.js';
import type { LogRecord } from '../../../src/core/store/log-records.js';
import { MockScreen } from '../../../src/ui/screens/mock-screen.js';
import { question } from '../../helpers/deck.js';
import { KEY, press, waitForFrame } from '../../helpers/ink.js';

const pitch: Card = { id: 'pitch', kind: 'pitch', prompt: 'Tell me about yourself.', answer: 'I build sandboxes.', points: ['What I do'], tags: [], seconds: 30, line: 2 };
const q1 = question('q1', { prompt: 'How do you contain an agent?', answer: 'Threat model first.', points: ['threat model', 'gated sync'], seconds: 60 });

function setup(opts: { type?: boolean } = {}) {
  let now = 1_000_000;
  const log: LogRecord[] = [];
  const cards = [pitch, q1];
  const progress = replay(scheduler(0.9), cards, []);
  const config = { id: 'm1', deck: { name: 'test', title: 'Test deck' }, cards, speak: false, type: opts.type ?? false, scheduled: true, progress, retention: 0.9, interview: null };
  const session = new MockSession(initMock(config, now), { append: (r) => log.push(r) }, null, () => now);
  let done = false;
  const app = render(<MockScreen session={session} onDone={() => (done = true)} clock={() => now} />);
  return { app, log, tick: (ms: number) => (now += ms), done: () => done };
}

describe('mock screen', () => {
  const prev = process.env.NO_COLOR;
  afterEach(() => {
    if (prev === undefined) delete process.env.NO_COLOR;
    else process.env.NO_COLOR = prev;
  });

  it('shows each question without its answer, then the scorecard to grade against the model answer, then the totals', async () => {
    const { app, log, tick } = setup();
    let frame = await waitForFrame(app.lastFrame, 'Tell me about yourself.');
    expect(frame).toContain('Pitch  1/2');
    expect(frame).toContain('/ 0:30');
    expect(frame).not.toContain('I build sandboxes.');
    tick(35_000);
    await press(app.stdin, KEY.space);
    frame = await waitForFrame(app.lastFrame, 'How do you contain an agent?');
    expect(frame).not.toContain('Threat model first.');
    tick(20_000);
    await press(app.stdin, KEY.enter);
    frame = await waitForFrame(app.lastFrame, 'Grade 1 of 2');
    expect(frame).toContain('0:35 of 0:30 · +0:05 over');
    expect(frame).toContain('I build sandboxes.');
    await press(app.stdin, '3');
    frame = await waitForFrame(app.lastFrame, 'Grade 2 of 2');
    expect(frame).toContain('Threat model first.');
    await press(app.stdin, '2');
    frame = await waitForFrame(app.lastFrame, 'Time in all');
    expect(frame).toMatch(/P {2}Tell me about yourself\. +0:35 \/ 0:30 {2}\+0:05 over +3 Good/);
    expect(frame).toMatch(/1 {2}How do you contain an agent\? +0:20 \/ 1:00 {2}under +2 Hard/);
    expect(frame).toContain('1 of 2 over time');
    expect(frame).toContain('Grades: 1 Hard, 1 Good · mean 2.5');
    expect(frame).toContain('Saved to your history');
    expect(log.map((r) => r.type)).toEqual(['grade', 'grade', 'mock']);
  });

  it('with NO_COLOR the clock says its zone in words', async () => {
    process.env.NO_COLOR = '1';
    const { app, tick } = setup();
    await waitForFrame(app.lastFrame, '[on pace]');
    tick(27_000);
    await waitForFrame(app.lastFrame, '[3 s left]');
    tick(5_000);
    await waitForFrame(app.lastFrame, '[over]');
  });

  it('quitting in the scorecard says the grades given are kept', async () => {
    const { app, log, done } = setup();
    await waitForFrame(app.lastFrame, 'Tell me about yourself.');
    await press(app.stdin, KEY.space);
    await waitForFrame(app.lastFrame, 'How do you contain');
    await press(app.stdin, KEY.space);
    await waitForFrame(app.lastFrame, 'Grade 1 of 2');
    await press(app.stdin, '4');
    await waitForFrame(app.lastFrame, 'Grade 2 of 2');
    await press(app.stdin, 'q');
    const frame = await waitForFrame(app.lastFrame, 'Left the scorecard');
    expect(frame.replace(/\s+/g, ' ')).toContain('1 grade given is kept in your schedule; 1 not graded. The rehearsal is in your history.');
    expect(done()).toBe(true);
    expect(log.map((r) => r.type)).toEqual(['grade', 'mock']);
  });

  it('--type: the answer is typed under the question and its key-point coverage shows in the scorecard', async () => {
    const { app } = setup({ type: true });
    await waitForFrame(app.lastFrame, 'Tell me about yourself.');
    await press(app.stdin, KEY.space);
    await waitForFrame(app.lastFrame, 'Your answer:');
    await press(app.stdin, '?');
    // Typing: '?' is text, not help; esc leaves the field, and the help then speaks of the mock's own keys.
    await press(app.stdin, KEY.esc);
    await press(app.stdin, '?');
    const help = await waitForFrame(app.lastFrame, 'Keys');
    expect(help).toContain('Done typing: the answer waits for the scorecard');
    expect(help).not.toContain('reveal');
    await press(app.stdin, '?');
    await press(app.stdin, 't');
    await waitForFrame(app.lastFrame, '> ?');
    await press(app.stdin, '\x7f'); // backspace
    await press(app.stdin, 'we begin with a threat model');
    await press(app.stdin, KEY.enter);
    await waitForFrame(app.lastFrame, 'Grade 1 of 2');
    await press(app.stdin, 'n');
    const frame = await waitForFrame(app.lastFrame, 'Key points: 1/2 covered');
    expect(frame).toContain('Suggested grade: 2 Hard');
    expect(frame).toContain('You wrote: we begin with a *threat* *model*'.replace(/\*/g, '')); // the '?' was taken back
  });
});
