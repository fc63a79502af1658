import { setFlagsFromString } from 'node:v8';
import { CODE_BEFORE_FLAGS, HOLD_YOUNG_GENERATION, inputV8Flags } from './import-flags.js';

/**
 * Keeps V8's young generation at the size it has when import starts. Import makes many
 * short-lived objects per card (the card's YAML, its lint), and V8 answers a long run of them by
 * doubling the young generation up to 32 MB: that growth alone was 12 times a 2 MB input in peak
 * memory, more than everything import keeps. With growth held, each scavenge still frees the
 * cards read since the last one; import took no longer. The factor is read each time V8 would
 * grow the space, so setting it at run time takes effect (given at start-up, V8 raises it to 2).
 * It only affects this process, which ends with the import. The first file sets it already for
 * `prep import`, while the young generation is smallest; this is for import called otherwise.
 */
export function holdYoungGeneration(): void {
  setFlagsFromString(HOLD_YOUNG_GENERATION);
}

/** Sets the compiler flags for an input of `bytes` (see inputV8Flags): none unless `prep import` chose the compilers at start. */
export function setInputFlags(bytes: number): void {
  const flags = inputV8Flags(bytes, process);
  if (!flags) return;
  // The code cached after this would be turned down by the next start, and made again by every import.
  (globalThis as Record<symbol, (() => void) | undefined>)[CODE_BEFORE_FLAGS]?.();
  setFlagsFromString(flags);
}
