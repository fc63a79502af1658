// The V8 flags `prep import` sets on itself at start (src/start.ts), before the CLI loads. No
// imports here: start.ts is the start path of every command.

/** Stops the young generation growing; see import-heap.ts. */
export const HOLD_YOUNG_GENERATION = '--semi-space-growth-factor=1';

/**
 * On every Node: V8 grows the old generation in steps of 2 MB instead of 8 MB before its next
 * full collection, and runs a first one that gives memory back early. What an import leaves in
 * the old generation (objects that lived through two young collections, V8's own data for the
 * code it compiles) then waits in less room: a 1 MB sheet and export peaked 1.3-2.2 MB lower
 * above the empty sheet on Node 20 and 22, the sheet 4.5 MB lower on Node 24, in the same CPU
 * time within the noise (-5% to +4%). V8 reads it as it runs.
 */
export const SMALL_HEAP_STEPS = '--optimize-for-size';

/** What of the running Node the flags depend on: `process`, or its like in a test. */
export interface NodeProcess {
  /** `variables.v8_enable_maglev` is 1 where V8 has Maglev (Node 24; not 20 or 22). */
  config: { variables: object };
  /** With NODE_OPTIONS, where a user's own choice (`--no-maglev`, `--turbo-inlining`...) wins. */
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
 * Where V8 has no Maglev (Node 20, 22): TurboFan is the only optimizing compiler (for an input
 * over NO_TURBOFAN_UP_TO; without it, a big import takes twice the time). Without inlining, each TurboFan job builds a
 * graph of one function, not of it and what it calls: less compile memory in the helper
 * threads' arenas and less code (a 2 MB import peaked 1-4 MB lower), for 0-9% more CPU time.
 */
export const TURBOFAN_SMALL = '--no-turbo-inlining';

/**
 * The flags for import, one string for v8.setFlagsFromString: the young generation held always,
 * SMALL_HEAP_STEPS unless the user set it in NODE_OPTIONS, MAGLEV_ONLY where V8 has Maglev, TURBOFAN_SMALL where it has not (efficiency mode there would
 * only delay TurboFan, whose jobs stay on helper threads). Unlike the young generation's factor,
 * the compiler flags are only set for the `prep import` process, never by importDeck called in
 * a longer-lived process, and not when the user chose compilers, inlining or the mode in
 * NODE_OPTIONS.
 */
export function importV8Flags(node: NodeProcess): string {
  // Kept short: this is on every command's start path, in a first file held under 4.5 KB.
  const given = [...node.execArgv, node.env.NODE_OPTIONS].join(' ');
  const held = /--(no-)?optimize-for-size(\s|=|$)/.test(given) ? HOLD_YOUNG_GENERATION : `${HOLD_YOUNG_GENERATION} ${SMALL_HEAP_STEPS}`;
  return chosen(node) ? held : `${held} ${hasMaglev(node) ? MAGLEV_ONLY : TURBOFAN_SMALL}`;
}

/** Whether the user chose compilers, inlining or the mode on the command line or in NODE_OPTIONS. */
function chosen(node: NodeProcess): boolean {
  return /--(no-)?(maglev|turbofan|turbo-inlining|efficiency-mode)(\s|=|$)/.test([...node.execArgv, node.env.NODE_OPTIONS].join(' '));
}

function hasMaglev(node: NodeProcess): boolean {
  return (node.config.variables as { v8_enable_maglev?: unknown }).v8_enable_maglev === 1;
}

/**
 * Where the first file keeps a function that takes V8's code of the CLI bundle for its cache (see
 * start.ts): import calls it before it changes the compilers mid-run, as V8 turns down code
 * cached once its flags have changed (on Node 22 even when they are set back).
 */
export const CODE_BEFORE_FLAGS = Symbol.for('prep.code.before.flags');

/** Marks the `prep import` process, whose first file set importV8Flags: only there are the compilers import's to choose. */
const IMPORT_PROCESS = Symbol.for('prep.import.process');

/** importV8Flags, for the `prep import` process's first file, which marks the process as import's. */
export function startImportFlags(node: NodeProcess): string {
  (globalThis as Record<symbol, unknown>)[IMPORT_PROCESS] = true;
  return importV8Flags(node);
}

/**
 * Where V8 has no Maglev (Node 20, 22), an input up to this size is read with TurboFan off:
 * interpreted, and compiled only by Sparkplug, which compiles fast and small code without
 * optimizing it. TurboFan's own part of the memory does not depend on the input: its code, read
 * from the Node binary as it first runs, its compile jobs' memory on helper threads and the code
 * it makes, 8-10 MB once an import runs hot, more than ten times a 1 MB input by itself. Above
 * this size that cost is small beside the input, and TurboFan's faster code pays.
 */
export const NO_TURBOFAN_UP_TO = 2 * 1024 * 1024;

/**
 * The flags for an input of `bytes`, once its size is known: `--no-turbofan` up to
 * NO_TURBOFAN_UP_TO where V8 has no Maglev, in the `prep import` process (see startImportFlags) when
 * the user chose no compilers; otherwise none. V8 reads the flag each time it would optimize a function, so it takes effect
 * when set at run time.
 */
export function inputV8Flags(bytes: number, node: NodeProcess): string | undefined {
  if ((globalThis as Record<symbol, unknown>)[IMPORT_PROCESS] !== true || chosen(node) || hasMaglev(node)) return undefined;
  return bytes <= NO_TURBOFAN_UP_TO ? '--no-turbofan' : undefined;
}
