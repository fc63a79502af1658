import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'ink-testing-library';
import type { Card } from '../../../src/core/deck/types.js';
import { initPitch } from '../../../src/core/session/pitch-state.js';
import { PitchSession } from '../../../src/core/session/pitch-session.js';
import type { LogRecord } from '../../../src/core/store/log-records.js';
import { PitchScreen } from '../../../src/ui/screens/pitch-screen.js';
import { KEY, press, waitForFrame } from '../../helpers/ink.js';

const T0 = new Date('2026-11-26T10:00').getTime();
const card: Card = { id: 'pitch', kind: 'pitch', prompt: 'Tell me about yourself.', answer: 'I build sandboxes.', points: ['Sandboxes'], tags: [], seconds: 60, line: 1 };

function mount() {
  let now = T0;
  const log: LogRecord[] = [];
  const session = new PitchSession(initPitch({ name: 'coder', title: 'Coder' }, card, []), { append: (r) => void log.push(r) }, () => now);
  const r = render(<PitchScreen session={session} onDone={vi.fn()} clock={() => now} />);
  /** Times an attempt of `ms` with two presses of space. */
  const attempt = async (ms: number) => {
    await press(r.stdin, KEY.space);
    now += ms;
    await press(r.stdin, KEY.space);
    await waitForFrame(r.lastFrame, 'save');
  };
  return { ...r, log, attempt };
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('pitch screen: an attempt too short to be real', () => {
  it('is not saved by enter alone: the screen asks, and a second enter saves it', async () => {
    const m = mount();
    await waitForFrame(m.lastFrame, 'Tell me');
    await m.attempt(800);
    await press(m.stdin, KEY.enter);
    const frame = await waitForFrame(m.lastFrame, 'save it anyway?');
    expect(frame).toContain('Only 0.8 s: save it anyway? enter saves, r drops it.');
    expect(m.log).toEqual([]);
    await press(m.stdin, KEY.enter);
    await waitForFrame(m.lastFrame, 'Saved to your history');
    expect(m.log).toMatchObject([{ type: 'pitch', ms: 800 }]);
  });

  it('r drops it unsaved, and the next attempt is asked about afresh', async () => {
    const m = mount();
    await waitForFrame(m.lastFrame, 'Tell me');
    await m.attempt(1100);
    await press(m.stdin, KEY.enter);
    await waitForFrame(m.lastFrame, 'save it anyway?');
    await press(m.stdin, 'r');
    await waitForFrame(m.lastFrame, 'The last attempt (1.1 s) was not saved.');
    await m.attempt(2000);
    await press(m.stdin, KEY.enter);
    await waitForFrame(m.lastFrame, 'Only 2.0 s: save it anyway?');
    expect(m.log).toEqual([]);
  });

  it('under 10% of the target counts as short too (5.9 s of 60 s), while 6 s saves at once', async () => {
    const m = mount();
    await waitForFrame(m.lastFrame, 'Tell me');
    await m.attempt(5900);
    await press(m.stdin, KEY.enter);
    await waitForFrame(m.lastFrame, 'Only 5.9 s: save it anyway?');
    await press(m.stdin, 'r');
    await waitForFrame(m.lastFrame, 'was not saved');
    await m.attempt(6000);
    await press(m.stdin, KEY.enter);
    const frame = await waitForFrame(m.lastFrame, 'Saved to your history');
    expect(frame).not.toContain('save it anyway?');
    expect(m.log).toMatchObject([{ type: 'pitch', ms: 6000 }]);
  });
});
