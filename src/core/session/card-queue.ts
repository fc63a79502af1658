/**
 * The cards still to come in `all` and `review` modes: a fixed order read from a position, then
 * the cards a grade of Again sent back, in the order they were sent. Taking a card or sending
 * one back never copies the whole order, which in `prep drill --all` may be 10,000 ids long and
 * is kept by every state the undo stack holds.
 */
export interface CardQueue {
  readonly order: readonly string[];
  /** How many of `order` have been taken. */
  readonly at: number;
  readonly back: readonly string[];
}

export function queueOf(order: readonly string[]): CardQueue {
  return { order, at: 0, back: [] };
}

export function queueLength(q: CardQueue): number {
  return q.order.length - q.at + q.back.length;
}

/** The next card and the queue without it, or null when none is left. */
export function takeNext(q: CardQueue): [string, CardQueue] | null {
  if (q.at < q.order.length) return [q.order[q.at]!, { ...q, at: q.at + 1 }];
  const [id, ...rest] = q.back;
  return id === undefined ? null : [id, { ...q, back: rest }];
}

/** The queue with `id` at the very end (after every card still in it). */
export function sendBack(q: CardQueue, id: string): CardQueue {
  return { ...q, back: [...q.back, id] };
}
