import { describe, expect, it } from 'vitest';

import { renderToString } from 'ink';
import type { DeckSummary } from '../../../src/core/stats/deck-summary.js';
import { brokenDeck } from '../../../src/core/stats/deck-summary.js';
import { ListScreen } from '../../../src/ui/screens/list-screen.js';
import { plain } from '../../helpers/ink.js';
import { useColour } from '../../helpers/colour.js';

// Colour on, as on a terminal, so the colour and NO_COLOR tests can fail.
useColour();

const NOW = new Date('2026-11-26T10:00');
// eslint-disable-next-line no-control-regex
const ANY_CODE = /\x1b\[/;

const decks: DeckSummary[] = [
  {
    name: 'acme',
    path: '/home/me/.config/prep/decks/acme.yaml',
    shipped: false,
    title: 'Acme — Staff Engineer, Platform and Developer Experience',
    cards: 24,
    dueNow: 5,
    new: 3,
    interview: new Date('2026-12-03T09:00'),
    daysLeft: 7,
    interviewPast: false,
    recallAtInterview: 0.62,
    hasPitch: true,
    lastPractised: new Date('2026-11-25T21:00'),
    error: null,
  },
  brokenDeck({ name: 'broken', path: '/home/me/.config/prep/decks/broken.yaml', shipped: false }, 'decks/broken.yaml:3:1 title: required (and 2 more)'),
  {
    name: 'coder',
    path: '/usr/lib/prep/decks/coder.yaml',
    shipped: true,
    title: 'Coder — Software Engineer, AI Tools',
    cards: 9,
    dueNow: 0,
    new: 9,
    interview: null,
    daysLeft: null,
    interviewPast: false,
    recallAtInterview: null,
    hasPitch: true,
    lastPractised: null,
    error: null,
  },
];

function draw(columns: number, colour: boolean, list = decks) {
  return renderToString(<ListScreen decks={list} now={NOW} columns={columns} colour={colour} decksDir="/home/me/.config/prep/decks" />, { columns });
}
const lines = (frame: string) => plain(frame).split('\n');
const widest = (frame: string) => Math.max(...lines(frame).map((l) => [...l.trimEnd()].length));

describe('list screen', () => {
  it('at 60 columns: one line of figures per deck, the title (and "shipped") under it', () => {
    const frame = draw(60, false);
    expect(widest(frame)).toBeLessThanOrEqual(60);
    const all = lines(frame);
    expect(all[0]).toMatch(/^deck\s+cards\s+due\s+new\s+interview\s+last practised$/);
    expect(all[1]).toMatch(/^acme\s+24\s+5\s+3\s+3 Dec · 7d\s+yesterday$/);
    expect(all[2]).toMatch(/^ {2}Acme — Staff Engineer/);
    expect(all[4]).toMatch(/^coder\s+9\s+0\s+9\s+—\s+never$/);
    expect(all[5]).toBe('  Coder — Software Engineer, AI Tools · shipped');
  });

  it('at 120 columns: the title and where the deck comes from get columns of their own', () => {
    const frame = draw(120, true);
    expect(widest(frame)).toBeLessThanOrEqual(120);
    const all = lines(frame);
    expect(all[0]).toMatch(/^deck\s+title\s+from\s+cards\s+due\s+new\s+interview\s+last practised$/);
    expect(all[1]).toMatch(/^acme\s+Acme — Staff Engineer, Platform and Developer Experience\s+yours\s+24\s+5\s+3\s+3 Dec · 7d\s+yesterday$/);
    expect(all[3]).toMatch(/^coder\s+Coder — Software Engineer, AI Tools\s+shipped\s+9\s+0\s+9\s+—\s+never$/);
    expect(all).toHaveLength(4);
  });

  it('a deck that fails to load is one line with its error, and the others still show', () => {
    for (const columns of [60, 120]) {
      const broken = lines(draw(columns, true)).filter((l) => l.startsWith('broken'));
      expect(broken).toHaveLength(1);
      expect(broken[0]).toMatch(/^broken\s+error: decks\/broken\.yaml:3:1 title: required/);
    }
  });

  it('NO_COLOR: no escape code at all; colour: the error is red', () => {
    expect(draw(80, false)).not.toMatch(ANY_CODE);
    expect(draw(80, true)).toContain('\x1b[31merror:');
  });

  it('no decks: says where to put one', () => {
    expect(plain(draw(60, false, [])).replace(/\s+/g, ' ')).toContain('No decks yet. Put a deck file (.yaml) in /home/me/.config/prep/decks.');
  });
});
