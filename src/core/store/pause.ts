/** Blocks the thread for `ms`: the store is synchronous on purpose (see ReviewLog.append). */
export function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
