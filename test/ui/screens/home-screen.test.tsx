import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { render } from 'ink-testing-library';
import chalk from 'chalk';
import { brokenDeck } from '../../../src/core/stats/deck-summary.js';
import { HomeSession } from '../../../src/core/session/home-session.js';
import { initHome } from '../../../src/core/session/home-state.js';
import { HomeScreen } from '../../../src/ui/screens/home-screen.js';
import { summary } from '../../helpers/deck-summary.js';
import { KEY, plain, press, waitForFrame } from '../../helpers/ink.js';

const NOW = new Date('2026-11-26T10:00');
const UP = '\x1b[A';
const DOWN = '\x1b[B';

const DECKS = [
  summary('acme', { title: 'Acme — Senior Backend Engineer, Payments', dueNow: 4, new: 2, interview: new Date('2026-12-03T14:00'), daysLeft: 7, recallAtInterview: 0.81 }),
  summary('globex', { title: 'Globex — Platform', hasPitch: false, dueNow: 0, new: 9 }),
  summary('initech', { title: 'Initech — SRE', interview: new Date('2026-11-20T09:00'), daysLeft: -6, interviewPast: true }),
  brokenDeck({ name: 'draft', path: '/decks/draft.yaml', shipped: false }, 'draft.yaml:1:1 title: required'),
];

async function mount(opts: { columns?: number; rows?: number; decks?: typeof DECKS } = {}) {
  const session = new HomeSession(initHome(opts.decks ?? DECKS));
  const onDone = vi.fn();
  const r = render(<HomeScreen session={session} onDone={onDone} now={NOW} />);
  // ink-testing-library's terminal is 100 columns and has no rows; size it as a resize would.
  Object.defineProperty(r.stdout, 'columns', { get: () => opts.columns ?? 80 });
  Object.defineProperty(r.stdout, 'rows', { get: () => opts.rows ?? 24 });
  // The screen listens for resizes once it has drawn.
  await waitForFrame(r.lastFrame, 'decks');
  r.stdout.emit('resize');
  const columns = opts.columns ?? 80;
  await waitForFrame(r.lastFrame, (f) => widest(f) <= columns);
  return { ...r, session, onDone };
}

const widest = (frame: string) => Math.max(...frame.split('\n').map((l) => [...l.trimEnd()].length));
const selectedLine = (frame: string) => frame.split('\n').find((l) => l.trimStart().startsWith('›')) ?? '';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('home screen', () => {
  it('lists every deck with its due, new, interview countdown and predicted recall; past interviews say so', async () => {
    const { lastFrame } = await mount();
    const frame = await waitForFrame(lastFrame, 'acme');
    expect(frame).toContain('4 decks');
    expect(frame).toMatch(/› acme +Acme — Senior Backend Engineer, Paym\S* +4 +2 3 Dec · in 7 d +81%/);
    expect(frame).toMatch(/initech .*20 Nov · past/);
    expect(frame).toMatch(/draft +error: draft\.yaml:1:1 title: required/);
    expect(frame).toMatch(/enter drill +p pitch +r review +m mock +s stats/);
    // Every line fits the window.
    expect(widest(frame)).toBeLessThanOrEqual(80);
  });

  it('down (or j) then enter picks the second deck for a drill and closes the screen', async () => {
    const { lastFrame, stdin, session, onDone } = await mount();
    await waitForFrame(lastFrame, 'acme');
    await press(stdin, DOWN);
    await waitForFrame(lastFrame, (f) => selectedLine(f).includes('globex'));
    await press(stdin, 'j');
    await waitForFrame(lastFrame, (f) => selectedLine(f).includes('initech'));
    await press(stdin, UP);
    await waitForFrame(lastFrame, (f) => selectedLine(f).includes('globex'));
    await press(stdin, KEY.enter);
    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(session.getState().choice).toEqual({ command: 'drill', name: 'globex', path: '/decks/globex.yaml' });
  });

  it('p, r, m and s pick pitch, review, mock and stats', async () => {
    for (const [key, command] of [['p', 'pitch'], ['r', 'review'], ['m', 'mock'], ['s', 'stats']] as const) {
      const { lastFrame, stdin, session, unmount } = await mount();
      await waitForFrame(lastFrame, 'acme');
      await press(stdin, key);
      await vi.waitFor(() => expect(session.getState().choice).toMatchObject({ command, name: 'acme' }));
      unmount();
    }
  });

  it('says why a deck without a pitch cannot be timed, and stays', async () => {
    const { lastFrame, stdin, session } = await mount();
    await waitForFrame(lastFrame, 'acme');
    await press(stdin, 'j');
    await press(stdin, 'p');
    await waitForFrame(lastFrame, 'globex has no pitch to time');
    expect(session.getState().done).toBe(false);
  });

  it('? shows the keys of this screen only; q closes the help, then quits without a choice', async () => {
    const { lastFrame, stdin, session, onDone } = await mount();
    await waitForFrame(lastFrame, 'acme');
    await press(stdin, '?');
    const help = await waitForFrame(lastFrame, 'Keys');
    expect(help).toContain('Drill the selected deck');
    expect(help).not.toMatch(/Again|reveal/i);
    await press(stdin, 'q');
    await waitForFrame(lastFrame, 'enter drill');
    await press(stdin, 'q');
    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(session.getState().choice).toBeNull();
  });

  it('at 40x12 keeps the name, due and interview, puts the title under the list and counts the decks out of view', async () => {
    const many = [...DECKS, ...Array.from({ length: 8 }, (_, i) => summary(`extra${i}`))];
    const { lastFrame } = await mount({ columns: 40, rows: 12, decks: many });
    const frame = await waitForFrame(lastFrame, /↓ \d+ more/);
    expect(frame.split('\n').length).toBeLessThan(12);
    expect(widest(frame)).toBeLessThanOrEqual(40);
    expect(frame).toMatch(/› acme +4 in 7 d/);
    expect(frame).toContain('Acme — Senior Backend');
    expect(frame).not.toMatch(/recall/);
  });

  it('at 60x20 fits, with recall but without the title column', async () => {
    const { lastFrame } = await mount({ columns: 60, rows: 20 });
    const frame = await waitForFrame(lastFrame, 'acme');
    expect(frame.split('\n').length).toBeLessThan(20);
    expect(frame).toMatch(/deck +due +new +interview +recall/);
    expect(widest(frame)).toBeLessThanOrEqual(60);
  });
});

describe('home screen with NO_COLOR', () => {
  let level: typeof chalk.level;
  beforeAll(() => {
    level = chalk.level;
    chalk.level = 1;
  });
  afterAll(() => {
    chalk.level = level;
  });

  it('marks the selection and a past interview in characters, with no colour codes', async () => {
    vi.stubEnv('NO_COLOR', '1');
    const { lastFrame } = await mount();
    await waitForFrame(lastFrame, 'acme');
    // eslint-disable-next-line no-control-regex
    expect(lastFrame()).not.toMatch(/\x1b\[(3\d|4\d|7)m/);
    expect(selectedLine(plain(lastFrame()))).toContain('acme');
    expect(plain(lastFrame())).toContain('past');
  });

  it('with colour, the selection is drawn in colour (so the test above can fail)', async () => {
    const { lastFrame } = await mount();
    await waitForFrame(lastFrame, 'acme');
    // eslint-disable-next-line no-control-regex
    expect(lastFrame()).toMatch(/\x1b\[(36|7)m/);
  });
});
