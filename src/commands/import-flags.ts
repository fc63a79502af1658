// The V8 flags `prep import` sets on itself at start (src/start.ts), before the CLI loads. No
// imports here: start.ts is the start path of every command.

/** Stops the young generation growing; see import-heap.ts. */
export const HOLD_YOUNG_GENERATION = '--semi-space-growth-factor=1';

/** What of the running Node the flags depend on: `process`, or its like in a test. */
export interface NodeProcess {
  /** `variables.v8_enable_maglev` is 1 where V8 has Maglev (Node 24; not 20 or 22). */
  config: { variables: object };
  /** With NODE_OPTIONS, where a user's own `--no-maglev` or `--turbofan` wins. */
  execArgv: readonly string[];
  env: { NODE_OPTIONS?: string };
}

/**
 * The flags for import, one string for v8.setFlagsFromString. Where V8 has Maglev (Node 24),
 * hot code is compiled twice, by Maglev and then by TurboFan, each on a helper thread with its
 * own compile memory, which the C library keeps per thread once freed: a 2 MB import held about
 * 10 MB more with TurboFan than without it, for no gain in speed (same CPU time, the run is too
 * short for TurboFan's code to pay back its compiling). So there `--no-turbofan` leaves hot code
 * to Maglev alone. Without Maglev (Node 20, 22), TurboFan is the only optimizing compiler:
 * turning it off would leave the interpreter, twice as slow, so it is left on. Unlike the young
 * generation's factor, this is only set for the `prep import` process, never by importDeck
 * called in a longer-lived process.
 */
export function importV8Flags(node: NodeProcess): string {
  // Kept short: this is on every command's start path, in a first file held under 4.5 KB.
  const maglev = (node.config.variables as { v8_enable_maglev?: unknown }).v8_enable_maglev === 1;
  return maglev && !/--(no-)?(maglev|turbofan)(\s|$)/.test([...node.execArgv, node.env.NODE_OPTIONS].join(' ')) ? HOLD_YOUNG_GENERATION + ' --no-turbofan' : HOLD_YOUNG_GENERATION;
}
