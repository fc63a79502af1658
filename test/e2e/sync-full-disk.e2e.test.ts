import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeRecord, logFile } from '../helpers/e2e-home.js';
import { PREP, STACK_TRACE } from '../helpers/run-cli.js';
import { HAS_GIT, schedules, syncOk, useSyncWorld, type Machine } from '../helpers/sync-machines.js';

// A disk that fills up while `prep sync` brings in the other machine's changes, without root:
// a file-size limit (ulimit -f 200, about 100 KB, with SIGXFSZ ignored as a shell can) stops git
// as it writes a file of the work tree past the limit, the way a full disk stops it. Git writes
// those files in place, and the work tree is the data folder (the logs, and with PREP_HOME the
// decks and settings too; without it the decks and settings are copied out of it).

const world = useSyncWorld();

/** `prep sync` with files limited to about 100 KB; ends within 60 s or is killed. */
function syncLimited(m: Machine): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', 'trap "" XFSZ; ulimit -f 200 && exec "$0" "$@"', process.execPath, PREP, 'sync'], { env: m.env, cwd: m.home });
    let [stdout, stderr] = ['', ''];
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Every file the user has on a machine (decks, settings, logs, snapshots...) and its bytes' hash; not git's own. */
function userFiles(m: Machine): Record<string, string> {
  // Without PREP_HOME: the machine's folder, holding its config, data and cache folders.
  const root = m.configHome === m.home ? m.home : path.resolve(m.home, '..', '..');
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name);
      if (name === '.git') continue;
      if (fs.statSync(file).isDirectory()) walk(file);
      else out[path.relative(root, file)] = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    }
  };
  walk(root);
  return out;
}

/** The deck five with `n` questions (about 100 bytes each). */
function bigDeck(n: number): string {
  return `title: Five\nquestions:\n${Array.from({ length: n }, (_, i) => `  - id: q${i + 1}\n    question: Question ${i + 1}, asked at some length?\n    answer: Answer ${i + 1}.\n`).join('')}`;
}

const day = (d: number) => new Date(Date.UTC(2026, 0, d, 9));

for (const xdg of [false, true]) {
  const layout = xdg ? 'XDG folders (no PREP_HOME)' : 'one PREP_HOME';
  describe.skipIf(!HAS_GIT)(`prep sync on a disk that fills up, ${layout} (real git)`, { timeout: 120_000 }, () => {
    it.each([
      ['a 300 KB deck, B with nothing new (a fast-forward)', 'deck'],
      ['a 150 KB log, B with a grade of its own (a merge)', 'log'],
    ] as const)('the other machine brings %s: B keeps every file byte for byte, says why in one line; with room the next sync agrees', async (_, what) => {
      const { a, b } = await world().twoMachines({ xdg });
      fs.writeFileSync(path.join(b.configHome, 'settings.json'), '{\n\t"newPerDay": 7\n}\n');
      b.grade('q1', 3, day(5));
      await syncOk(b);
      await syncOk(a);
      // A: the big file, and a setting changed.
      if (what === 'deck') fs.writeFileSync(path.join(a.configHome, 'decks', 'five.yaml'), bigDeck(3000));
      else fs.appendFileSync(logFile(a.home, 'five'), Array.from({ length: 1500 }, (_, i) => `${JSON.stringify(gradeRecord('five', `q${(i % 5) + 1}`, 3, new Date(day(6).getTime() + i * 60_000)))}\n`).join(''));
      fs.writeFileSync(path.join(a.configHome, 'settings.json'), '{\n\t"newPerDay": 7,\n\t"retention": 0.85\n}\n');
      await syncOk(a);
      if (what === 'log') b.grade('q2', 4, day(7));
      const before = userFiles(b);

      const r = await syncLimited(b);
      expect(r.stderr).toBe("prep: sync stopped, the other machine's changes could not be written here (a file is too large for the size limit on files); your decks, settings and logs here are as they were; make room on the disk and run prep sync again\n");
      expect(r.stderr).not.toMatch(/Command failed|EFBIG|SIGXFSZ/);
      expect(r.stderr).not.toMatch(STACK_TRACE);
      expect(r.code).toBe(1);
      // Every deck, setting, log and snapshot as it was, and nothing else beside them (no temp file).
      expect(userFiles(b)).toEqual(before);

      // With room, B finishes the job; A takes B's grade; both hold the same.
      expect((await b.prep('sync')).code).toBe(0);
      await syncOk(a);
      await syncOk(b);
      const deckOf = (m: Machine) => fs.readFileSync(path.join(m.configHome, 'decks', 'five.yaml'), 'utf8');
      const fileOf = (m: Machine, f: string) => fs.readFileSync(path.join(f === 'settings.json' ? m.configHome : m.home, f), 'utf8');
      expect(deckOf(b)).toBe(deckOf(a));
      if (what === 'deck') expect(deckOf(b)).toBe(bigDeck(3000));
      expect(fileOf(b, 'logs/five.jsonl')).toBe(fileOf(a, 'logs/five.jsonl'));
      expect(fileOf(b, 'logs/five.jsonl').split('\n').filter(Boolean)).toHaveLength(what === 'log' ? 1502 : 1);
      expect(JSON.parse(fileOf(b, 'settings.json'))).toEqual({ newPerDay: 7, retention: 0.85 });
      expect(schedules(await b.stats())).toEqual(schedules(await a.stats()));
    });
  });
}

/** A deck whose text hardly compresses (hashes for questions): what git fetches is about as big as the file. */
function noisyDeck(n: number): string {
  const noise = (i: number) => createHash('sha256').update(String(i)).digest('base64');
  return `title: Five\nquestions:\n${Array.from({ length: n }, (_, i) => `  - id: q${i + 1}\n    question: ${noise(i)}${noise(-i - 1)}?\n    answer: Answer ${i + 1}.\n`).join('')}`;
}

describe.skipIf(!HAS_GIT)('prep sync whose fetch fills the disk (real git)', { timeout: 120_000 }, () => {
  it('says so in words, not "cannot reach the remote"; nothing changes here; with room the next sync agrees', async () => {
    const { a, b } = await world().twoMachines({ xdg: true });
    fs.writeFileSync(path.join(a.configHome, 'decks', 'five.yaml'), noisyDeck(4000));
    await syncOk(a);
    const before = userFiles(b);
    const r = await syncLimited(b);
    expect(r.stderr).toMatch(/^prep: could not exchange with the sync remote \S+: a file is too large for the size limit on files; everything is saved and committed here, make room on the disk and run prep sync again\n$/);
    expect(r.code).toBe(1);
    expect(userFiles(b)).toEqual(before);
    await syncOk(b);
    expect(fs.readFileSync(path.join(b.configHome, 'decks', 'five.yaml'), 'utf8')).toBe(noisyDeck(4000));
  });
});

/**
 * Runs `prep sync` and kills it and its git (SIGKILL to the group, as a power cut would) while
 * git writes a deck into the work tree: a smudge filter on decks, set in the repository's own
 * config, stops there until the kill.
 */
async function syncKilledWritingDeck(m: Machine): Promise<void> {
  const marker = path.join(m.home, '..', 'writing.reached');
  m.git('config', 'filter.slow.smudge', `sh -c ': > "${marker}"; sleep 60'`);
  fs.writeFileSync(path.join(m.home, '.git', 'info', 'attributes'), 'decks/*.yaml filter=slow\n');
  const child = spawn(process.execPath, [PREP, 'sync'], { env: m.env, cwd: m.home, detached: true, stdio: 'ignore' });
  const closed = new Promise((resolve) => child.on('close', resolve));
  try {
    for (let i = 0; !fs.existsSync(marker); i++) {
      if (i > 600) throw new Error('git never began to write the deck');
      await new Promise((r) => setTimeout(r, 50));
    }
    process.kill(-child.pid!, 'SIGKILL');
    await closed;
  } finally {
    m.git('config', '--unset', 'filter.slow.smudge');
    fs.rmSync(path.join(m.home, '.git', 'info', 'attributes'), { force: true });
    fs.rmSync(marker, { force: true });
  }
}

for (const xdg of [false, true]) {
  const layout = xdg ? 'XDG folders (no PREP_HOME)' : 'one PREP_HOME';
  describe.skipIf(!HAS_GIT)(`prep sync killed while git writes a deck, ${layout} (real git)`, { timeout: 120_000 }, () => {
    it('the next sync puts back what git left half written before it commits anything: no empty deck goes out, both machines agree', async () => {
      const { a, b } = await world().twoMachines({ xdg });
      const deck = (m: Machine) => fs.readFileSync(path.join(m.configHome, 'decks', 'five.yaml'), 'utf8');
      const mine = deck(b);
      fs.writeFileSync(path.join(a.configHome, 'decks', 'five.yaml'), bigDeck(40));
      await syncOk(a);
      await syncKilledWritingDeck(b);
      // Apart from the repository, the deck the user sees is theirs still. (With PREP_HOME it is
      // the file git was writing: missing or cut until the next sync puts it back.)
      if (xdg) expect(deck(b)).toBe(mine);
      await syncOk(b);
      await syncOk(a);
      expect(deck(b)).toBe(bigDeck(40));
      expect(deck(a)).toBe(bigDeck(40));
      // Nothing but the two machines' own commits and merges: no commit of a cut deck.
      expect(b.git('log', '-p', '--format=', '--', 'decks/five.yaml')).not.toMatch(/^-title: Five$/m);
    });
  });
}
