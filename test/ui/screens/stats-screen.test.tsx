import { afterEach, describe, expect, it, vi } from 'vitest';

import { renderToString } from 'ink';
import { deckStats } from '../../../src/core/stats/deck-stats.js';
import { wantsColour } from '../../../src/ui/theme.js';
import { StatsScreen } from '../../../src/ui/screens/stats-screen.js';
import { makeDeck } from '../../helpers/deck.js';
import { plain } from '../../helpers/ink.js';
import { fixture, grade } from '../../helpers/fixture-log.js';
import { useColour } from '../../helpers/colour.js';

const NOW = new Date('2026-11-26T10:00');
const INTERVIEW = new Date('2026-12-03T09:00');
/** An SGR colour code: foreground, background, bright, 256-colour or RGB. */
// eslint-disable-next-line no-control-regex
const COLOUR_CODE = /\x1b\[(?:3\d|4\d|9[0-7]|10[0-7])(?:;[\d;]*)?m/;

// Colour on, as on a terminal, so the colour and NO_COLOR tests can fail.
useColour();
afterEach(() => vi.unstubAllEnvs());

/** The screen as `prep stats` prints it at `columns`, with NO_COLOR set or not. */
function draw(columns: number, noColor: boolean, stats = deckStats({ ...fixture(), now: NOW, retention: 0.9, interview: INTERVIEW })) {
  if (noColor) vi.stubEnv('NO_COLOR', '1');
  const colour = wantsColour(process.env, true);
  return renderToString(<StatsScreen stats={stats} columns={columns} colour={colour} />, { columns });
}

const lines = (frame: string) => plain(frame).split('\n');
const widest = (frame: string) => Math.max(...lines(frame).map((l) => [...l.trimEnd()].length));
const lineWith = (frame: string, text: string) => lines(frame).find((l) => l.includes(text)) ?? '';

describe('stats screen', () => {
  it('names the weekday of each forecast day under its bar, today (a Thursday) first', () => {
    const days = Array.from({ length: 14 }, (_, i) => new Date(2026, 10, 26 + i).toLocaleDateString('en-GB', { weekday: 'short' }).slice(0, 2));
    expect(days.slice(0, 4)).toEqual(['Th', 'Fr', 'Sa', 'Su']);
    for (const columns of [60, 120]) {
      expect(lines(draw(columns, true)).map((l) => l.trim().split(/\s+/).slice(0, 14).join(' '))).toContain(days.join(' '));
    }
  });

  for (const noColor of [false, true]) {
    const mode = noColor ? 'NO_COLOR' : 'colour';

    it(`fits 60 columns, one panel under the other (${mode})`, () => {
      const frame = draw(60, noColor);
      expect(widest(frame)).toBeLessThanOrEqual(60);
      expect(lineWith(frame, 'Due in the next 14 days')).not.toContain('Reviews, last 12 weeks');
      expect(plain(frame)).toContain('Reviews, last 12 weeks');
    });

    it(`uses the room at 120 columns, panels side by side (${mode})`, () => {
      const frame = draw(120, noColor);
      expect(widest(frame)).toBeLessThanOrEqual(120);
      expect(widest(frame)).toBeGreaterThan(90);
      expect(lineWith(frame, 'Due in the next 14 days')).toContain('Reviews, last 12 weeks');
      expect(lineWith(frame, 'Recall at the interview')).toContain('Weakest');
    });
  }

  it('with NO_COLOR writes no colour code, and the calendar reads through shades', () => {
    const frame = draw(80, true);
    expect(frame).not.toMatch(COLOUR_CODE);
    expect(frame).toContain('Less · ░ ▒ ▓ █ More');
    // The busiest day (3 grades on Friday 20 Nov) is the darkest shade.
    expect(lineWith(frame, 'Fri')).toContain('█');
  });

  it('in colour, the calendar is coloured squares', () => {
    const frame = draw(80, false);
    expect(frame).toMatch(COLOUR_CODE);
    expect(plain(frame)).toContain('Less · ■ ■ ■ ■ More');
    expect(lineWith(frame, 'Fri')).toContain('■');
    expect(lineWith(frame, 'Fri')).not.toMatch(/[░▒▓█]/);
  });

  it('shows the figures: states, retention, interview, forecast, weakest, pitch, slowest answers', () => {
    const frame = plain(draw(120, true));
    expect(frame).toMatch(/review 2 {2}▒ learning 2 {2}▓ relearning 0 {2}░ new 1/);
    expect(frame).toContain('Reviews 8 in all, 8 in the last 30 days');
    // Reviews of seen cards: q1 Good, Again, Good and q2 Easy; one Again in four.
    // Only the first answer of a study day counts, for cards learned on an earlier day (as Anki does).
    expect(frame).toContain('True retention 50% over 30 days (2 reviews of seen cards)');
    expect(frame).toContain('Interview Thu 3 Dec 09:00 · in 7 days');
    expect(frame).toMatch(/Due in the next 14 days {2}\d+ in all/);
    expect(frame).toContain('forgot 1x');
    expect(frame).toContain('best 39.5 s');
    expect(frame).toContain('median of last 5: 39.5 s');
  });

  it('shows the three slowest answers, slowest first', () => {
    const all = lines(draw(60, true));
    const at = all.findIndex((l) => l.startsWith('Slowest answers'));
    expect(all.slice(at + 1, at + 4).map((l) => l.split(/\s{2,}/))).toEqual([
      ['1m 30s', 'Question q3?'],
      ['42s', 'Tell me about yourself.'],
      ['25s', 'Question q1?'],
    ]);
    expect(all[at + 4] ?? '').not.toContain('Question q2?');
  });

  it('lists recall at the interview lowest first, each with its percentage', () => {
    const stats = deckStats({ ...fixture(), now: NOW, retention: 0.9, interview: INTERVIEW });
    const frame = plain(draw(60, true, stats));
    const shown = lines(frame)
      .filter((l) => /^\s*\d+% [█░]{10}/.test(l))
      .map((l) => Number(/(\d+)%/.exec(l)![1]));
    expect(shown).toHaveLength(4);
    expect(shown).toEqual([...shown].sort((a, b) => a - b));
    expect(shown[0]).toBe(Math.round(stats.atInterview[0]!.recallAtInterview! * 100));
    expect(frame).toContain('1 never practised: no prediction yet');
  });

  it('without an interview, shows recall now and says how to set a date', () => {
    const frame = plain(draw(80, true, deckStats({ ...fixture(), now: NOW, retention: 0.9, interview: null })));
    expect(frame).toContain('Recall now');
    expect(frame).toContain('No interview date: prep drill test --interview');
    // At 79 columns the hint breaks exactly at the width: it wraps at the space, none carried over.
    const narrow = lines(plain(draw(79, true, deckStats({ ...fixture(), now: NOW, retention: 0.9, interview: null }))));
    const at = narrow.findIndex((l) => l.startsWith('No interview date'));
    expect(narrow.slice(at, at + 3).join(' ')).toContain('No interview date: prep drill test --interview 2026-12-03, or interview: in the deck.');
    expect(narrow[at + 1]).toMatch(/^\S/);
  });

  it('a deck never practised says so instead of drawing empty charts', () => {
    const frame = plain(draw(60, true, deckStats({ deck: makeDeck(3), records: [], now: NOW, retention: 0.9, interview: null })));
    expect(frame).toContain('░ new 3');
    expect(frame).toContain('No card is scheduled yet');
    expect(frame).toContain('No timed answers yet.');
    // No pitch card and no runs: no pitch panel at all.
    expect(frame).not.toContain('Pitch');
  });

  it('sums up the cards past the first eight by recall', () => {
    const deck = makeDeck(12);
    const records = deck.cards.map((c, i) => grade(c.id, ((i % 4) + 1) as 1 | 2 | 3 | 4, '2026-11-25T10:00'));
    const frame = plain(draw(100, true, deckStats({ deck, records, now: NOW, retention: 0.9, interview: null })));
    expect(frame).toMatch(/… 4 more, all at \d+% or above/);
  });
});
