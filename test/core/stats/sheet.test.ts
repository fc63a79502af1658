import { describe, expect, it } from 'vitest';
import type { Card, Deck } from '../../../src/core/deck/types.js';
import type { LogRecord } from '../../../src/core/store/log-records.js';
import { interviewSheet } from '../../../src/core/stats/sheet.js';
import { sheetText } from '../../../src/ui/sheet-text.js';
import { question } from '../../helpers/deck.js';

const NOW = new Date('2026-11-26T10:00');
const DAY = 86_400_000;
const pitch: Card = { id: 'pitch', kind: 'pitch', prompt: 'Tell me about yourself.', answer: 'I build.', points: ['What I do', 'Why you'], tags: [], seconds: 45, line: 2 };
const ask: Card = { id: 'a', kind: 'ask', prompt: 'What will you ask them?', answer: 'How do you ship?', points: [], why: 'It shows how they work.', tags: [], line: 9 };
const deck: Deck = {
  name: 'd',
  path: '/d.yaml',
  title: 'Acme',
  company: 'Acme',
  cards: [pitch, question('known', { points: ['known point'] }), question('shaky'), question('fresh'), ask],
};
const grade = (card: string, g: 1 | 3 | 4, daysAgo: number, id: string): LogRecord => ({ v: 1, type: 'grade', id, deck: 'd', card, grade: g, at: new Date(NOW.getTime() - daysAgo * DAY).toISOString() });

// The sheet's own bold on and off: the only escape sequences it may write.
// eslint-disable-next-line no-control-regex
const BOLD_CODES = /\x1b\[(1|22)m/g;

describe('interview-day sheet', () => {
  it('lists questions weakest first: never practised, then the lowest recall at the interview', () => {
    const records = [grade('known', 4, 3, 'g1'), grade('known', 4, 1, 'g2'), grade('shaky', 1, 1, 'g3')];
    const s = interviewSheet({ deck, records, retention: 0.9, interview: new Date(NOW.getTime() + 5 * DAY), now: NOW });
    expect(s.questions.map((q) => q.prompt)).toEqual(['Question fresh?', 'Question shaky?', 'Question known?']);
    expect(s.questions[0]!.recall).toBeNull();
    expect(s.questions[1]!.recall!).toBeLessThan(s.questions[2]!.recall!);
    expect(s.pitch).toEqual({ prompt: 'Tell me about yourself.', seconds: 45, beats: ['What I do', 'Why you'] });
    expect(s.ask).toEqual([{ question: 'How do you ship?', why: 'It shows how they work.' }]);

    const md = sheetText(s, 'markdown', { width: 80, colour: false });
    expect(md).toContain('## Pitch (45 s): Tell me about yourself.\n\n1. What I do\n2. Why you');
    expect(md).toMatch(/### Q3 · recall \d+%\nQuestion known\?\n- known point/);
    expect(md).toContain('- How do you ship? (_why: It shows how they work._)');
  });

  it('the terminal form has no Markdown marks, and text from the deck cannot act on the terminal', () => {
    const evil: Deck = { ...deck, title: 'Acme\x1b]52;c;aGk=\x07', cards: [question('x', { prompt: 'Why \x1b[2Jus?' })] };
    const s = interviewSheet({ deck: evil, records: [], retention: 0.9, interview: null, now: NOW });
    const text = sheetText(s, 'terminal', { width: 40, colour: true });
    // Only the sheet's own bold survives as an escape sequence.
    expect(text.replace(BOLD_CODES, '')).not.toContain('\x1b');
    expect(text).toContain('Why ␛[2Jus?');
    expect(text).not.toMatch(/^#/m);
    expect(Math.max(...text.replace(BOLD_CODES, '').split('\n').map((l) => l.length))).toBeLessThanOrEqual(40);
  });

  it('predicts recall at an interview ahead, and at now once it has started or passed', () => {
    const records = [grade('known', 4, 3, 'g1'), grade('known', 4, 1, 'g2')];
    const sheetAt = (interview: Date | null) => interviewSheet({ deck, records, retention: 0.9, interview, now: NOW });
    const recallOf = (s: ReturnType<typeof sheetAt>) => s.questions.find((q) => q.prompt === 'Question known?')!.recall!;
    const ahead = sheetAt(new Date(NOW.getTime() + 5 * DAY));
    const none = sheetAt(null);
    expect(ahead.interview).toEqual(new Date(NOW.getTime() + 5 * DAY));
    expect(recallOf(ahead)).toBeLessThan(recallOf(none));
    for (const passed of [new Date(NOW.getTime() - 3_600_000), NOW]) {
      const s = sheetAt(passed);
      expect(s.interview).toBeNull();
      expect(recallOf(s)).toBe(recallOf(none));
    }
  });

  it('orders by recall whatever the order of the deck', () => {
    const records = [grade('known', 4, 3, 'g1'), grade('known', 4, 1, 'g2'), grade('shaky', 1, 1, 'g3')];
    const reordered: Deck = { ...deck, cards: [question('shaky'), question('known'), question('fresh')] };
    const s = interviewSheet({ deck: reordered, records, retention: 0.9, interview: null, now: NOW });
    expect(s.questions.map((q) => q.prompt)).toEqual(['Question fresh?', 'Question shaky?', 'Question known?']);
  });

  it('finds the pitch wherever it is in the deck, and gives each question its own time limit', () => {
    const mixed: Deck = { ...deck, company: undefined, role: 'Engineer', cards: [question('first', { seconds: 90 }), pitch, question('second')] };
    const s = interviewSheet({ deck: mixed, records: [], retention: 0.9, interview: null, now: NOW });
    expect(s.pitch?.prompt).toBe('Tell me about yourself.');
    expect(s.questions.map((q) => [q.prompt, q.seconds])).toEqual([['Question first?', 90], ['Question second?', null]]);
    expect(s.company).toBeNull();
    expect(s.role).toBe('Engineer');
    expect(interviewSheet({ deck, records: [], retention: 0.9, interview: null, now: NOW })).toMatchObject({ company: 'Acme', role: null });
  });
});
