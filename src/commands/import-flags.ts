// The V8 flags `prep import` sets on itself at start (src/start.ts), before the CLI loads. No
// imports here: start.ts is the start path of every command.

/** Stops the young generation growing; see import-heap.ts. */
export const HOLD_YOUNG_GENERATION = '--semi-space-growth-factor=1';

/** Leaves hot code to Maglev, V8's mid-tier compiler, without a second compile by TurboFan. */
export const MAGLEV_ONLY = '--no-turbofan';

/** What the running Node was built with and started with, as far as the flags depend on it. */
export interface NodeBuild {
  /** `process.config.variables.v8_enable_maglev`: 1 where V8 has Maglev (Node 24; not 20 or 22). */
  maglev: unknown;
  /** `process.execArgv` and NODE_OPTIONS: a user's own `--no-maglev` or `--turbofan` wins. */
  options: readonly string[];
}

/**
 * The flags for import, one string for v8.setFlagsFromString. Where V8 has Maglev (Node 24),
 * hot code is compiled twice, by Maglev and then by TurboFan, each on a helper thread with its
 * own compile memory, which the C library keeps per thread once freed: a 2 MB import held about
 * 10 MB more with TurboFan than without it, for no gain in speed (same CPU time, the run is too
 * short for TurboFan's code to pay back its compiling). Without Maglev (Node 20, 22), TurboFan
 * is the only optimizing compiler: turning it off there would leave the interpreter, twice as
 * slow, so it is left on. Unlike the young generation's factor, this is only set for the `prep
 * import` process, never by importDeck called in a longer-lived process.
 */
export function importV8Flags(build: NodeBuild): string {
  const own = build.options.join(' ').split(/\s+/);
  const maglev = build.maglev === 1 && !own.includes('--no-maglev') && !own.some((o) => o === '--turbofan' || o === '--no-turbofan');
  return maglev ? `${HOLD_YOUNG_GENERATION} ${MAGLEV_ONLY}` : HOLD_YOUNG_GENERATION;
}
