import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempHome, type TempHome } from '../helpers/temp-home.js';
import { drillStart as drillStartOf, statsOutput } from '../helpers/stats-home.js';
import { edited, entryOf, parts } from '../helpers/deck-entry.js';

// The benchmark's generator, plain JavaScript (no types of its own).
const { writeDeck, writeLog } = (await import(new URL('../../bench/generate.mjs', import.meta.url).href)) as {
  writeDeck: (home: string, name: string, cards: number) => void;
  writeLog: (home: string, name: string, cards: number, reviews: number, now?: number) => void;
};

// `prep stats` reads from the deck cache only the card texts it shows, each checked with the
// 16 KB chunk it lies in. Whatever it read, it must print what a load of the YAML deck prints,
// never a text whose check failed, and write nothing.

const DECK = 'gen';
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const report = (home: string, now: Date) => statsOutput(home, DECK, now);
const drillStart = (home: string) => drillStartOf(home, DECK);

/** Every file under the home with its size and change time: what a command that writes nothing leaves as it was. */
function filesOf(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => {
    const st = fs.statSync(path.join(dir, f));
    return `${f} ${st.size} ${st.mtimeMs}`;
  });
}

/** Where, in the entry's texts, the prompt of the first card the report lists as weakest starts. */
function shownPrompt(text: string, bytes: Buffer): { n: string; at: number } {
  const weakest = text.slice(text.indexOf('Weakest'));
  const n = /Question (\d+):/.exec(weakest)![1]!;
  const at = bytes.indexOf(`"Question ${n}:`, parts(bytes).textsAt) + 1;
  expect(at).toBeGreaterThan(parts(bytes).textsAt);
  return { n, at };
}

describe('prep stats from the deck cache, reading only the texts it shows', () => {
  const saved = process.env.PREP_HOME;
  let home: TempHome;
  // Now, to the minute, and the log ending an hour before it.
  const now = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  /** The report made from the YAML deck, with no cache entry at all. */
  let fresh: { text: string; json: string };

  beforeEach(async () => {
    home = makeTempHome('prep-stats-cache-');
    // 400 cards of about 1 KB: the texts fill seven chunks.
    writeDeck(home.dir, DECK, 400);
    writeLog(home.dir, DECK, 400, 3000, now.getTime() - 3_600_000);
    await drillStart(home.dir);
    fs.rmSync(path.join(home.dir, 'cache'), { recursive: true });
    fresh = await report(home.dir, now);
    // Only looking: no cache entry made.
    expect(fs.existsSync(path.join(home.dir, 'cache'))).toBe(false);
    await drillStart(home.dir);
  });
  afterEach(() => {
    home.cleanup();
    process.env.PREP_HOME = saved;
  });

  it('prints the same text and JSON as a load of the YAML deck, and its texts come from the cache', async () => {
    expect(fresh.text).toContain('Weakest');
    expect(await report(home.dir, now)).toEqual(fresh);
    // Proof that stats reads the cache's texts: an entry edited and sealed again is believed.
    const bytes = fs.readFileSync(entryOf(home.dir));
    expect(parts(bytes).head).toMatch(/^prep-deck-cache 6 /);
    const { n, at } = shownPrompt(fresh.text, bytes);
    fs.writeFileSync(entryOf(home.dir), edited(bytes, at, 'X', true));
    expect((await report(home.dir, now)).text).toContain(`Xuestion ${n}:`);
  });

  it('a damaged byte in the chunk of a text it shows: that text is not shown, the report is the YAML deck\'s, nothing is written', async () => {
    const entry = entryOf(home.dir);
    const bytes = fs.readFileSync(entry);
    const { n, at } = shownPrompt(fresh.text, bytes);
    const damaged = edited(bytes, at, 'X', false);
    fs.writeFileSync(entry, damaged);
    const before = filesOf(home.dir);
    const r = await report(home.dir, now);
    expect(r.text).not.toContain(`Xuestion ${n}`);
    expect(r).toEqual(fresh);
    expect(filesOf(home.dir)).toEqual(before);
    expect(fs.readFileSync(entry).equals(damaged)).toBe(true);
  });

  it('an entry of the old format is ignored and left as it is by stats, and rebuilt by a drill start', async () => {
    const entry = entryOf(home.dir);
    const good = fs.readFileSync(entry);
    const { n, at } = shownPrompt(fresh.text, good);
    // The last format, right in itself (one checksum for all the texts), with a prompt changed.
    const changed = edited(good, at, 'X', false);
    const { index, textsAt } = parts(changed);
    const { texts: _check, ...v3 } = index;
    const body = Buffer.from(JSON.stringify(v3));
    const texts = changed.subarray(textsAt);
    const old = Buffer.concat([Buffer.from(`prep-deck-cache 3 ${sha(body)} ${sha(texts)} ${body.length}\n`), body, Buffer.from('\n'), texts]);
    fs.writeFileSync(entry, old);

    const r = await report(home.dir, now);
    expect(r.text).not.toContain(`Xuestion ${n}`);
    expect(r).toEqual(fresh);
    expect(fs.readFileSync(entry).equals(old)).toBe(true);

    await drillStart(home.dir);
    expect(parts(fs.readFileSync(entry)).head).toMatch(/^prep-deck-cache 6 /);
    expect(fs.readFileSync(entry).equals(good)).toBe(true);
    expect(await report(home.dir, now)).toEqual(fresh);
  });
});
