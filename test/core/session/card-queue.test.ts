import { describe, expect, it } from 'vitest';
import { queueLength, queueOf, sendBack, takeNext, type CardQueue } from '../../../src/core/session/card-queue.js';

function drain(q: CardQueue, again: (id: string, round: number) => boolean): string[] {
  const seen: string[] = [];
  for (let next = takeNext(q); next; next = takeNext(q)) {
    const [id, rest] = next;
    seen.push(id);
    q = again(id, seen.filter((x) => x === id).length) ? sendBack(rest, id) : rest;
  }
  return seen;
}

describe('the practice queue', () => {
  it('gives the order, then the cards sent back, in the order they were sent back', () => {
    // b is forgotten twice, d once: each goes to the back of the line every time.
    const forgotten = (id: string, round: number) => (id === 'b' && round <= 2) || (id === 'd' && round === 1);
    expect(drain(queueOf(['a', 'b', 'c', 'd']), forgotten)).toEqual(['a', 'b', 'c', 'd', 'b', 'd', 'b']);
  });

  it('counts what is left, and an earlier queue (kept for undo) is unchanged by later takes', () => {
    const q0 = sendBack(queueOf(['a', 'b']), 'z');
    const [first, q1] = takeNext(q0)!;
    expect(first).toBe('a');
    expect(queueLength(q0)).toBe(3);
    expect(queueLength(q1)).toBe(2);
    expect(drain(q0, () => false)).toEqual(['a', 'b', 'z']);
    expect(takeNext(queueOf([]))).toBeNull();
  });
});
