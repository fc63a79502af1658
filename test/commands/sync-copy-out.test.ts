import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openGit } from '../../src/commands/git.js';
import { openMirror } from '../../src/commands/sync-mirror.js';
import { committedBlobs, isCommitted } from '../../src/commands/sync-undo.js';
import { resolvePaths } from '../../src/core/store/paths.js';
import { HAS_GIT, isolatedEnv } from '../helpers/sync-machines.js';
import { useTempHome } from '../helpers/temp-home.js';

// What sync copies out of its repository into the user's config folder (without PREP_HOME) is
// only what the repository committed: a file git left cut by a merge it never finished must not
// replace the user's good one.

const home = useTempHome('prep-copy-out-');

describe.skipIf(!HAS_GIT)('the files sync copies out (real git)', () => {
  it('a file is committed only with exactly the bytes HEAD holds, as git itself counts them', async () => {
    const { dir } = home();
    const env = isolatedEnv(dir);
    const repo = path.join(dir, 'repo');
    fs.mkdirSync(path.join(repo, 'decks'), { recursive: true });
    const text = 'title: Five\nquestions: []\nÄ é\n';
    fs.writeFileSync(path.join(repo, 'decks', 'five.yaml'), text);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env, encoding: 'utf8' });
    git('init', '--quiet');
    git('add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '--quiet', '-m', 'x');
    const blobs = await committedBlobs({ dir: repo, git: openGit(repo, env), author: [] });
    expect(blobs.get('decks/five.yaml')).toBe(git('hash-object', 'decks/five.yaml').trim());
    expect(isCommitted(blobs, 'decks/five.yaml', Buffer.from(text))).toBe(true);
    // Cut (as git leaves a file when the disk fills up), or changed: not what was committed.
    expect(isCommitted(blobs, 'decks/five.yaml', Buffer.from(text).subarray(0, 20))).toBe(false);
    expect(isCommitted(blobs, 'decks/five.yaml', Buffer.from(`${text} `))).toBe(false);
    expect(isCommitted(blobs, 'decks/other.yaml', Buffer.from(text))).toBe(false);
  });
});

describe('copying out of the repository', () => {
  it("leaves the user's deck alone when the repository's copy is not what was committed, and copies it when it is", () => {
    const { dir } = home();
    const paths = resolvePaths({ XDG_CONFIG_HOME: path.join(dir, 'config'), XDG_DATA_HOME: path.join(dir, 'data'), XDG_CACHE_HOME: path.join(dir, 'cache') }, dir);
    const gitDir = path.join(paths.dataDir, '.git');
    fs.mkdirSync(gitDir, { recursive: true });
    fs.mkdirSync(paths.decksDir, { recursive: true });
    fs.mkdirSync(path.join(paths.dataDir, 'decks'), { recursive: true });
    const mine = path.join(paths.decksDir, 'five.yaml');
    const theirs = path.join(paths.dataDir, 'decks', 'five.yaml');
    fs.writeFileSync(mine, 'title: Five\nquestions: []\n');
    const mirror = openMirror(paths, gitDir)!;
    mirror.copyIn();
    expect(fs.readFileSync(theirs, 'utf8')).toBe('title: Five\nquestions: []\n');
    // The merge brought a new version; git was cut off writing it.
    fs.writeFileSync(theirs, 'title: Five, new\nquest');
    mirror.copyOut(() => false);
    expect(fs.readFileSync(mine, 'utf8')).toBe('title: Five\nquestions: []\n');
    // Held back, it does not count as changed by the user either: the next copy-in leaves the repository's.
    mirror.copyIn();
    expect(fs.readFileSync(theirs, 'utf8')).toBe('title: Five, new\nquest');
    // Finished and committed: it goes out, whole, with no temp file left beside it.
    fs.writeFileSync(theirs, 'title: Five, new\nquestions: []\n');
    mirror.copyOut(() => true);
    expect(fs.readFileSync(mine, 'utf8')).toBe('title: Five, new\nquestions: []\n');
    expect(fs.readdirSync(paths.decksDir)).toEqual(['five.yaml']);
  });
});
