import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, STACK_TRACE } from '../helpers/run-cli.js';
import { bareRemote, HAS_GIT, machine, syncOk, useSyncWorld } from '../helpers/sync-machines.js';

// prep sync without a network, without git, and before it is set up.

const world = useSyncWorld();
const at = new Date(Date.UTC(2026, 0, 5, 9));

describe.skipIf(!HAS_GIT)('prep sync offline', { timeout: 90_000 }, () => {
  it('keeps everything local when the remote cannot be reached, says what is unsynced, and pushes it later', async () => {
    const { a, b, remote } = await world().twoMachines();
    fs.renameSync(remote, `${remote}.away`);
    a.grade('q1', 3, at);
    a.grade('q2', 4, at);

    const failed = await a.prep('sync');
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^prep: cannot reach the sync remote .*remote\.git.*run prep sync again/);
    // git's cause, not the tail of its advice ("and the repository exists.").
    expect(failed.stderr).toMatch(/remote\.git \(fatal: '.*remote\.git' does not appear to be a git repository\); everything/);
    expect(failed.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(failed.stderr).not.toMatch(STACK_TRACE);
    // Committed here, not lost, and the log untouched.
    expect(a.git('rev-list', '--count', 'origin/main..HEAD').trim()).toBe('1');
    expect((await a.stats()).reviews.total).toBe(2);
    const status = await a.prep('sync', '--status');
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('five: 2 reviews not pushed yet');

    fs.renameSync(`${remote}.away`, remote);
    expect(await syncOk(a)).toBe('five: 0 reviews pulled, 2 pushed\n');
    expect((await a.prep('sync', '--status')).stdout).toMatch(/^everything is synced/);
    expect(await syncOk(b)).toBe('five: 2 reviews pulled, 0 pushed\n');
    expect((await b.stats()).reviews.total).toBe(2);
  });

  it('never waits on a password prompt: a remote asking for one fails in one line', async () => {
    const server = http.createServer((_req, res) => {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="prep-data"' }).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const a = machine(world().root, 'A');
      const { port } = server.address() as AddressInfo;
      const r = await a.prep('sync', '--init', `http://127.0.0.1:${port}/prep-data.git`);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^prep: cannot reach the sync remote http:\/\/127\.0\.0\.1:\d+\/prep-data\.git \(.*terminal prompts disabled.*\)/);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      // Set up and committed here all the same.
      expect(a.git('log', '--oneline').trim().split('\n')).toHaveLength(1);
    } finally {
      server.close();
    }
  });

  it('--status changes nothing: no commit, no fetch', async () => {
    const { a } = await world().twoMachines();
    a.grade('q1', 3, at);
    const head = a.git('rev-parse', 'HEAD');
    const index = fs.statSync(path.join(a.home, '.git', 'index')).mtimeMs;
    const status = await a.prep('sync', '--status');
    expect(status.stdout).toContain('five: 1 review not pushed yet');
    expect(a.git('rev-parse', 'HEAD')).toBe(head);
    expect(fs.statSync(path.join(a.home, '.git', 'index')).mtimeMs).toBe(index);
  });

  it('--init uses a repository the user made already, keeping their history and their .gitignore', async () => {
    const remote = bareRemote(world().root);
    const a = machine(world().root, 'A');
    a.git('init', '--quiet', '-b', 'main');
    fs.writeFileSync(path.join(a.home, '.gitignore'), 'notes/\n');
    a.git('add', '.gitignore');
    a.git('-c', 'user.name=me', '-c', 'user.email=me@example.com', 'commit', '--quiet', '-m', 'my own start');
    a.grade('q1', 3, at);
    expect(await syncOk(a, '--init', remote)).toBe('five: 0 reviews pulled, 1 pushed\n');
    const ignore = fs.readFileSync(path.join(a.home, '.gitignore'), 'utf8');
    expect(ignore.startsWith('notes/\n# Written by prep sync')).toBe(true);
    expect(a.git('log', '--format=%s', 'origin/main')).toMatch(/my own start\n$/);
    expect(a.git('ls-tree', '-r', '--name-only', 'origin/main')).toBe('.gitattributes\n.gitignore\ndecks/five.yaml\nlogs/five.jsonl\n');
  });

  it('--init with no address, or one git would take for an option, is refused in one line (exit 2) before anything is made', async () => {
    const a = machine(world().root, 'A');
    for (const url of ['', ' ', '--upload-pack=touch pwned']) {
      const r = await a.prep('sync', `--init=${url}`);
      expect(r.stderr).toBe(`prep: --init needs the address of a git remote (git@github.com:you/prep-data.git, or a path to a bare repository), not "${url}"\n`);
      expect(r.code).toBe(2);
    }
    expect(fs.existsSync(path.join(a.home, '.git'))).toBe(false);
  });

  it('a remote that is a folder but no git repository is said to be one, with how to make it; a missing one is only out of reach', async () => {
    const a = machine(world().root, 'A');
    const folder = path.join(world().root, 'empty-folder');
    fs.mkdirSync(folder);
    a.grade('q1', 3, at);
    const r = await a.prep('sync', '--init', folder);
    expect(r.stderr).toBe(
      `prep: the sync remote ${folder} is not a git repository; make it one (git init --bare ${folder}) or give another with prep sync --init <remote-url>; everything is saved and committed here\n`,
    );
    expect(r.code).toBe(1);
    expect(a.git('rev-list', '--count', 'HEAD').trim()).toBe('1');
    fs.rmdirSync(folder);
    expect((await a.prep('sync')).stderr).toMatch(/^prep: cannot reach the sync remote .*empty-folder .*run prep sync again when it can be reached\n$/);
    bareRemote(world().root);
    expect(await syncOk(a, '--init', path.join(world().root, 'remote.git'))).toBe('five: 0 reviews pulled, 1 pushed\n');
  });

  it('says in one line that it is not set up yet', async () => {
    const a = machine(world().root, 'A');
    const r = await a.prep('sync');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`prep: ${a.home} is not set up for sync yet; run: prep sync --init <remote-url>\n`);
  });
});

describe('prep sync without git', () => {
  it('says in one line that git is needed (exit 1) and touches nothing', async () => {
    const a = machine(world().root, 'A');
    const empty = path.join(world().root, 'empty-bin');
    fs.mkdirSync(empty);
    const r = await runCli(['sync', '--init', path.join(world().root, 'remote.git')], { env: { ...a.env, PATH: empty }, cwd: a.home });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('prep: prep sync needs git, and no git program was found on PATH; install git and try again\n');
    expect(fs.existsSync(path.join(a.home, '.git'))).toBe(false);
  });
});
