import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'ink-testing-library';
import chalk from 'chalk';
import type { Card } from '../../../src/core/deck/types.js';
import { scheduler } from '../../../src/core/schedule/fsrs.js';
import { replay } from '../../../src/core/schedule/snapshot.js';
import { initDrill } from '../../../src/core/session/drill-state.js';
import { DrillSession } from '../../../src/core/session/drill-session.js';
import { initPitch } from '../../../src/core/session/pitch-state.js';
import { PitchSession } from '../../../src/core/session/pitch-session.js';
import type { LogRecord, PitchRecord } from '../../../src/core/store/log-records.js';
import { bigRows } from '../../../src/ui/components/big-digits.js';
import { DrillScreen } from '../../../src/ui/screens/drill-screen.js';
import { PitchScreen } from '../../../src/ui/screens/pitch-screen.js';
import { makeDeck } from '../../helpers/deck.js';
import { KEY, plain, press, waitForFrame } from '../../helpers/ink.js';

const T0 = new Date('2026-11-26T10:00').getTime();
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

const card: Card = {
  id: 'pitch',
  kind: 'pitch',
  prompt: 'Tell me about yourself.',
  answer: `I build sandboxes for coding agents. ${words(97)}`,
  points: [
    'I build infrastructure that makes autonomous agents safe to run',
    'Proof: bilrost, a VM sandbox with network isolation and gated sync',
    'Why Coder: the same problem, at the scale of thousands of developers',
  ],
  tags: [],
  seconds: 30,
  line: 6,
};

const saved = (ms: number, i: number): PitchRecord => ({
  v: 1,
  type: 'pitch',
  id: `old${i}`,
  deck: 'coder',
  ms,
  beats: [0],
  beatsTotal: 3,
  at: new Date(T0 - (10 - i) * 86_400_000).toISOString(),
});

/** True when the frame shows `text` in the big timer font (three rows, one above the other). */
function showsClock(frame: string, text: string): boolean {
  const rows = bigRows(text);
  const lines = frame.split('\n');
  return lines.some((line, i) => {
    for (let at = line.indexOf(rows[0]); at >= 0; at = line.indexOf(rows[0], at + 1)) {
      if (lines[i + 1]?.slice(at).startsWith(rows[1]) && lines[i + 2]?.slice(at).startsWith(rows[2])) return true;
    }
    return false;
  });
}

function mount(opts: { history?: PitchRecord[]; columns?: number } = {}) {
  let now = T0;
  const clock = () => now;
  const log: LogRecord[] = [];
  const session = new PitchSession(initPitch({ name: 'coder', title: 'Coder — AI Tools' }, card, opts.history ?? []), { append: (r) => void log.push(r) }, clock);
  const onDone = vi.fn();
  const r = render(<PitchScreen session={session} onDone={onDone} clock={clock} />);
  if (opts.columns) {
    // ink-testing-library's terminal is 100 columns; narrow it as a resize would.
    Object.defineProperty(r.stdout, 'columns', { get: () => opts.columns });
    r.stdout.emit('resize');
  }
  return {
    ...r,
    log,
    onDone,
    /** Sets the clock to `ms` after mounting (the clock starts with the first space) and lets the timer tick. */
    at: async (ms: number) => {
      now = T0 + ms;
      await vi.advanceTimersByTimeAsync(200);
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

describe('pitch screen: before the start', () => {
  it('shows the prompt, target, beats and a pace warning, with the script hidden until s', async () => {
    const { lastFrame, stdin } = mount();
    const frame = await waitForFrame(lastFrame, 'Tell me about yourself.');
    expect(frame).toContain('Target: 30 s');
    expect(frame).toContain('Too long: 103 words · reads in about 41 s at 150 wpm: about 28 words over');
    expect(frame).toMatch(/1 I build infrastructure/);
    expect(frame).toMatch(/3 Why Coder/);
    expect(frame).toContain('History: no attempt saved yet.');
    expect(frame).toMatch(/space start\/stop/);
    expect(frame).not.toContain('I build sandboxes');
    await press(stdin, 's');
    await waitForFrame(lastFrame, 'I build sandboxes');
    await press(stdin, 's');
    await waitForFrame(lastFrame, (f) => !f.includes('I build sandboxes'));
  });

  it('shows the saved attempts: the chart with the target, the best and the median of the last 5', async () => {
    const history = [40_000, 24_000, 29_100, 35_500, 31_800, 33_300].map(saved);
    const frame = await waitForFrame(mount({ history }).lastFrame, 'History: 6 attempts');
    expect(frame).toContain('target 30 s');
    expect(frame).toMatch(/[▁▂▃▄▅▆▇█]{2}/);
    // Closest to 30 s is 29.1 s; the last five are 24.0 29.1 35.5 31.8 33.3 -> 31.8.
    expect(frame).toContain('best 29.1 s (-0.9 s) · median of last 5: 31.8 s');
  });

  it('? shows the keys from the keymap', async () => {
    const { lastFrame, stdin } = mount();
    await waitForFrame(lastFrame, 'Tell me');
    await press(stdin, '?');
    const frame = await waitForFrame(lastFrame, 'Keys');
    expect(frame).toMatch(/Pitch[\s│]+space\s+Start the timer/);
    expect(frame).toMatch(/1-9\s+Tick or untick a beat you hit/);
    expect(frame).toMatch(/r\s+Try again/);
    // Only the keys of this screen: no grades, no reveal, no typing.
    expect(frame).not.toMatch(/Good: hit the key points|Show the model answer|Type your answer/);
  });
});

/** Starts the clock and checks the timer at 0, 10, 26 and 31 s; returns the frames. */
async function runTimer() {
  const m = mount();
  await waitForFrame(m.lastFrame, 'Tell me');
  await press(m.stdin, 's');
  await press(m.stdin, KEY.space);
  const frames: Record<number, { frame: string; raw: string }> = {};
  for (const s of [0, 10, 26, 31]) {
    await m.at(s * 1000);
    const text = `00:${String(s).padStart(2, '0')}.0`;
    frames[s] = { frame: await waitForFrame(m.lastFrame, (f) => showsClock(f, text)), raw: m.lastFrame() ?? '' };
  }
  return frames;
}

/** Makes Ink write colour codes, as in a colour terminal (vitest's output is not one). */
function forceColour() {
  let level: typeof chalk.level;
  beforeAll(() => {
    level = chalk.level;
    chalk.level = 1;
  });
  afterAll(() => {
    chalk.level = level;
  });
}

describe('pitch screen: the timer', () => {
  forceColour();

  it('with NO_COLOR, says the zone in words at 0 s, 10 s, 26 s (the last 5 s) and 31 s (over)', async () => {
    vi.stubEnv('NO_COLOR', '1');
    const frames = await runTimer();
    expect(frames[0]!.frame).toContain('[on pace]');
    // The script was shown before the start: the clock hides it (you should not read it).
    expect(frames[0]!.frame).not.toContain('I build sandboxes');
    expect(frames[0]!.frame).not.toContain('History');
    expect(frames[10]!.frame).toContain('[on pace]');
    expect(frames[26]!.frame).toContain('[4 s left]');
    expect(frames[31]!.frame).toContain('[over]');
    // Colour is on in this terminal (see forceColour), yet the clock uses none.
    for (const { raw } of Object.values(frames)) for (const code of [31, 32, 33]) expect(raw).not.toContain(`\x1b[${code}m`);
    // The thin bar fills against the target: empty-ish at 10 s, full once over.
    expect(frames[10]!.frame).toMatch(/━+─+ 30 s/);
    expect(frames[31]!.frame).toMatch(/ ━+ 30 s/);
  });

  it('in colour, is green on pace, yellow in the last 5 s and red over the target, with no labels', async () => {
    const frames = await runTimer();
    const coloured = (s: number, code: number) => frames[s]!.raw.includes(`\x1b[${code}m${bigRows(`00:${String(s).padStart(2, '0')}.0`)[0]}`);
    expect(coloured(0, 32)).toBe(true);
    expect(coloured(10, 32)).toBe(true);
    expect(coloured(26, 33)).toBe(true);
    expect(coloured(31, 31)).toBe(true);
    expect(coloured(26, 32)).toBe(false);
    for (const { frame } of Object.values(frames)) expect(frame).not.toMatch(/\[(on pace|over|\d+ s left)\]/);
  });
});

/** Mounts, times an attempt of `ms` and waits for the result. */
async function stopAt(ms: number, opts: Parameters<typeof mount>[0] = {}) {
  const m = mount(opts);
  await waitForFrame(m.lastFrame, 'Tell me');
  await press(m.stdin, KEY.space);
  await m.at(ms);
  await press(m.stdin, KEY.space);
  await waitForFrame(m.lastFrame, 'against 30 s');
  return m;
}

describe('pitch screen: after the stop', () => {
  it('shows the time, the difference to the target and the verdict; the clock stays still', async () => {
    const long = await stopAt(33_400);
    let frame = plain(long.lastFrame());
    expect(frame).toContain('33.4 s · +3.4 s against 30 s · long');
    expect(showsClock(frame, '00:33.4')).toBe(true);
    await long.at(60_000);
    expect(showsClock(plain(long.lastFrame()), '00:33.4')).toBe(true);
    expect(showsClock(plain(long.lastFrame()), '01:00.0')).toBe(false);
    long.unmount();

    frame = plain((await stopAt(23_900)).lastFrame());
    expect(frame).toContain('23.9 s · -6.1 s against 30 s · short');
    frame = plain((await stopAt(32_000)).lastFrame());
    expect(frame).toContain('+2.0 s against 30 s · on target');
  });

  it('number keys tick and untick the beats hit', async () => {
    const { lastFrame, stdin } = await stopAt(30_000);
    let frame = await waitForFrame(lastFrame, 'Beats you hit');
    expect(frame).toMatch(/\[ \] 1 I build/);
    await press(stdin, '1');
    await press(stdin, '3');
    frame = await waitForFrame(lastFrame, /\[x\] 3 Why Coder/);
    expect(frame).toMatch(/\[x\] 1 I build/);
    expect(frame).toMatch(/\[ \] 2 Proof/);
    await press(stdin, '1');
    await press(stdin, '9'); // no ninth beat: nothing happens
    frame = await waitForFrame(lastFrame, /\[ \] 1 I build/);
    expect(frame).toMatch(/\[x\] 3 Why Coder/);
  });

  it('keys typed before the next frame are each read against the state the one before left', async () => {
    const m = mount();
    await waitForFrame(m.lastFrame, 'Tell me');
    await press(m.stdin, KEY.space);
    await m.at(30_000);
    // One read: the space stops the clock, and only then is "1" a beat to tick; "2" then too.
    m.stdin.write(' 12');
    const frame = await waitForFrame(m.lastFrame, /\[x\] 2 Proof/);
    expect(frame).toContain('against 30 s');
    expect(frame).toMatch(/\[x\] 1 I build/);
    expect(frame).toMatch(/\[ \] 3 Why Coder/);
  });

  it('enter saves the attempt: stored with its beats, then shown in the history', async () => {
    const { lastFrame, stdin, log } = await stopAt(31_250);
    await press(stdin, '2');
    await press(stdin, KEY.enter);
    const frame = await waitForFrame(lastFrame, 'Saved to your history');
    expect(frame).toContain('with 1 of 3 beats hit');
    expect(log).toEqual([
      { v: 1, type: 'pitch', id: expect.any(String), deck: 'coder', ms: 31_250, beats: [1], beatsTotal: 3, at: new Date(T0).toISOString() },
    ]);
    expect(frame).toContain('History: 1 attempt');
    expect(frame).toContain('best 31.2 s (+1.2 s)');
    expect(frame).toMatch(/r retry/);
    expect(frame).not.toMatch(/enter save/);
  });

  it('r retries: the unsaved attempt is dropped (and the screen says so), the clock starts afresh', async () => {
    const { lastFrame, stdin, log, at } = await stopAt(12_300);
    await press(stdin, 'r');
    let frame = await waitForFrame(lastFrame, 'Target: 30 s');
    expect(frame).toContain('The last attempt (12.3 s) was not saved.');
    await press(stdin, KEY.space);
    await at(12_300 + 5_000);
    frame = await waitForFrame(lastFrame, (f) => showsClock(f, '00:05.0'));
    expect(log).toHaveLength(0);
  });

  it('quitting an unsaved attempt says it was not stored', async () => {
    const { lastFrame, stdin, log, onDone } = await stopAt(33_400);
    await press(stdin, 'q');
    const frame = await waitForFrame(lastFrame, 'Not saved: this attempt (33.4 s) was not stored.');
    expect(frame).not.toMatch(/q\/esc\/ctrl\+c quit/);
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(log).toHaveLength(0);
  });

  it('ctrl+c over the help, a while after the stop, closes the help and says the attempt (its own time) was not stored', async () => {
    const { lastFrame, stdin, log, onDone, at } = await stopAt(33_400);
    await press(stdin, '?');
    await waitForFrame(lastFrame, 'Tick or untick a beat you hit');
    await at(50_000);
    await press(stdin, KEY.ctrlC);
    // The last frame stays on the terminal: the attempt, not the help.
    const frame = await waitForFrame(lastFrame, 'Not saved: this attempt (33.4 s) was not stored.');
    expect(frame).not.toContain('Tick or untick a beat you hit');
    expect(frame).toContain('against 30 s');
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(log).toHaveLength(0);
  });

  it('Esc while the clock runs quits too, and says the attempt was not stored', async () => {
    const { lastFrame, stdin, onDone, at } = mount();
    await waitForFrame(lastFrame, 'Tell me');
    await press(stdin, KEY.space);
    await at(8_000);
    await press(stdin, KEY.esc);
    await waitForFrame(lastFrame, 'Not saved: this attempt (8.0 s) was not stored.');
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
  });

  it('quitting after saving says nothing is lost', async () => {
    const { lastFrame, stdin, onDone } = await stopAt(30_000);
    await press(stdin, KEY.enter);
    await waitForFrame(lastFrame, 'Saved');
    await press(stdin, 'q');
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(plain(lastFrame())).not.toContain('Not saved');
  });
});

describe('pitch screen at 60 columns', () => {
  const fits = (frame: string) => frame.split('\n').every((l) => [...l].length <= 60);

  it.each([['in colour', false], ['with NO_COLOR', true]])('fits and keeps everything readable (%s)', async (_, noColor) => {
    if (noColor) vi.stubEnv('NO_COLOR', '1');
    const history = [28_000, 35_000, 31_000].map(saved);
    const { lastFrame, stdin, at } = mount({ history, columns: 60 });
    let frame = await waitForFrame(lastFrame, 'History: 3 attempts');
    // The header's border spans the terminal: this really is 60 columns.
    expect([...frame.split('\n')[0]!].length).toBe(60);
    expect(fits(frame)).toBe(true);
    // Long beats wrap instead of being cut off.
    expect(frame.replace(/\s+/g, ' ')).toContain('Why Coder: the same problem, at the scale of thousands of developers');
    expect(frame.replace(/\s+/g, ' ')).toContain('about 28 words over');
    await press(stdin, KEY.space);
    await at(26_000);
    frame = await waitForFrame(lastFrame, (f) => showsClock(f, '00:26.0'));
    expect(fits(frame)).toBe(true);
    if (noColor) expect(frame).toContain('[4 s left]');
    await press(stdin, KEY.space);
    await press(stdin, '2');
    frame = await waitForFrame(lastFrame, /\[x\] 2 Proof/);
    expect(frame).toContain('-4.0 s against 30 s · short');
    expect(frame).not.toContain('s left]');
    expect(fits(frame)).toBe(true);
    await press(stdin, KEY.enter);
    frame = await waitForFrame(lastFrame, 'History: 4 attempts');
    expect(fits(frame)).toBe(true);
  });
});

describe('the pitch card in prep drill', () => {
  function mountDrill() {
    const deck = makeDeck(2);
    deck.cards.unshift(card);
    let now = T0;
    const clock = () => now;
    const log: LogRecord[] = [];
    const state = initDrill({ deck, retention: 0.9, newPerDay: 20 }, replay(scheduler(0.9), deck.cards, []), now);
    const session = new DrillSession(state, { append: (r) => void log.push(r) }, clock);
    const r = render(<DrillScreen session={session} onDone={vi.fn()} clock={clock} />);
    return { ...r, log, at: async (ms: number) => ((now = T0 + ms), await vi.advanceTimersByTimeAsync(200)) };
  }

  it('uses the same timer: space starts it, space stops it and reveals; the grade stores the attempt', async () => {
    const { lastFrame, stdin, log, at } = mountDrill();
    let frame = await waitForFrame(lastFrame, 'Tell me about yourself.');
    expect(showsClock(frame, '00:00.0')).toBe(true);
    expect(frame).toMatch(/space start\/stop/);
    expect(frame).not.toContain('I build sandboxes');
    await press(stdin, KEY.enter); // not a reveal on the pitch card
    await press(stdin, KEY.space);
    await at(27_500);
    frame = await waitForFrame(lastFrame, (f) => showsClock(f, '00:27.5'));
    expect(frame).not.toContain('I build sandboxes');
    await press(stdin, KEY.space);
    frame = await waitForFrame(lastFrame, 'I build sandboxes');
    expect(frame).toContain('27.5 s · -2.5 s against 30 s · on target');
    expect(frame).toMatch(/3 Good/);
    await press(stdin, '3');
    await waitForFrame(lastFrame, 'Question q1?');
    expect(log).toMatchObject([
      { type: 'grade', card: 'pitch', grade: 3 },
      { type: 'pitch', ms: 27_500, beats: [], beatsTotal: 3 },
    ]);
  });
});
