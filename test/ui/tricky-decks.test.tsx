import { fileURLToPath } from 'node:url';
import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import { loadDeckFile } from '../../src/core/deck/load-deck.js';
import type { Deck } from '../../src/core/deck/types.js';
import { scheduler } from '../../src/core/schedule/fsrs.js';
import { replay } from '../../src/core/schedule/snapshot.js';
import { DrillSession } from '../../src/core/session/drill-session.js';
import { initDrill } from '../../src/core/session/drill-state.js';
import type { LogRecord } from '../../src/core/store/review-log.js';
import { DrillScreen } from '../../src/ui/screens/drill-screen.js';
import { KEY, press, waitForFrame } from '../helpers/ink.js';
import { unsafeSequences } from '../helpers/terminal-scan.js';

// Valid decks that are awkward to read: a byte-order mark, Windows line ends, scripts other than
// Latin with emoji, and text full of terminal escape sequences. All load, and all draw.
const TRICKY = fileURLToPath(new URL('../fixtures/decks/tricky/', import.meta.url));

function mount(deck: Deck) {
  const log: LogRecord[] = [];
  const now = new Date('2026-11-26T10:00').getTime();
  const state = initDrill({ deck, retention: 0.9, newPerDay: 20 }, replay(scheduler(0.9), deck.cards, []), now);
  const session = new DrillSession(state, { append: (r) => void log.push(r) }, () => now);
  return { ...render(<DrillScreen session={session} onDone={vi.fn()} clock={() => now} />), log };
}

describe('valid decks that are awkward to read', () => {
  it.each(['bom.yaml', 'crlf.yaml', 'bom-crlf.yaml'])('%s loads clean: no BOM in the title, no CR in the text, and draws', async (file) => {
    const deck = loadDeckFile(TRICKY + file);
    expect(deck.title).toMatch(/^(BOM|CRLF|BOM and CRLF) deck$/);
    expect(deck.cards.map((c) => c.id)).toEqual(['first', 'second']);
    expect(deck.cards[0]?.answer).toBe('A function\nwith its scope.');
    expect(JSON.stringify(deck)).not.toMatch(/\\r|\uFEFF/);
    // Lines are counted as the author sees them, BOM and CRs aside.
    expect(deck.cards.map((c) => c.line)).toEqual([3, 9]);

    const { lastFrame, stdin, log } = mount(deck);
    await waitForFrame(lastFrame, 'What is a closure?');
    await press(stdin, KEY.space);
    const frame = await waitForFrame(lastFrame, 'with its scope.');
    expect(frame).toContain('A function');
    await press(stdin, '3');
    await waitForFrame(lastFrame, 'Why us?');
    expect(log).toMatchObject([{ card: 'first', grade: 3 }]);
  });

  it('non-Latin scripts and emoji load and draw whole, wide characters included', async () => {
    const deck = loadDeckFile(TRICKY + 'unicode.yaml');
    expect(deck.title).toBe('面接の準備 — Подготовка 🚀');
    const { lastFrame, stdin } = mount(deck);
    let frame = await waitForFrame(lastFrame, 'あなたの強みは何ですか？');
    expect(frame).toContain('面接の準備 — Подготовка 🚀');
    await press(stdin, KEY.space);
    frame = await waitForFrame(lastFrame, '粘り強さです。');
    expect(frame).toContain('• 具体例');
    await press(stdin, '4');
    await waitForFrame(lastFrame, 'Расскажите о себе.');
    await press(stdin, KEY.space);
    await waitForFrame(lastFrame, 'инструментов разработчика');
    await press(stdin, '4');
    frame = await waitForFrame(lastFrame, 'आप हमारी कंपनी क्यों चुनना चाहते हैं? 👩‍💻');
    await press(stdin, KEY.space);
    frame = await waitForFrame(lastFrame, 'Family emoji 👨‍👩‍👧‍👦');
    expect(frame).toContain('🇯🇵🇫🇷');
    expect(frame).toContain('e\u0301 n\u0303');
    expect(frame).toContain('漢字 ＡＢＣ');
  });

  it('a deck full of escape sequences draws them as symbols: the frames hold no sequence Ink did not write', async () => {
    const deck = loadDeckFile(TRICKY + 'terminal-attack.yaml');
    const { lastFrame, frames, stdin } = mount(deck);
    await waitForFrame(lastFrame, 'Tell me about yourself.');
    await press(stdin, KEY.space);
    await press(stdin, KEY.space);
    await waitForFrame(lastFrame, 'cursor report');
    await press(stdin, '3');
    await waitForFrame(lastFrame, 'Copy this');
    await press(stdin, KEY.space);
    const frame = await waitForFrame(lastFrame, 'bell');
    expect(frame).toContain('␛]8;;https://evil.example␛\\click');
    expect(frame).toContain('• ␛[8mhidden␛[28m');
    for (const f of frames) expect(unsafeSequences(f)).toEqual([]);
  });

  it('NUL bytes in a file load as ␀ with a warning, not as an error', () => {
    const deck = loadDeckFile(TRICKY + 'nul-bytes.yaml');
    expect(deck.title).toBe('T␀');
    expect(deck.cards[0]?.prompt).toBe('Why?␀');
  });
});
