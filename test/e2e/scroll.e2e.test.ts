import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDeckFile } from '../../src/core/deck/load-deck.js';
import type { Card } from '../../src/core/deck/types.js';
import { wrapProse } from '../../src/ui/wrap-prose.js';
import { Pty } from '../helpers/pty.js';
import { PREP } from '../helpers/run-cli.js';
import { useTempHome } from '../helpers/temp-home.js';

// Scroll, don't cut: in the terminals people have (macOS Terminal opens at 80x24) every line of
// the longest shipped card can be brought on screen, with the header and the keys always there.

const home = useTempHome('prep-scroll-');
let pty: Pty | undefined;
afterEach(async () => {
  await pty?.dispose();
  pty = undefined;
});
const env = () => ({ ...process.env, PREP_HOME: home().dir });

const deck = loadDeckFile(fileURLToPath(new URL('../../decks/coder.yaml', import.meta.url)));
const size = (c: Card) => c.prompt.length + c.answer.length + c.points.join('').length;
const longest = deck.cards.filter((c) => c.kind === 'question').reduce((a, b) => (size(b) > size(a) ? b : a));
const index = deck.cards.indexOf(longest);

/** Every line the revealed card shows at this width, as the drill wraps it. */
function cardLines(card: Card, cols: number): string[] {
  const wrap = (t: string) => wrapProse(t, cols - 2).split('\n');
  return [...wrap(card.prompt), ...wrap(card.answer), ...card.points.flatMap((p) => wrap(`  • ${p}`))].map((l) => l.trim()).filter(Boolean);
}

/** Steps through the coder deck (`--all`: deck order, nothing seen yet) to the longest card, revealed. */
async function openLongest(p: Pty): Promise<void> {
  await p.waitFor('Tell me about yourself.');
  for (let i = 0; i < index; i++) {
    const card = deck.cards[i]!;
    const next = deck.cards[i + 1]!;
    // The pitch is revealed by starting and stopping its clock (where the clock may be out of
    // view, so there is nothing to wait for in between but time); a question by space.
    p.write(' ');
    if (card.kind === 'pitch') {
      await new Promise((r) => setTimeout(r, 300));
      p.write(' ');
    }
    await p.waitFor(/1 Again/);
    p.write('3');
    await p.waitFor(wrapProse(next.prompt, p.term.cols - 2).split('\n')[0]!.trim());
  }
  p.write(' ');
  await p.waitFor(/1 Again/);
}

describe.each([
  [80, 24],
  [60, 20],
  [40, 12],
])('the longest card at %ix%i', (cols, rows) => {
  it('opens at the top of the answer, and every line of it can be scrolled into view, header and keys always on screen', async () => {
    const p = (pty = new Pty(['node', PREP, 'drill', 'coder', '--all'], { env: env(), cols, rows }));
    await openLongest(p);
    const first = wrapProse(longest.answer, cols - 2).split('\n')[0]!.trim();
    // Once measured (the frame after the reveal), a card too long for the window says so.
    const last = cardLines(longest, cols).at(-1)!;
    let screen = await p.waitFor((s) => s.includes(first) && (/↓ \d+ more/.test(s) || s.includes(last)));
    const top = screen.split('\n');
    // The answer starts right under the header (and the pinned question, where there is room).
    const answerRow = top.findIndex((l) => l.includes(first));
    expect(answerRow).toBeLessThanOrEqual(3 + wrapProse(longest.prompt, cols - 2).split('\n').length + 1);
    // Smaller than 80x24, the marker says how much is below.
    if (cols < 80) expect(screen).toMatch(/↓ \d+ more/);
    expect(screen).not.toContain('enlarge the window');

    const seen = new Set<string>();
    const look = (s: string) => s.split('\n').forEach((l) => seen.add(l.trim()));
    look(screen);
    // Down a line at a time to the end: j, then the arrow key.
    for (let i = 0; i < 80 && /↓ \d+ more/.test(screen); i++) {
      const marker = /↓ (\d+) more/.exec(screen)![1];
      p.write(i % 2 ? 'j' : '\x1b[B');
      screen = await p.waitFor((s: string) => !s.includes(`↓ ${marker} more`));
      look(screen);
      const rowsNow = screen.split('\n');
      expect(rowsNow[1]).toMatch(/Coder/);
      expect(screen).toMatch(/4 Easy/);
      expect(screen).toMatch(/q\/esc\/ctrl\+c quit/);
    }
    expect(screen).not.toMatch(/↓ \d+ more/);
    if (cols < 80) expect(screen).toMatch(/↑ \d+ more/);
    expect(screen).toContain(last);
    // g goes back to the top: the question is there.
    p.write('g');
    screen = await p.waitFor((s: string) => !/↑ \d+ more/.test(s));
    look(screen);
    const missing = cardLines(longest, cols).filter((l) => ![...seen].some((s) => s.includes(l)));
    expect(missing).toEqual([]);
    expect(screen).toContain(wrapProse(longest.prompt, cols - 2).split('\n')[0]!.trim());

    // The grade still lands on this card.
    p.write('G');
    await p.waitFor((s: string) => !/↓ \d+ more/.test(s));
    p.write('4');
    await p.waitFor(wrapProse(deck.cards[index + 1]!.prompt, cols - 2).split('\n')[0]!.trim());
    p.write('q');
    expect((await p.exited).code).toBe(0);
  });
});

describe('the header at 80 columns', () => {
  it('shortens the title, never the interview countdown, on the card and on the summary', async () => {
    const d = new Date();
    d.setDate(d.getDate() + 3);
    const date = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const p = (pty = new Pty(['node', PREP, 'drill', 'coder', '--interview', date], { env: env(), cols: 80, rows: 24 }));
    let screen = (await p.waitFor('Tell me about yourself.')).split('\n');
    expect(screen[1]).toMatch(/^│ Coder — .*… +Interview in 3 days +Pitch +─+ +9 left │$/);
    p.write(' ');
    await new Promise((r) => setTimeout(r, 300));
    p.write(' ');
    await p.waitFor(/1 Again/);
    p.write('3');
    await p.waitFor('Walk us through how');
    p.write('q');
    screen = (await p.waitFor('Reviewed 1 card')).split('\n');
    expect(screen.find((l) => l.includes('Interview'))).toMatch(/Coder — Software Engineer, AI Tools +Interview in 3 days +│$/);
    expect((await p.exited).code).toBe(0);
  });
});
