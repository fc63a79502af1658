import { describe, expect, it } from 'vitest';
import { SessionStore } from '../../../src/core/session/session-store.js';
import type { LogRecord } from '../../../src/core/store/log-records.js';

type Action = { type: 'add'; n: number } | { type: 'failed'; message: string };
type State = { total: number; error: string | null; logged: number };

const record = (id: string): LogRecord => ({ v: 1, type: 'undo', id, deck: 'd', target: 'x', at: '2026-11-29T10:00:00.000Z' });

function storeWith(append: (r: LogRecord) => void) {
  const log: LogRecord[] = [];
  const seenByReducer: number[] = [];
  const store = new SessionStore<State, Action>(
    { total: 0, error: null, logged: 0 },
    (s, a) => {
      // What the log held when the reducer ran.
      seenByReducer.push(log.length);
      if (a.type === 'failed') return { ...s, error: a.message };
      return a.n === 0 ? s : { ...s, total: s.total + a.n, logged: log.length };
    },
    { append: (r) => (append(r), log.push(r)) },
    (r, err) => ({ type: 'failed', message: `${r.id}: ${err.message}` }),
  );
  return { store, log, seenByReducer };
}

describe('the session store', () => {
  it('writes the record to the log before the reducer runs', () => {
    const { store, log } = storeWith(() => {});
    expect(store.apply({ type: 'add', n: 2 }, record('r1'))).toBe(true);
    expect(log.map((r) => r.id)).toEqual(['r1']);
    expect(store.getState()).toMatchObject({ total: 2, logged: 1 });
  });

  it('does not run the action when the log refuses the record, and reports why instead', () => {
    const { store, log } = storeWith(() => {
      throw new Error('disk full');
    });
    expect(store.apply({ type: 'add', n: 2 }, record('r1'))).toBe(false);
    expect(log).toEqual([]);
    expect(store.getState()).toEqual({ total: 0, error: 'r1: disk full', logged: 0 });
  });

  it('tells subscribers about a change, not about an action that changed nothing', () => {
    const { store } = storeWith(() => {});
    let calls = 0;
    const off = store.subscribe(() => calls++);
    store.apply({ type: 'add', n: 0 });
    expect(calls).toBe(0);
    store.apply({ type: 'add', n: 1 });
    expect(calls).toBe(1);
    off();
    store.apply({ type: 'add', n: 1 });
    expect(calls).toBe(1);
    expect(store.getState().total).toBe(2);
  });

  it('can save a record with no action', () => {
    const { store, log, seenByReducer } = storeWith(() => {});
    expect(store.save(record('r2'))).toBe(true);
    expect(log.map((r) => r.id)).toEqual(['r2']);
    expect(seenByReducer).toEqual([]);
  });
});
