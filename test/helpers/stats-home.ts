import { expect, vi } from 'vitest';
import { context, openDeck } from '../../src/commands/context.js';
import { loadProgress } from '../../src/commands/load-progress.js';
import { stats } from '../../src/commands/stats.js';

/** What `prep stats <deck>` prints for `home` at `now`: the text, then `--json`. */
export async function statsOutput(home: string, deck: string, now: Date): Promise<{ text: string; json: string }> {
  process.env.PREP_HOME = home;
  const out: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
  try {
    expect(await stats(deck, {}, now)).toBe(0);
    const text = out.splice(0).join('');
    expect(await stats(deck, { json: true }, now)).toBe(0);
    return { text, json: out.join('') };
  } finally {
    spy.mockRestore();
  }
}

/** What a drill start stores after its first frame: the deck through its cache, the snapshot and the tally. */
export async function drillStart(home: string, deck: string): Promise<void> {
  process.env.PREP_HOME = home;
  const { paths, dirs } = context();
  const loaded = loadProgress(paths, await openDeck(deck, dirs, paths.cacheDir), 0.9);
  loaded.saveSnapshot();
  loaded.log.close();
}
