import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gradeRecord, logFile, PLAIN_DECK, putDeck, putLog, readLogLines } from '../helpers/e2e-home.js';
import { Pty } from '../helpers/pty.js';
import { PREP, STACK_TRACE } from '../helpers/run-cli.js';
import { useTempHome } from '../helpers/temp-home.js';

// prep started over damaged storage, in a real terminal: a clear message, the drill still
// usable, a grade never shown as saved when it was not, and nothing overwritten or wiped.

const home = useTempHome('prep-damaged-');
let pty: Pty | undefined;
afterEach(async () => {
  await pty?.dispose();
  pty = undefined;
});

const HOUR = 3_600_000;

function start(args: string[], env: NodeJS.ProcessEnv = { ...process.env, PREP_HOME: home().dir }): Pty {
  pty = new Pty(['node', PREP, ...args], { env, rows: 30, cwd: home().dir });
  return pty;
}

/** Alpha and Beta graded Easy an hour ago: only Gamma is due. */
function twoGraded(dir: string): string {
  putDeck(dir, 'plain', PLAIN_DECK);
  return putLog(dir, 'plain', [gradeRecord('plain', 'alpha', 4, new Date(Date.now() - HOUR)), gradeRecord('plain', 'beta', 4, new Date(Date.now() - HOUR))]);
}

describe('damaged storage, met by prep drill', () => {
  it('a torn last line: a warning naming where its bytes went, the grades before it kept, the next grade on a clean line', async () => {
    const { dir } = home();
    const file = twoGraded(dir);
    fs.appendFileSync(file, '{"v":1,"type":"grade","id":"cut","card":"gam');
    const old = new Date(Date.now() - HOUR);
    fs.utimesSync(file, old, old);

    const p = start(['drill', 'plain']);
    const screen = await p.waitFor('Gamma question?');
    expect(screen).toMatch(/Question[\s━─]+1 left/);
    expect(p.raw).toMatch(/the last line was cut off \(prep was probably stopped while saving\); it was skipped and saved to .*plain\.jsonl\.torn-/);
    p.write(' ');
    await p.waitFor('Gamma answer.');
    p.write('4');
    await p.waitFor('Reviewed 1 card');
    expect((await p.exited).code).toBe(0);
    expect(readLogLines(dir, 'plain').map((r) => (r.type === 'grade' ? r.card : r.type))).toEqual(['alpha', 'beta', 'gamma']);
    const torn = fs.readdirSync(path.dirname(file)).filter((f) => f.includes('.torn-'));
    expect(torn.map((f) => fs.readFileSync(path.join(path.dirname(file), f), 'utf8'))).toEqual(['{"v":1,"type":"grade","id":"cut","card":"gam']);
  });

  it('a log that is not JSON: moved aside with a message, its bytes intact, and the drill starts afresh', async () => {
    const { dir } = home();
    putDeck(dir, 'plain', PLAIN_DECK);
    const garbage = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x0a, 0x13, 0x37]);
    fs.mkdirSync(path.join(dir, 'logs'));
    fs.writeFileSync(logFile(dir, 'plain'), garbage);

    const p = start(['drill', 'plain']);
    await p.waitFor('Alpha question?');
    expect(p.raw).toMatch(/plain\.jsonl could not be read as a review log; it was moved to .*plain\.jsonl\.unreadable-\S+ and a new log was started/);
    p.write('q');
    expect((await p.exited).code).toBe(0);
    const aside = fs.readdirSync(path.join(dir, 'logs')).filter((f) => f.includes('.unreadable-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, 'logs', aside[0]!))).toEqual(garbage);
  });

  it('a corrupt snapshot: ignored, the schedule rebuilt from the log, the snapshot written anew', async () => {
    const { dir } = home();
    twoGraded(dir);
    fs.mkdirSync(path.join(dir, 'snapshots'));
    fs.writeFileSync(path.join(dir, 'snapshots', 'plain.json'), '{"snapshot": {"v": 1, "cards": {"alpha": ');

    const p = start(['drill', 'plain']);
    expect(await p.waitFor('Gamma question?')).toMatch(/Question[\s━─]+1 left/);
    p.write('q');
    expect((await p.exited).code).toBe(0);
    // The new snapshot covers the whole log: its two lines, up to its last byte.
    const snap = JSON.parse(fs.readFileSync(path.join(dir, 'snapshots', 'plain.json'), 'utf8')) as { snapshot: { v: number; at: { offset: number; lines: number } } };
    expect(snap.snapshot).toMatchObject({ v: 4, at: { lines: 2, offset: fs.statSync(path.join(dir, 'logs', 'plain.jsonl')).size } });
  });

  it('a store folder that cannot be created (its parent is a file): one sentence, exit 1, nothing touched', async () => {
    const { dir } = home();
    const deck = putDeck(dir, 'plain', PLAIN_DECK);
    fs.writeFileSync(path.join(dir, 'blocker'), 'mine');
    const p = start(['drill', deck], { ...process.env, PREP_HOME: path.join(dir, 'blocker', 'prep') });
    expect((await p.exited).code).toBe(1);
    expect(p.raw).toMatch(/^prep: cannot create the folder .*blocker\/prep: a part of the path is a file, not a folder\r?$/m);
    expect(p.raw).not.toMatch(STACK_TRACE);
    expect(fs.readFileSync(path.join(dir, 'blocker'), 'utf8')).toBe('mine');
  });

  it('a disk that fills up mid-session: "Grade not saved", still on the card; once there is room the same key saves it', async () => {
    const { dir } = home();
    putDeck(dir, 'plain', PLAIN_DECK);
    const p = start(['drill', 'plain']);
    await p.waitFor('Alpha question?');
    p.write(' ');
    await p.waitFor('Alpha answer.');
    // The log's place now leads to /dev/full: every write fails with ENOSPC.
    const file = logFile(dir, 'plain');
    fs.symlinkSync('/dev/full', file);
    p.write('4');
    const screen = await p.waitFor('Grade not saved');
    expect(screen.replace(/\s*\n\s*/g, ' ')).toContain(`Grade not saved: could not save to ${file}: no space left on device`);
    expect(screen).toContain('Alpha answer.');
    expect(screen).toMatch(/Question[\s━─]+3 left/);

    fs.rmSync(file);
    p.write('4');
    await p.waitFor('Beta question?');
    expect(await p.screen()).not.toContain('not saved');
    p.write('q');
    await p.waitFor('Reviewed 1 card');
    expect((await p.exited).code).toBe(0);
    expect(readLogLines(dir, 'plain').map((r) => (r.type === 'grade' ? r.card : r.type))).toEqual(['alpha']);
  });
});

describe('a clock gone backwards between sessions', () => {
  it('opens on a log whose last grades lie in the future, shows no negative wait, and saves the next grade', async () => {
    const { dir } = home();
    putDeck(dir, 'plain', PLAIN_DECK);
    const ahead = (days: number) => new Date(Date.now() + days * 24 * HOUR);
    putLog(dir, 'plain', [gradeRecord('plain', 'alpha', 3, ahead(2)), gradeRecord('plain', 'alpha', 3, ahead(5)), gradeRecord('plain', 'beta', 1, ahead(1))]);

    const p = start(['drill', 'plain', '--all']);
    // Weakest first: Beta, forgotten "tomorrow".
    await p.waitFor('Beta question?');
    p.write(' ');
    const screen = await p.waitFor(/1 Again/);
    const waits = [...screen.matchAll(/· (-?[\d.]+)(?:s|m|h|d|mo|y)\b/g)].map((m) => Number(m[1]));
    expect(waits).toHaveLength(4);
    expect(waits.every((w) => w >= 0)).toBe(true);
    expect(screen).not.toMatch(/NaN|Invalid/);
    p.write('3');
    await p.waitFor(/(Alpha|Gamma) question\?/);
    p.write('q');
    expect((await p.exited).code).toBe(0);
    expect(readLogLines(dir, 'plain')).toHaveLength(4);
  });
});
