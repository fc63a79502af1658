import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renameDeck } from '../../src/commands/rename.js';
import { captureIO } from '../helpers/capture-io.js';
import { logFile, PLAIN_DECK, putDeck, putLog } from '../helpers/e2e-home.js';
import { useTempHome } from '../helpers/temp-home.js';

const home = useTempHome('prep-rename-');

afterEach(() => {
  vi.restoreAllMocks();
});

describe('prep rename when a step fails', () => {
  it('puts back the log, the snapshot and the interview date, and says nothing changed', async () => {
    const dir = home().dir;
    putDeck(dir, 'acme', PLAIN_DECK);
    const log = fs.readFileSync(putLog(dir, 'acme', [{ v: 1, type: 'grade', id: 'g1', deck: 'acme', card: 'alpha', grade: 3, at: '2026-11-20T10:00:00.000Z' }]));
    fs.mkdirSync(path.join(dir, 'snapshots'));
    fs.writeFileSync(path.join(dir, 'snapshots', 'acme.json'), '{}');
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ interviews: { acme: '2099-12-03' } }));

    // The deck file cannot be moved (a full disk, a read-only folder): by then the log and the
    // snapshot are already under the new name.
    const link = fs.linkSync;
    vi.spyOn(fs, 'linkSync').mockImplementation((from, to) => {
      if (String(to).endsWith(path.join('decks', 'globex.yaml'))) throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
      link(from, to);
    });
    const io = captureIO(dir);
    await expect(renameDeck('acme', 'globex', io)).rejects.toThrow('could not rename "acme" to "globex", nothing was changed: the file system is read-only');

    expect(fs.readdirSync(path.join(dir, 'decks'))).toEqual(['acme.yaml']);
    expect(fs.readdirSync(path.join(dir, 'logs'))).toEqual(['acme.jsonl']);
    expect(fs.readFileSync(logFile(dir, 'acme'))).toEqual(log);
    expect(fs.readdirSync(path.join(dir, 'snapshots'))).toEqual(['acme.json']);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8')).interviews).toEqual({ acme: '2099-12-03' });
    expect(io.stdout).toEqual([]);
  });
});
