import type { LogRecord } from '../store/log-records.js';

/** Where committed records go: the review log in the app, an array in tests. */
export interface RecordSink {
  append(record: LogRecord): void;
}

/** What each record is called in a "not saved" message. */
export const RECORD_NAMES: Record<LogRecord['type'], string> = { grade: 'Grade', undo: 'Undo', pitch: 'Pitch attempt', mock: 'Rehearsal' };

/** A pure reducer: the next state, or the same object when nothing changed. */
export type Reducer<S, A> = (state: S, action: A) => S;

/**
 * A state, a reducer and the screens that listen: what every interactive screen runs on.
 * Screens read it through `subscribe` / `getState` (React's useSyncExternalStore), and the
 * input hook asks `getState()` for every key. It writes nothing: a screen that commits records
 * runs on a SessionStore.
 */
export class Store<S, A> {
  private state: S;
  private readonly listeners = new Set<() => void>();

  constructor(
    initial: S,
    private readonly reducer: Reducer<S, A>,
  ) {
    this.state = initial;
  }

  getState = (): S => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Runs the reducer on `action`, and tells the listeners when the state changed. */
  protected reduce(action: A): void {
    const next = this.reducer(this.state, action);
    if (next === this.state) return;
    this.state = next;
    for (const l of this.listeners) l();
  }
}

/**
 * The store of a screen that commits what must last, to the review log.
 * `apply(action, record)` appends the record (and the sink fsyncs it) BEFORE the reducer runs,
 * so a screen never moves on over an unsaved grade or attempt; if the write fails, the reducer
 * gets `failed(record, error)` instead.
 */
export class SessionStore<S, A> extends Store<S, A> {
  constructor(
    initial: S,
    reducer: Reducer<S, A>,
    private readonly sink: RecordSink,
    /** The action that reports a record the log did not take. */
    private readonly failed: (record: LogRecord, err: Error) => A,
  ) {
    super(initial, reducer);
  }

  /**
   * Writes `record` (if any) to the log, then runs the reducer on `action`. Returns false, having
   * reported the failure through the reducer instead, when the record was not saved.
   */
  apply = (action: A, record?: LogRecord): boolean => {
    if (record && !this.save(record)) return false;
    this.reduce(action);
    return true;
  };

  /** Writes a record that changes no state (the drill's pitch attempt after its grade). */
  save = (record: LogRecord): boolean => {
    try {
      this.sink.append(record);
      return true;
    } catch (err) {
      this.reduce(this.failed(record, err instanceof Error ? err : new Error(String(err))));
      return false;
    }
  };
}
