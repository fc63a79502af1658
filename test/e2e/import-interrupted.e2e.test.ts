import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PREP, runCli } from '../helpers/run-cli.js';
import { useTempHome } from '../helpers/temp-home.js';

// A big import writes its deck through a hidden temp file for seconds. Stopped by a signal (or
// a power cut) there, it never reaches its own clean-up: the next deck written removes what
// such writes left, and never the temp file of a write still running.

const home = useTempHome('prep-import-stop-');
const temps = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')) : []);

describe('an import stopped while it writes', { timeout: 120_000 }, () => {
  it('leaves no temp file once the next deck is written', async () => {
    const { dir, env } = home();
    const decks = path.join(dir, 'decks');
    const notes = Array.from({ length: 30_000 }, (_, i) => `Front ${i} what is the thing?\tBack ${i} the answer is a sentence; it has a few clauses and some words.`);
    const file = path.join(dir, 'notes.txt');
    fs.writeFileSync(file, `#separator:tab\n${notes.join('\n')}\n`);
    const child = spawn(process.execPath, [PREP, 'import', file, '--name', 'big'], { env, stdio: 'ignore' });
    const ended = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
    let stopped = false;
    while (!stopped) {
      if (child.exitCode !== null) break;
      if (temps(decks).length > 0) {
        child.kill('SIGTERM');
        stopped = true;
      } else await new Promise((r) => setTimeout(r, 5));
    }
    await ended;
    // The write was stopped half-way (on a fast machine it may have finished: then nothing to see).
    if (!stopped || fs.existsSync(path.join(decks, 'big.yaml'))) return;
    expect(temps(decks)).toHaveLength(1);
    const r = await runCli(['new', 'acme'], { env });
    expect(r.code).toBe(0);
    expect(temps(decks)).toEqual([]);
  });

  it("keeps the temp file of a write still running, and removes a dead writer's", async () => {
    const { dir, env } = home();
    const decks = path.join(dir, 'decks');
    fs.mkdirSync(decks);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    const running = spawn('sleep', ['30']);
    try {
      const left = `.big.yaml.${dead}-0a1b2c3d.tmp`;
      const live = `.other.yaml.${running.pid}-0a1b2c3d.tmp`;
      fs.writeFileSync(path.join(decks, left), 'half a deck');
      fs.writeFileSync(path.join(decks, live), 'being written');
      const r = await runCli(['new', 'acme'], { env });
      expect(r.code).toBe(0);
      expect(temps(decks)).toEqual([live]);
    } finally {
      running.kill();
    }
  });
});
