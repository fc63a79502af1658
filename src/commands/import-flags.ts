// The V8 flags `prep import` sets on itself at start (src/start.ts), before the CLI loads. No
// imports here: start.ts is the start path of every command.

/** Stops the young generation growing; see import-heap.ts. */
export const HOLD_YOUNG_GENERATION = '--semi-space-growth-factor=1';

/** What of the running Node the flags depend on: `process`, or its like in a test. */
export interface NodeProcess {
  /** `variables.v8_enable_maglev` is 1 where V8 has Maglev (Node 24; not 20 or 22). */
  config: { variables: object };
  /** With NODE_OPTIONS, where a user's own `--no-maglev`, `--turbofan` or `--no-efficiency-mode` wins. */
  execArgv: readonly string[];
  env: { NODE_OPTIONS?: string };
}

/**
 * Where V8 has Maglev (Node 24): hot code compiled once, by Maglev, on the main thread. Left to
 * itself V8 compiles hot code twice, by Maglev and then by TurboFan, each job on a helper
 * thread, and the C library keeps a freed job's memory in that thread's own arena: 8-13 MB at
 * the end of a 2 MB import. `--no-turbofan` leaves hot code to Maglev alone (same CPU time: the
 * run is too short for TurboFan's code to pay back its compiling). V8's efficiency mode then
 * runs Maglev's jobs on the main thread, one at a time, in memory the next job reuses (under
 * 1 MB left in helper arenas; CPU time the same again). That mode would also run the collector
 * without its helper threads, which put the peak over 20 MB higher;
 * `--no-single-threaded-gc-in-background` keeps the helpers. V8 reads all three as it runs, so
 * setting them at run time takes effect.
 */
export const MAGLEV_ONLY = '--no-turbofan --efficiency-mode --no-single-threaded-gc-in-background';

/**
 * The flags for import, one string for v8.setFlagsFromString: the young generation held always,
 * and MAGLEV_ONLY where V8 has Maglev. Without Maglev (Node 20, 22), TurboFan is the only
 * optimizing compiler: turning it off would leave the interpreter, twice as slow; and efficiency
 * mode there only delays TurboFan, whose jobs stay on helper threads, so neither is set. Unlike
 * the young generation's factor, these are only set for the `prep import` process, never by
 * importDeck called in a longer-lived process, and not when the user chose compilers or the
 * mode in NODE_OPTIONS.
 */
export function importV8Flags(node: NodeProcess): string {
  // Kept short: this is on every command's start path, in a first file held under 4.5 KB.
  const maglev = (node.config.variables as { v8_enable_maglev?: unknown }).v8_enable_maglev === 1;
  return maglev && !/--(no-)?(maglev|turbofan|efficiency-mode)(\s|=|$)/.test([...node.execArgv, node.env.NODE_OPTIONS].join(' ')) ? `${HOLD_YOUNG_GENERATION} ${MAGLEV_ONLY}` : HOLD_YOUNG_GENERATION;
}
