import { describe, expect, it, vi } from 'vitest';
import { render } from 'ink-testing-library';
import type { SpeechFigures } from '../../../src/core/audio/analyse.js';
import type { ListenStatus } from '../../../src/core/audio/listener.js';
import { scheduler } from '../../../src/core/schedule/fsrs.js';
import { replay } from '../../../src/core/schedule/snapshot.js';
import { initDrill } from '../../../src/core/session/drill-state.js';
import { DrillSession } from '../../../src/core/session/drill-session.js';
import type { LogRecord } from '../../../src/core/store/review-log.js';
import type { ListenSource } from '../../../src/ui/components/listen-panel.js';
import { bigRows } from '../../../src/ui/components/big-digits.js';
import { DrillScreen } from '../../../src/ui/screens/drill-screen.js';
import { KEY, press, waitForFrame } from '../../helpers/ink.js';
import { makeDeck, question } from '../../helpers/deck.js';

const T0 = new Date('2026-11-26T10:00').getTime();

/** What the microphone heard, set by the test (the real recorder is driven in test/e2e/listen). */
function heard() {
  const subscribers = new Set<() => void>();
  let status: ListenStatus = { phase: 'waiting', voiceStartMs: null, voiceEndMs: null, heardMs: 0, figures: null, error: null };
  const source: ListenSource = {
    subscribe: (l) => (subscribers.add(l), () => subscribers.delete(l)),
    get: () => status,
    recorder: 'sox',
    stopAfterSeconds: 2,
    targetSeconds: 30,
  };
  return { source, set: (s: Partial<ListenStatus>) => ((status = { ...status, ...s }), subscribers.forEach((l) => l())) };
}

function mount(listen?: ListenSource) {
  const deck = makeDeck(2);
  deck.cards.unshift(question('pitch', { kind: 'pitch', prompt: 'Tell me about yourself.', answer: 'I build sandboxes.', seconds: 30 }));
  const log: LogRecord[] = [];
  let now = T0;
  const clock = () => now;
  const session = new DrillSession(initDrill({ deck, retention: 0.9, newPerDay: 20 }, replay(scheduler(0.9), deck.cards, []), now), { append: (r) => void log.push(r) }, clock);
  const r = render(<DrillScreen session={session} onDone={vi.fn()} clock={clock} listen={listen} />);
  /** Times the pitch with two presses of space, `ms` apart. */
  const time = async (ms: number) => {
    await waitForFrame(r.lastFrame, 'Tell me about yourself.');
    await press(r.stdin, KEY.space);
    now += ms;
    await press(r.stdin, KEY.space);
    await waitForFrame(r.lastFrame, 'I build sandboxes.');
  };
  return { ...r, log, session, time, tick: (ms: number) => (now += ms) };
}

describe('drill: a pitch attempt too short to be real', () => {
  it('asks on the revealed card; grading alone keeps the grade and leaves the attempt out of the pitch history', async () => {
    const m = mount();
    await m.time(800);
    const frame = await waitForFrame(m.lastFrame, 'Only 0.8 s');
    expect(frame).toContain('Only 0.8 s: left out of your pitch history unless you press enter.');
    expect(frame).toContain('enter save');
    await press(m.stdin, '3');
    await waitForFrame(m.lastFrame, 'Question q1?');
    expect(m.log).toMatchObject([{ type: 'grade', card: 'pitch', grade: 3 }]);
    expect(m.log).toHaveLength(1);
  });

  it('enter asks to keep it: the card says so, and the grade stores the attempt after it', async () => {
    const m = mount();
    await m.time(1100);
    await waitForFrame(m.lastFrame, 'Only 1.1 s');
    await press(m.stdin, KEY.enter);
    const frame = await waitForFrame(m.lastFrame, 'This 1.1 s attempt goes into your pitch history with the grade.');
    expect(frame).not.toContain('enter save');
    expect(m.log).toEqual([]);
    await press(m.stdin, '2');
    await waitForFrame(m.lastFrame, 'Question q1?');
    expect(m.log).toMatchObject([{ type: 'grade', grade: 2 }, { type: 'pitch', ms: 1100 }]);
  });

  it('nothing is asked while the timer runs', async () => {
    const m = mount();
    await waitForFrame(m.lastFrame, 'Tell me about yourself.');
    await press(m.stdin, KEY.space);
    m.tick(1500);
    // The running clock, in the big timer font: the frame of a running timer.
    const [top, middle, bottom] = bigRows('00:01.5');
    const frame = await waitForFrame(m.lastFrame, (f) => f.includes(top!) && f.includes(middle!) && f.includes(bottom!));
    expect(frame).not.toContain('Only');
    expect(frame).not.toContain('enter save');
  });

  it('a real attempt is not asked about: enter does nothing, and the grade stores it', async () => {
    const m = mount();
    await m.time(27_000);
    const frame = await waitForFrame(m.lastFrame, /27\.0 s · -3\.0 s against 30 s/);
    expect(frame).not.toContain('Only');
    expect(frame).not.toContain('enter save');
    await press(m.stdin, KEY.enter);
    await press(m.stdin, '3');
    await waitForFrame(m.lastFrame, 'Question q1?');
    expect(m.log).toMatchObject([{ type: 'grade' }, { type: 'pitch', ms: 27_000 }]);
  });
});

describe('drill --listen: what the microphone heard, on the pitch card', () => {
  const figures: SpeechFigures = {
    speakingMs: 26_000,
    voiceStartMs: 1000,
    voiceEndMs: 27_000,
    pauses: { count: 2, longestMs: 1500, list: [{ atMs: 8000, ms: 1000 }, { atMs: 15_000, ms: 1500 }] },
    syllables: 90,
    syllablesPerWord: 1.4,
    wpm: 148,
    method: 'syllable nuclei',
    durationMs: 29_000,
  };

  it('says it listens, then hears you; revealed by the silence, the card shows the pauses and pace', async () => {
    const ears = heard();
    const m = mount(ears.source);
    await waitForFrame(m.lastFrame, 'Listening (sox): start speaking and the clock starts; space times by hand.');
    ears.set({ phase: 'speaking', voiceStartMs: 1000 });
    m.session.send({ type: 'voice-start', at: T0 + 1000 });
    await waitForFrame(m.lastFrame, 'Hearing you (sox): the clock stops after 2 s of silence');
    ears.set({ phase: 'done', voiceEndMs: 27_000, figures });
    m.session.send({ type: 'voice-stop', at: T0 + 27_000 });
    const frame = await waitForFrame(m.lastFrame, 'I build sandboxes.');
    expect(frame).toContain('26.0 s · -4.0 s against 30 s · short');
    expect(frame).toContain('Pauses         2 of 0.5 s or more, the longest 1.5 s');
    expect(frame).toMatch(/Pace {11}about 148 words a minute/);
    expect(frame).not.toContain('Listening');
    await press(m.stdin, '3');
    await waitForFrame(m.lastFrame, 'Question q1?');
    // A question card is not listened to.
    expect(m.lastFrame()).not.toMatch(/Listening|Hearing you/);
    expect(m.log).toMatchObject([{ type: 'grade' }, { type: 'pitch', ms: 26_000 }]);
  });

  it('revealed by space before any voice, the card says no voice was heard', async () => {
    const ears = heard();
    const m = mount(ears.source);
    await m.time(20_000);
    const frame = await waitForFrame(m.lastFrame, 'No voice heard.');
    expect(frame).not.toContain('Listening');
  });
});
