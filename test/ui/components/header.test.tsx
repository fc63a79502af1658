import { describe, expect, it } from 'vitest';
import { fitNote, leftText } from '../../../src/ui/components/header.js';

describe('header', () => {
  it('keeps the countdown whole: the long form where it fits, then compact ones, the title cut first', () => {
    const title = 'Coder — Software Engineer, AI Tools';
    expect(fitNote(title, 60, 'Interview in 3 days', 'in 3 d')).toBe('Interview in 3 days');
    expect(fitNote(title, 30, 'Interview in 3 days', 'in 3 d')).toBe('Interview in 3 d');
    expect(fitNote(title, 20, 'Interview tomorrow at 10:00', 'tomorrow 10:00')).toBe('tomorrow 10:00');
    expect(fitNote(title, 20, undefined, undefined)).toBeUndefined();
  });

  it('says what is left, and how much of it comes back to be learnt', () => {
    expect(leftText({ done: 3, left: 4, learning: 2 })).toBe('4 left · 2 learning');
    expect(leftText({ done: 0, left: 9, learning: 0 })).toBe('9 left');
  });
});
