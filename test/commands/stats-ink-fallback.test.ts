import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deckStats } from '../../src/core/stats/deck-stats.js';
import { statsText } from '../../src/ui/screens/stats-text.js';
import { NotPlain } from '../../src/ui/text-blocks.js';
import { makeDeck } from '../helpers/deck.js';
import { plain } from '../helpers/ink.js';
import { makeTempHome, type TempHome } from '../helpers/temp-home.js';
import { statsOutput } from '../helpers/stats-home.js';

// The benchmark's generator, plain JavaScript (no types of its own).
const { writeDeck } = (await import(new URL('../../bench/generate.mjs', import.meta.url).href)) as {
  writeDeck: (home: string, name: string, cards: number, seed?: number) => void;
};

// `prep stats` draws its report as plain text, and leaves to Ink the layouts that drawing does not
// work out. The one a user meets first: a deck name that, with the date beside it, leaves no room
// for the title on a narrow terminal.
const NAME = 'behavioural-and-system-design-interview-questions';
const NOW = new Date('2026-11-26T10:00');

let home: TempHome;
let columns: number | undefined;
beforeEach(() => {
  home = makeTempHome();
  columns = process.stdout.columns;
});
afterEach(() => {
  process.stdout.columns = columns!;
  home.cleanup();
});

describe('prep stats when the plain drawing gives up', () => {
  it('the plain drawing gives up on a deck name wider than the screen, and draws the same deck at 80 columns', () => {
    const s = deckStats({ deck: makeDeck(3, { name: NAME }), records: [], now: NOW, retention: 0.9, interview: null });
    expect(() => statsText(s, 40, false)).toThrow(NotPlain);
    expect(plain(statsText(s, 80, false))).toContain(`  ${NAME} · Thu 26 Nov`);
  });

  it('still prints the whole report, drawn by Ink, which wraps the name and date onto two lines', async () => {
    writeDeck(home.dir, NAME, 12);
    process.stdout.columns = 40;
    const { text } = await statsOutput(home.dir, NAME, NOW);
    for (const panel of ['Cards  12 in all', 'Due in the next 14 days', 'Reviews, last 12 weeks', 'Recall now', 'Weakest', 'Slowest answers']) {
      expect(text).toContain(panel);
    }
    // The title has no room left, and the name and date break at the 40th column.
    const [first, second] = text.split('\n');
    expect(first).toBe(`  ${NAME}`.slice(0, 40));
    expect(second).toBe(`${`  ${NAME}`.slice(40)} · Thu 26 Nov`);
  });
});
