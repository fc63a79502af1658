import { describe, expect, it } from 'vitest';
import { brokenDeck } from '../../../src/core/stats/deck-summary.js';
import { summary } from '../../helpers/deck-summary.js';
import { homeReducer, initHome, type HomeAction, type HomeState } from '../../../src/core/session/home-state.js';
import { homeView, HOME_CHROME_LINES } from '../../../src/core/session/home-view.js';

const NOW = new Date('2026-11-26T10:00');

const run = (s: HomeState, ...actions: HomeAction[]) => actions.reduce(homeReducer, s);
const decks = [summary('acme'), summary('globex', { hasPitch: false }), brokenDeck({ name: 'draft', path: '/decks/draft.yaml', shipped: false }, 'draft.yaml:1:1 title: required')];

describe('home screen state', () => {
  it('moves the selection and wraps at both ends', () => {
    const s = initHome(decks);
    expect(run(s, { type: 'move', by: 1 }).selected).toBe(1);
    expect(run(s, { type: 'move', by: -1 }).selected).toBe(2);
    expect(run(s, { type: 'move', by: 1 }, { type: 'move', by: 1 }, { type: 'move', by: 1 }).selected).toBe(0);
  });

  it('enter on a deck ends the screen with a choice that names the deck file', () => {
    const s = run(initHome(decks), { type: 'choose', command: 'drill' });
    expect(s).toMatchObject({ done: true, choice: { command: 'drill', name: 'acme', path: '/decks/acme.yaml' } });
  });

  it('refuses what cannot start, in a line, and stays open', () => {
    const noPitch = run(initHome(decks), { type: 'move', by: 1 }, { type: 'choose', command: 'pitch' });
    expect(noPitch).toMatchObject({ done: false, choice: null });
    expect(noPitch.message).toMatch(/globex has no pitch/);
    const broken = run(initHome(decks), { type: 'last' }, { type: 'choose', command: 'drill' });
    expect(broken.message).toBe('draft did not load: draft.yaml:1:1 title: required');
    // The next move clears the message.
    expect(run(broken, { type: 'move', by: 1 }).message).toBeNull();
  });

  it('q closes the help first, then quits without a choice', () => {
    const help = run(initHome(decks), { type: 'toggle-help' });
    expect(run(help, { type: 'quit' })).toMatchObject({ help: false, done: false });
    expect(run(help, { type: 'quit' }, { type: 'quit' })).toMatchObject({ done: true, choice: null });
  });

  it('comes back with the deck that was picked still selected', () => {
    expect(initHome(decks, { select: 'globex' }).selected).toBe(1);
    expect(initHome(decks, { select: 'gone' }).selected).toBe(0);
  });

  it('opens with the message it was given (why the last command did not start)', () => {
    expect(initHome(decks, { message: 'acme: no cards due' }).message).toBe('acme: no cards due');
    expect(initHome(decks).message).toBeNull();
  });

  it('home goes to the first deck, end to the last', () => {
    const end = run(initHome(decks), { type: 'last' });
    expect(end.selected).toBe(2);
    expect(run(end, { type: 'first' }).selected).toBe(0);
  });

  it('once a deck is picked, keys that follow in the same chunk change nothing', () => {
    const picked = run(initHome(decks), { type: 'choose', command: 'drill' });
    expect(run(picked, { type: 'move', by: 1 }, { type: 'choose', command: 'stats' })).toBe(picked);
  });

  it('with no decks at all, enter picks nothing and the screen stays', () => {
    const none = run(initHome([]), { type: 'move', by: 1 }, { type: 'last' }, { type: 'choose', command: 'drill' });
    expect(none).toMatchObject({ selected: 0, choice: null, done: false });
  });
});

describe('home view', () => {
  it('drops the title, then the recall, then the new count as the window narrows; the title moves under the list', () => {
    const s = initHome(decks);
    expect(homeView(s, NOW, 80, 23).columns).toEqual({ title: true, recall: true, newCards: true });
    expect(homeView(s, NOW, 60, 19).columns).toEqual({ title: false, recall: true, newCards: true });
    expect(homeView(s, NOW, 40, 11).columns).toEqual({ title: false, recall: false, newCards: false });
    expect(homeView(s, NOW, 80, 23).detail).toBeNull();
    expect(homeView(s, NOW, 60, 19).detail).toBe('acme title');
  });

  it('says past for an interview that has passed and counts down to one ahead', () => {
    const s = initHome([
      summary('soon', { interview: new Date('2026-11-27T14:00'), daysLeft: 1, recallAtInterview: 0.874 }),
      summary('gone', { interview: new Date('2026-11-20T09:00'), daysLeft: -6, interviewPast: true }),
    ]);
    const [soon, gone] = homeView(s, NOW, 80, 23).rows;
    expect(soon).toMatchObject({ interview: '27 Nov · tomorrow 14:00', recall: '87%', past: false });
    expect(gone).toMatchObject({ interview: '20 Nov · past', recall: '—', past: true });
    expect(homeView(s, NOW, 40, 11).rows[1]!.interview).toBe('past');
  });

  it('shows a window of rows around the selection when there are more decks than lines, and counts the rest', () => {
    const many = Array.from({ length: 30 }, (_, i) => summary(`d${String(i).padStart(2, '0')}`));
    const height = 11;
    const room = height - HOME_CHROME_LINES;
    const top = homeView(initHome(many), NOW, 40, height);
    expect(top).toMatchObject({ above: 0, below: 30 - room });
    const mid = homeView(run(initHome(many), ...Array<HomeAction>(15).fill({ type: 'move', by: 1 })), NOW, 40, height);
    expect(mid.rows.some((r) => r.selected && r.name === 'd15')).toBe(true);
    expect(mid.above + mid.rows.length + mid.below).toBe(30);
    const end = homeView(run(initHome(many), { type: 'last' }), NOW, 40, height);
    expect(end).toMatchObject({ below: 0 });
    expect(end.rows.at(-1)).toMatchObject({ name: 'd29', selected: true });
    // The last deck selected still fills the window, from d27 down.
    expect(end.rows.map((r) => r.name)).toEqual(['d27', 'd28', 'd29']);
    expect(end.above).toBe(27);
  });

  it('a deck that did not load shows its error and no figures; a deck with cards due is marked', () => {
    const s = initHome([summary('acme', { dueNow: 4, new: 2 }), summary('globex', { dueNow: 0 }), decks[2]!]);
    const [acme, globex, draft] = homeView(s, NOW, 80, 23).rows;
    expect(acme).toMatchObject({ due: '4', newCards: '2', interview: '—', hasDue: true, broken: false });
    expect(globex).toMatchObject({ due: '0', hasDue: false, broken: false });
    expect(draft).toMatchObject({ title: 'error: draft.yaml:1:1 title: required', due: '', newCards: '', interview: '', recall: '', hasDue: false, broken: true });
    // Selected, its error is spelled out under the list.
    expect(homeView(run(s, { type: 'last' }), NOW, 80, 23).detail).toBe('draft did not load: draft.yaml:1:1 title: required');
  });

  it('each column appears at the exact width it needs; a narrow window names the title, and a shipped deck, under the list', () => {
    const s = initHome([summary('acme', { shipped: true, interview: new Date('2026-12-03T14:00'), daysLeft: 7 })]);
    const at = (width: number) => homeView(s, NOW, width, 23);
    expect([at(76).columns.title, at(75).columns.title]).toEqual([true, false]);
    expect([at(56).columns.recall, at(55).columns.recall]).toEqual([true, false]);
    expect([at(48).columns.newCards, at(47).columns.newCards]).toEqual([true, false]);
    expect([at(64).rows[0]!.interview, at(63).rows[0]!.interview]).toEqual(['3 Dec · in 7 d', 'in 7 d']);
    expect(at(75).detail).toBe('acme title · shipped');
    // No decks at all: an empty list, nothing under it.
    expect(homeView(initHome([]), NOW, 40, 11)).toMatchObject({ rows: [], above: 0, below: 0, detail: null });
  });
});
