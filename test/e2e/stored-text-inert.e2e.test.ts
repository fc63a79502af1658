import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { snapshotDigest } from '../../src/core/schedule/snapshot.js';
import type { ReplaySnapshot } from '../../src/core/store/snapshot-store.js';
import { gradeRecord, PLAIN_DECK, putDeck, putLog } from '../helpers/e2e-home.js';
import { Pty } from '../helpers/pty.js';
import { PREP, runCli } from '../helpers/run-cli.js';
import { useTempHome } from '../helpers/temp-home.js';
import { unsafeSequences } from '../helpers/terminal-scan.js';

// Logs are what people copy between machines: a typed answer in one may hold anything.
const home = useTempHome('prep-stored-');
let pty: Pty | undefined;
afterEach(async () => {
  await pty?.dispose();
  pty = undefined;
});

describe('text from a log reaches the terminal inert', () => {
  it('a logged typed answer with OSC 52 (clipboard) and OSC 0 (title) is shown as symbols, and no sequence is written', async () => {
    const { dir } = home();
    putDeck(dir, 'plain', PLAIN_DECK);
    const grade = { ...gradeRecord('plain', 'alpha', 1, new Date(Date.now() - 2 * 86_400_000)), typed: 'mine \x1b]52;c;ZWNobyBwd25lZA==\x07 and \x1b]0;owned\x07 end' };
    putLog(dir, 'plain', [grade]);
    pty = new Pty(['node', PREP, 'drill', 'plain'], { env: { ...process.env, PREP_HOME: dir }, cols: 120, rows: 40 });
    await pty.waitFor('Alpha question?');
    pty.write(' ');
    const screen = await pty.waitFor('␛]52;c;ZWNobyBwd25lZA==␇');
    expect(screen).toContain('mine ␛]52;c;ZWNobyBwd25lZA==␇ and ␛]0;owned␇ end');
    pty.write('\x03');
    await pty.exited;
    expect(unsafeSequences(pty.raw)).toEqual([]);
  });

  it('a typed answer in a snapshot edited by hand and sealed again (its digest recomputed) is shown as symbols too', async () => {
    const { dir } = home();
    putDeck(dir, 'plain', PLAIN_DECK);
    const graded = { ...gradeRecord('plain', 'alpha', 1, new Date(Date.now() - 2 * 86_400_000)), typed: 'mine CLEAN end' };
    putLog(dir, 'plain', [graded]);
    const env = { ...process.env, PREP_HOME: dir };
    // A first start saves the snapshot.
    pty = new Pty(['node', PREP, 'drill', 'plain'], { env });
    await pty.waitFor('Alpha question?');
    pty.write('q');
    await pty.exited;
    await pty.dispose();
    // The digest is a checksum anyone can compute, not a seal: a snapshot from elsewhere can carry anything.
    const file = path.join(dir, 'snapshots', 'plain.json');
    const { snapshot } = JSON.parse(fs.readFileSync(file, 'utf8')) as { snapshot: ReplaySnapshot };
    const marks = Buffer.from(snapshot.marks, 'base64').toString('utf8');
    expect(marks).toContain('CLEAN');
    const edited = { ...snapshot, marks: Buffer.from(marks.replace('CLEAN', '\\u001b]0;owned\\u0007'), 'utf8').toString('base64') };
    fs.writeFileSync(file, JSON.stringify({ snapshot: { ...edited, digest: snapshotDigest(edited) } }));

    pty = new Pty(['node', PREP, 'drill', 'plain', '--all'], { env, cols: 120, rows: 40 });
    await pty.waitFor('Alpha question?');
    pty.write(' ');
    expect(await pty.waitFor('Last time you wrote')).toContain('mine ␛]0;owned␇ end');
    pty.write('\x03');
    await pty.exited;
    expect(unsafeSequences(pty.raw)).toEqual([]);
  });

  it('prep mock --last names a card id from the log that the deck no longer has as symbols, never as a sequence', async () => {
    const { dir } = home();
    putDeck(dir, 'plain', PLAIN_DECK);
    const mock = { v: 1, type: 'mock', id: 'm1', deck: 'plain', at: new Date(Date.now() - 86_400_000).toISOString(), ms: 60_000, scheduled: false, items: [{ card: 'gone\x1b]0;owned\x07', kind: 'question', ms: 1000, target: 90_000, skipped: false, grade: 3 }] };
    fs.mkdirSync(path.join(dir, 'logs'));
    fs.writeFileSync(path.join(dir, 'logs', 'plain.jsonl'), `${JSON.stringify(mock)}\n`);
    const r = await runCli(['mock', 'plain', '--last'], { env: { ...process.env, PREP_HOME: dir } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(card gone␛]0;owned␇');
    expect(unsafeSequences(r.stdout + r.stderr)).toEqual([]);
  });
});
