import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { interview } from '../../src/commands/interview.js';
import { mock } from '../../src/commands/mock.js';
import { pitchHistory } from '../../src/commands/pitch-history.js';
import { captureIO } from '../helpers/capture-io.js';
import { edited, entryOf, parts } from '../helpers/deck-entry.js';
import { drillStart } from '../helpers/stats-home.js';
import { makeTempHome, type TempHome } from '../helpers/temp-home.js';

// The benchmark's generator, plain JavaScript (no types of its own).
const { writeDeck, writeLog } = (await import(new URL('../../bench/generate.mjs', import.meta.url).href)) as {
  writeDeck: (home: string, name: string, cards: number) => void;
  writeLog: (home: string, name: string, cards: number, reviews: number, now?: number) => void;
};

// `prep pitch --history`, `prep interview` (no date) and `prep mock --last` only look, as `prep
// stats` does: from the deck cache they read the index and the texts of the cards they show, each
// checked with its 16 KB chunk (pitch history and the interview date show none), never all the
// texts (10 MB at 10,000 cards). Whatever they read, they print what a load of the YAML deck
// prints; a damaged text is never shown (the report is made from the deck's file) and nothing is written.

const DECK = 'gen';
const CARDS = 1200;
const NOW = new Date(Math.floor(Date.now() / 60_000) * 60_000);
const CHUNK = 64 * 1024;
/** The cards the last rehearsal went through: the pitch and three questions far apart in the deck. */
const SHOWN = ['pitch', 'card-7', 'card-600', 'card-1150'];

function setUpHome(dir: string): void {
  writeDeck(dir, DECK, CARDS);
  const file = path.join(dir, 'decks', `${DECK}.yaml`);
  const yaml = fs.readFileSync(file, 'utf8').replace(
    /^(title: .*\n)/,
    '$1interview: "2026-12-10T14:00"\npitch:\n  script: I build tools for people who live in the terminal.\n  points: [What I do, Proof, Why you]\n  seconds: 45\n',
  );
  fs.writeFileSync(file, yaml);
  writeLog(dir, DECK, CARDS, 2000, NOW.getTime() - 3_600_000);
  const at = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();
  const pitch = (id: string, ms: number, h: number) => ({ v: 1, type: 'pitch', id, deck: DECK, ms, beats: [0, 2], beatsTotal: 3, at: at(h) });
  const item = (card: string, ms: number, grade: number) => ({ card, kind: card === 'pitch' ? 'pitch' : 'question', ms, target: card === 'pitch' ? 45 : 60, skipped: false, grade });
  const rehearsal = { v: 1, type: 'mock', id: 'm1', deck: DECK, at: at(2), ms: 300_000, scheduled: false, items: SHOWN.map((c, i) => item(c, 30_000 + i * 9_000, 1 + (i % 4))) };
  const lines = [pitch('p1', 41_000, 30), pitch('p2', 52_500, 20), rehearsal].map((r) => JSON.stringify(r));
  fs.appendFileSync(path.join(dir, 'logs', `${DECK}.jsonl`), `${lines.join('\n')}\n`);
}

interface Outputs {
  history: string;
  historyJson: string;
  interview: string;
  last: string;
}

/** What the three commands print for the home, with the bytes each read from the deck cache entry. */
async function outputs(dir: string): Promise<{ out: Outputs; read: Record<keyof Outputs, number> }> {
  process.env.PREP_HOME = dir;
  const fds = new Map<number, string>();
  let read = 0;
  const realOpen = fs.openSync;
  const realRead = fs.readSync;
  const spyOpen = vi.spyOn(fs, 'openSync').mockImplementation((...args: Parameters<typeof fs.openSync>) => {
    const fd = realOpen(...args);
    fds.set(fd, String(args[0]));
    return fd;
  });
  const spyRead = vi.spyOn(fs, 'readSync').mockImplementation(((fd: number, ...rest: unknown[]) => {
    const n = (realRead as (...a: unknown[]) => number)(fd, ...rest);
    if (fds.get(fd)?.endsWith('.deck')) read += n;
    return n;
  }) as typeof fs.readSync);
  const stdout: string[] = [];
  const spyOut = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (stdout.push(String(s)), true));
  const counts = {} as Record<keyof Outputs, number>;
  const run = async (name: keyof Outputs, go: () => Promise<string>): Promise<string> => {
    read = 0;
    const text = await go();
    counts[name] = read;
    return text;
  };
  try {
    const io = () => captureIO(dir);
    const lines = async (call: (io: ReturnType<typeof captureIO>) => Promise<number>) => {
      const c = io();
      expect(await call(c)).toBe(0);
      return c.stdout.join('\n');
    };
    const out: Outputs = {
      history: await run('history', () => lines((c) => pitchHistory(DECK, {}, c))),
      historyJson: await run('historyJson', () => lines((c) => pitchHistory(DECK, { json: true }, c))),
      interview: await run('interview', () => lines((c) => interview(DECK, undefined, {}, c, NOW))),
      last: await run('last', async () => {
        expect(await mock(DECK, { last: true })).toBe(0);
        return stdout.splice(0).join('');
      }),
    };
    return { out, read: counts };
  } finally {
    spyOut.mockRestore();
    spyRead.mockRestore();
    spyOpen.mockRestore();
  }
}

/** Every file under the home with its size and change time: what a command that writes nothing leaves as it was. */
function filesOf(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => {
    const st = fs.statSync(path.join(dir, f));
    return `${f} ${st.size} ${st.mtimeMs}`;
  });
}

describe('pitch --history, interview and mock --last from the deck cache', () => {
  const saved = process.env.PREP_HOME;
  let home: TempHome;
  /** What they print from the YAML deck, with no cache entry at all. */
  let fresh: Outputs;

  beforeEach(async () => {
    home = makeTempHome('prep-report-cache-');
    setUpHome(home.dir);
    fresh = (await outputs(home.dir)).out;
    // Only looking: no cache entry made.
    expect(fs.existsSync(path.join(home.dir, 'cache'))).toBe(false);
    await drillStart(home.dir, DECK);
  });
  afterEach(() => {
    home.cleanup();
    process.env.PREP_HOME = saved;
  });

  it('print what a load of the YAML deck prints, reading from the cache only the texts they show', async () => {
    expect(fresh.history).toContain('2 pitch attempts of Generated deck of 1200 cards, target 45 s');
    expect(fresh.interview).toMatch(/^gen: interview \S+ 10 Dec 2026 14:00/);
    for (const n of [7, 600, 1150]) expect(fresh.last).toContain(`Question ${n}:`);
    const bytes = fs.readFileSync(entryOf(home.dir));
    const { textsAt } = parts(bytes);
    const texts = bytes.length - textsAt;
    expect(texts).toBeGreaterThan(16 * CHUNK);

    const { out, read } = await outputs(home.dir);
    expect(out).toEqual(fresh);
    // The index only: the format line (its first 100 bytes are read once more, to find the index's
    // length) and the index itself.
    const indexRead = textsAt + 100;
    for (const name of ['history', 'historyJson', 'interview'] as const) expect(read[name], name).toBeLessThanOrEqual(indexRead);
    // The index and the chunks of the four cards' texts (a text may span two), not the other 1,196 cards'.
    expect(read.last).toBeGreaterThan(indexRead);
    expect(read.last - indexRead).toBeLessThanOrEqual(SHOWN.length * 2 * CHUNK);
  });

  it("mock --last shows the cache's texts: an entry edited and sealed again is believed", async () => {
    const bytes = fs.readFileSync(entryOf(home.dir));
    const at = bytes.indexOf('"Question 600:', parts(bytes).textsAt) + 1;
    fs.writeFileSync(entryOf(home.dir), edited(bytes, at, 'X', true));
    expect((await outputs(home.dir)).out.last).toContain('Xuestion 600:');
  });

  it("a damaged byte in the chunk of a text shown: never shown, the output is the YAML deck's, nothing is written", async () => {
    const entry = entryOf(home.dir);
    const bytes = fs.readFileSync(entry);
    const at = bytes.indexOf('"Question 600:', parts(bytes).textsAt) + 1;
    const damaged = edited(bytes, at, 'X', false);
    fs.writeFileSync(entry, damaged);
    const before = filesOf(home.dir);
    const { out } = await outputs(home.dir);
    expect(out.last).not.toContain('Xuestion');
    expect(out).toEqual(fresh);
    expect(filesOf(home.dir)).toEqual(before);
    expect(fs.readFileSync(entry).equals(damaged)).toBe(true);
  });
});
