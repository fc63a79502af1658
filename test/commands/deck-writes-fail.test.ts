import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/commands/user-error.js';
import { importDeck } from '../../src/commands/import.js';
import { newDeck } from '../../src/commands/new.js';
import { useTempHome } from '../helpers/temp-home.js';
import { captureIO } from '../helpers/capture-io.js';
import { PREP } from '../helpers/run-cli.js';

const home = useTempHome('prep-writes-');
const SHEET = fileURLToPath(new URL('../fixtures/import/bullets.md', import.meta.url));
// Permission bits do not stop root: run as root, the permission case drops to nobody (util-linux setpriv).
const asRoot = process.getuid?.() === 0;
const NOBODY = 65534;
const canDropRoot = !asRoot || spawnSync('setpriv', ['--version']).status === 0;

/** The built prep, as an unprivileged user when this runs as root, so permissions bind. */
function prepAsUser(args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  const user = asRoot ? ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups'] : [];
  const argv = [...user, process.execPath, PREP, ...args];
  return spawnSync(argv[0]!, argv.slice(1), { cwd, env, encoding: 'utf8', timeout: 30_000 });
}

async function failure(run: () => Promise<number>): Promise<UserError> {
  try {
    await run();
  } catch (err) {
    if (err instanceof UserError) return err;
    throw err;
  }
  throw new Error('expected a UserError');
}

describe('new and import when the deck cannot be written', () => {
  it('new: a decks "folder" that is a file is named in words (no raw ENOTDIR); after fixing it, new works', async () => {
    const { dir } = home();
    fs.writeFileSync(join(dir, 'decks'), 'not a folder');
    const err = await failure(() => newDeck('acme', captureIO(dir)));
    expect(err.message).toMatch(/^cannot create the folder decks: a file with that name is in the way\. Nothing was written\.$/);
    expect(err.message).not.toMatch(/ENOTDIR|EEXIST/);
    fs.rmSync(join(dir, 'decks'));
    expect(await newDeck('acme', captureIO(dir))).toBe(0);
    expect(fs.readdirSync(join(dir, 'decks'))).toEqual(['acme.yaml']);
  });

  it('import --out /dev/full: refused as an existing file, and with --force as not a regular file; /dev/full stays a device', async () => {
    const { dir } = home();
    const plain = await failure(() => importDeck(SHEET, { out: '/dev/full' }, captureIO(dir)));
    expect(plain.message).toMatch(/^\/dev\/full already exists: use --force/);
    const forced = await failure(() => importDeck(SHEET, { out: '/dev/full', force: true }, captureIO(dir)));
    expect(forced.message).toBe('/dev/full is not a regular file (a device or a pipe?): prep will not replace it. Nothing was written.');
    expect(fs.statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it.skipIf(!canDropRoot)('import --out into a read-only folder: permission denied, in words, nothing left; a retry after chmod works', () => {
    const { dir } = home();
    // The user prep runs as must reach the folder and own its data folder.
    fs.chmodSync(dir, 0o755);
    const data = join(dir, 'data');
    fs.mkdirSync(data);
    const ro = join(dir, 'ro');
    fs.mkdirSync(ro, { mode: 0o555 });
    if (asRoot) for (const d of [data, ro]) fs.chownSync(d, NOBODY, NOBODY);
    const env = { ...process.env, PREP_HOME: data };
    const r = prepAsUser(['import', SHEET, '--out', 'ro/x.yaml'], dir, env);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toBe('prep: cannot write ro/x.yaml: permission denied. Nothing was written.\n');
    expect(fs.readdirSync(ro)).toEqual([]);
    fs.chmodSync(ro, 0o755);
    const retry = prepAsUser(['import', SHEET, '--out', 'ro/x.yaml'], dir, env);
    expect(retry.status, retry.stderr).toBe(0);
    expect(fs.readdirSync(ro)).toEqual(['x.yaml']);
  });

  it('import --out through a file is named in words; a retry to a real folder works', async () => {
    const { dir } = home();
    fs.writeFileSync(join(dir, 'f'), '');
    const err = await failure(() => importDeck(SHEET, { out: join(dir, 'f', 'x.yaml') }, captureIO(dir)));
    expect(err.message).toBe('cannot write f/x.yaml: a part of the path is a file, not a folder. Nothing was written.');
    expect(await importDeck(SHEET, { out: join(dir, 'x.yaml') }, captureIO(dir))).toBe(0);
  });
});
