import { afterEach, describe, expect, it, vi } from 'vitest';

import { render } from 'ink-testing-library';
import type { Card } from '../../src/core/deck/types.js';
import { scheduler } from '../../src/core/schedule/fsrs.js';
import { replay } from '../../src/core/schedule/snapshot.js';
import { initDrill, type DrillMode } from '../../src/core/session/drill-state.js';
import { DrillSession } from '../../src/core/session/drill-session.js';
import type { AnswerMode } from '../../src/core/store/settings.js';
import type { LogRecord } from '../../src/core/store/log-records.js';
import { DrillScreen } from '../../src/ui/screens/drill-screen.js';
import { KEY, plain, press, waitForFrame } from '../helpers/ink.js';
import { useColour } from '../helpers/colour.js';
import { makeDeck, question } from '../helpers/deck.js';

// Colour on, as on a terminal, so the colour and NO_COLOR tests can fail.
useColour();
afterEach(() => vi.unstubAllEnvs());

const T0 = new Date('2026-11-26T10:00').getTime();
const sandbox = question('sandbox', {
  prompt: 'How would you sandbox an agent?',
  answer: 'Threat model first.',
  points: ['Threat model first', 'One containment layer per threat', 'Gated sync', 'VM boundary'],
  seconds: 90,
});
const bare = question('bare', { prompt: 'Why this company?', answer: 'The mission.', points: [] });

function mount(opts: { answerMode?: AnswerMode; cards?: Card[]; records?: LogRecord[]; mode?: DrillMode } = {}) {
  const deck = makeDeck(0, { cards: opts.cards ?? [sandbox, bare] });
  const log: LogRecord[] = [];
  // A still clock: the answer timer shows 0:00 and never moves under the test.
  const clock = () => T0;
  const config = { deck, retention: 0.9, newPerDay: 20, answerMode: opts.answerMode };
  const progress = replay(scheduler(0.9), deck.cards, opts.records ?? []);
  const state = initDrill(config, progress, T0, opts.mode ?? 'due', opts.mode === 'review' ? deck.cards.map((c) => c.id) : []);
  const session = new DrillSession(state, { append: (r) => void log.push(r) }, clock);
  const onDone = vi.fn();
  const r = render(<DrillScreen session={session} onDone={onDone} clock={clock} />);
  return { ...r, log, onDone };
}

/** Types an answer into the open field, as a paste (Ink passes it as one input). */
async function typeAnswer(stdin: { write(s: string): void }, lastFrame: () => string | undefined, text: string) {
  await press(stdin, text);
  await waitForFrame(lastFrame, text.slice(-12));
}

const TYPED = 'Threat model first, then one containment layer per threat.';

describe('type your answer', () => {
  it('t opens the field under the question; typing q or space is text, not a command', async () => {
    const { lastFrame, stdin, onDone } = mount();
    await waitForFrame(lastFrame, 'How would you sandbox an agent?');
    expect(plain(lastFrame())).toContain('t type answer');
    await press(stdin, 't');
    let frame = await waitForFrame(lastFrame, 'Your answer:');
    expect(frame).toContain('enter submit');
    expect(frame).toContain('esc stop typing');
    await press(stdin, 'q');
    await press(stdin, ' ');
    await press(stdin, 'x');
    frame = await waitForFrame(lastFrame, '> q x');
    expect(frame).not.toContain('Key points');
    expect(onDone).not.toHaveBeenCalled();
  });

  it('enter submits and reveals: each key point marked covered or missed, with the count and a suggestion', async () => {
    const { lastFrame, stdin } = mount();
    await waitForFrame(lastFrame, 'sandbox an agent');
    await press(stdin, 't');
    await waitForFrame(lastFrame, 'Your answer:');
    await typeAnswer(stdin, lastFrame, TYPED);
    await press(stdin, KEY.enter);
    const frame = await waitForFrame(lastFrame, 'Key points: 2/4 covered');
    expect(frame).toContain('Threat model first.');
    expect(frame).toMatch(/✓ Threat model first/);
    expect(frame).toMatch(/✓ One containment layer per threat/);
    expect(frame).toMatch(/✗ Gated sync/);
    expect(frame).toMatch(/✗ VM boundary/);
    expect(frame).toContain(`You wrote: ${TYPED}`);
    expect(frame).toContain('Suggested grade: 2 Hard');
    expect(frame).toMatch(/▸ 2 Hard/);
    expect(frame).toContain('enter accept suggested grade');
    expect(frame).not.toContain('Your answer:');
  });

  it('shows each point\'s share of words said, and which word matched through which rule', async () => {
    const card = question('ops', {
      prompt: 'How do you run releases?',
      answer: 'Small steps.',
      points: ['Roll back rapidly on errors', 'Optimize queries', 'Blameless postmortem within 2 days'],
      seconds: 90,
    });
    const { lastFrame, stdin } = mount({ cards: [card] });
    await waitForFrame(lastFrame, 'run releases');
    await press(stdin, 't');
    await typeAnswer(stdin, lastFrame, 'we roll back quickly and optimise queries; a review in two days');
    await press(stdin, KEY.enter);
    const frame = plain(await waitForFrame(lastFrame, 'Key points: 2/3 covered'));
    expect(frame).toMatch(/✓ Roll back rapidly on errors · 3\/4 words/);
    expect(frame).toContain('quickly ≈ rapidly · synonym');
    expect(frame).toMatch(/✓ Optimize queries · 2\/2 words/);
    expect(frame).toContain('optimise ≈ Optimize · spelling');
    // Partly said: "2" and "days" of five words; the number in words is named too.
    expect(frame).toMatch(/✗ Blameless postmortem within 2 days · 2\/5 words/);
    expect(frame).toContain('two ≈ 2 · number');
  });

  it('highlights the matched words, bold and underlined', async () => {
    const { lastFrame, stdin } = mount();
    await waitForFrame(lastFrame, 'sandbox an agent');
    await press(stdin, 't');
    await typeAnswer(stdin, lastFrame, 'a gated sync');
    await press(stdin, KEY.enter);
    await waitForFrame(lastFrame, 'Key points: 1/4 covered');
    const raw = lastFrame() ?? '';
    const marked = (word: string) => new RegExp(`(?:\\x1b\\[(?:1|4)m){2}${word}\\x1b`, 'g');
    // In the point and in "You wrote": "Gated"/"gated" and "sync" twice; "boundary" (missed) and "a" never.
    expect(raw.match(marked('[Gg]ated'))).toHaveLength(2);
    expect(raw.match(marked('sync'))).toHaveLength(2);
    expect(raw).not.toMatch(marked('boundary'));
    expect(raw).not.toMatch(marked('a'));
  });

  it('with NO_COLOR (every style off in the app), stars the matched words instead', async () => {
    vi.stubEnv('NO_COLOR', '1');
    const { lastFrame, stdin } = mount();
    await waitForFrame(lastFrame, 'sandbox an agent');
    await press(stdin, 't');
    await typeAnswer(stdin, lastFrame, 'a gated sync');
    await press(stdin, KEY.enter);
    const frame = await waitForFrame(lastFrame, 'Key points: 1/4 covered');
    expect(frame).toMatch(/✓ covered \*Gated\* \*sync\*/);
    expect(frame).toContain('You wrote: a *gated* *sync*');
    expect(frame).toMatch(/✗ missed\s+VM boundary/);
  });

  it('with NO_COLOR, the field still shows where the cursor is, as a block after the text', async () => {
    vi.stubEnv('NO_COLOR', '1');
    const { lastFrame, stdin } = mount();
    await waitForFrame(lastFrame, 'sandbox an agent');
    await press(stdin, 't');
    expect(plain(await waitForFrame(lastFrame, 'Your answer:'))).toMatch(/> █/);
    await typeAnswer(stdin, lastFrame, 'a gated sync');
    expect(plain(lastFrame() ?? '')).toMatch(/> a gated sync█/);
    // No inverse video, which NO_COLOR would blank out.
    expect(lastFrame()).not.toContain('\u001b[7m');
  });

  it('with NO_COLOR, says covered and missed in words', async () => {
    vi.stubEnv('NO_COLOR', '1');
    const { lastFrame, stdin } = mount();
    await waitForFrame(lastFrame, 'sandbox an agent');
    await press(stdin, 't');
    await typeAnswer(stdin, lastFrame, TYPED);
    await press(stdin, KEY.enter);
    const frame = await waitForFrame(lastFrame, 'Key points: 2/4 covered');
    expect(frame).toMatch(/✓ covered \*Threat\* \*model\* \*first\*/);
    expect(frame).toMatch(/✗ missed\s+Gated sync/);
    // The marks and the count carry no colour code.
    const lines = (lastFrame() ?? '').split('\n').filter((l) => /[✓✗]|Key points:/.test(l));
    expect(lines).toHaveLength(5);
    // eslint-disable-next-line no-control-regex
    for (const l of lines) expect(l).not.toMatch(/\x1b\[3\dm/);
  });

  it('enter accepts the suggested grade, and the typed answer is saved with it', async () => {
    const { lastFrame, stdin, log } = mount();
    await waitForFrame(lastFrame, 'sandbox an agent');
    await press(stdin, 't');
    await typeAnswer(stdin, lastFrame, TYPED);
    await press(stdin, KEY.enter);
    await waitForFrame(lastFrame, 'Suggested grade: 2 Hard');
    await press(stdin, KEY.enter);
    await waitForFrame(lastFrame, 'Why this company?');
    expect(log).toMatchObject([{ type: 'grade', card: 'sandbox', grade: 2, typed: TYPED }]);
  });

  it('a number key overrides the suggestion', async () => {
    const { lastFrame, stdin, log } = mount();
    await waitForFrame(lastFrame, 'sandbox an agent');
    await press(stdin, 't');
    await typeAnswer(stdin, lastFrame, TYPED);
    await press(stdin, KEY.enter);
    await waitForFrame(lastFrame, 'Suggested grade: 2 Hard');
    await press(stdin, '4');
    await waitForFrame(lastFrame, 'Why this company?');
    expect(log).toMatchObject([{ card: 'sandbox', grade: 4, typed: TYPED }]);
  });

  it('esc leaves typing without revealing; t comes back to the draft', async () => {
    const { lastFrame, stdin, log } = mount();
    await waitForFrame(lastFrame, 'sandbox an agent');
    await press(stdin, 't');
    await typeAnswer(stdin, lastFrame, 'threat model');
    await press(stdin, KEY.esc);
    let frame = await waitForFrame(lastFrame, (f) => !f.includes('Your answer:'));
    expect(frame).toContain('How would you sandbox an agent?');
    expect(frame).not.toContain('Threat model first.');
    expect(frame).toContain('t type answer');
    await press(stdin, 't');
    frame = await waitForFrame(lastFrame, '> threat model');
    expect(log).toHaveLength(0);
  });

  it('ctrl+c still quits while typing', async () => {
    const deck = makeDeck(0, { cards: [sandbox] });
    const session = new DrillSession(initDrill({ deck, retention: 0.9, newPerDay: 20, answerMode: 'type' }, replay(scheduler(0.9), deck.cards, []), T0), { append: () => {} });
    const onDone = vi.fn();
    const { lastFrame, stdin } = render(<DrillScreen session={session} onDone={onDone} />);
    await waitForFrame(lastFrame, 'Your answer:');
    await press(stdin, 'q');
    // While typing, q is a letter of the answer: the frame showing it typed proves it was handled.
    await waitForFrame(lastFrame, '> q');
    expect(onDone).not.toHaveBeenCalled();
    await press(stdin, KEY.ctrlC);
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
  });

  it("answerMode 'type' opens the field by itself; a card without key points says to grade yourself", async () => {
    const { lastFrame, stdin } = mount({ answerMode: 'type' });
    await waitForFrame(lastFrame, 'Your answer:');
    await typeAnswer(stdin, lastFrame, TYPED);
    await press(stdin, KEY.enter);
    await waitForFrame(lastFrame, 'Key points: 2/4 covered');
    await press(stdin, '3');
    const frame = await waitForFrame(lastFrame, 'Why this company?');
    expect(frame).toContain('No key points on this card: grade yourself.');
    expect(frame).not.toContain('Your answer:');
    await press(stdin, KEY.space);
    await waitForFrame(lastFrame, 'The mission.');
  });

  it('the reveal shows the last typed attempt under the model answer, also in a review session', async () => {
    const records: LogRecord[] = [
      { v: 1, type: 'grade', id: 'g1', deck: 'test', card: 'sandbox', grade: 2, at: '2026-11-20T10:00:00.000Z', typed: 'an older attempt' },
      { v: 1, type: 'grade', id: 'g2', deck: 'test', card: 'sandbox', grade: 1, at: '2026-11-21T10:00:00.000Z', typed: 'use a container' },
    ];
    const { lastFrame, stdin } = mount({ records, mode: 'review' });
    await waitForFrame(lastFrame, 'sandbox an agent');
    expect(plain(lastFrame())).not.toContain('Last time you wrote');
    await press(stdin, 't');
    await typeAnswer(stdin, lastFrame, 'gated sync in a VM boundary');
    await press(stdin, KEY.enter);
    const frame = await waitForFrame(lastFrame, 'Last time you wrote: use a container');
    expect(frame).toContain('Key points: 2/4 covered');
    expect(frame).not.toContain('an older attempt');
  });
});
