import { vi } from 'vitest';

/** Raw bytes for the keys tests press. */
export const KEY = {
  space: ' ',
  enter: '\r',
  esc: '\x1b',
  ctrlC: '\x03',
} as const;

/** Ink's frames without colour codes, so assertions read like the screen. */
// eslint-disable-next-line no-control-regex
export const plain = (s: string | undefined) => (s ?? '').replace(/\x1b\[[0-9;]*m/g, '');

/**
 * Waits until the last frame satisfies `test`, polling; works with real and fake timers.
 * Fails with the last frame seen, so a broken screen is easy to read in the test output.
 */
export async function waitForFrame(
  lastFrame: () => string | undefined,
  test: string | RegExp | ((frame: string) => boolean),
  timeoutMs = 3000,
): Promise<string> {
  const ok = (f: string) => (typeof test === 'string' ? f.includes(test) : test instanceof RegExp ? test.test(f) : test(f));
  const fake = vi.isFakeTimers();
  const started = Date.now();
  let frame = '';
  for (let i = 0; ; i++) {
    frame = plain(lastFrame());
    if (ok(frame)) return frame;
    if (fake) {
      if (i > 200) break;
      await vi.advanceTimersByTimeAsync(10);
    } else {
      if (Date.now() - started > timeoutMs) break;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
  throw new Error(`frame never matched ${String(test)}; last frame:\n${frame}`);
}

/**
 * Writes a key and gives Ink a moment to handle it. It does not wait for the key's effect, so
 * it proves nothing by itself: wait for the frame that shows the effect before asserting. To
 * assert that a key did nothing, press after it a key whose effect is visible, wait for that
 * frame (keys are handled in order), and only then check that the first changed nothing.
 */
export async function press(stdin: { write(s: string): void }, key: string): Promise<void> {
  stdin.write(key);
  if (vi.isFakeTimers()) await vi.advanceTimersByTimeAsync(20);
  else await new Promise((r) => setTimeout(r, 20));
}
