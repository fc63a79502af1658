import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { usePrepTerminal } from '../helpers/prep-terminal.js';
import { alive, recorderOf, sleep, useMicFeed, withSilence } from '../helpers/mic-feed.js';
import { hasTool, runWithTool } from '../helpers/tools.js';
import { STACK_TRACE } from '../helpers/run-cli.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/audio/wpm200-brown50.wav', import.meta.url));

describe.skipIf(!runWithTool('sox', ['--version']))('prep pitch --listen, with the real sox reading a paced stream', () => {
  const t = usePrepTerminal();
  const feed = useMicFeed();

  it('voice starts the clock, a silence stops it at the last voice, and enter saves what was heard', async () => {
    expect(hasTool('sox'), 'sox is required (PREP_REQUIRE_TOOLS=1) but not on PATH').toBe(true);
    // Its pauses last 1 and 1.5 s; the 2.5 s of silence after it is what ends the attempt.
    const mic = feed(withSilence(readFileSync(FIXTURE), 2.5));
    const keep = join(mic.dir, 'kept');
    const env = { ...t.env, NO_COLOR: '1', PREP_RECORD_INPUT: mic.path };
    const pty = t.start(['pitch', 'coder', '--listen', '--stop-after', '1.8', '--keep-audio', keep], { env, rows: 40 });
    await pty.waitFor('Listening (sox): start speaking');
    await pty.waitFor('Hearing you (sox)');
    const screen = await pty.waitFor(/Pauses {9}/, 20_000);
    const shown = Number(/(\d+\.\d) s · -\d+\.\d s against 30 s · short/.exec(screen)![1]);
    const truth = (JSON.parse(readFileSync(new URL('../fixtures/audio/manifest.json', import.meta.url), 'utf8')) as { fixtures: { file: string; truth: { speakingSeconds: number } }[] }).fixtures.find((f) => f.file === 'wpm200-brown50.wav')!.truth.speakingSeconds;
    expect(Math.abs(shown - truth)).toBeLessThanOrEqual(0.3);
    expect(screen).toMatch(/Pauses {9}2 of 0\.5 s or more/);
    pty.write('\r');
    await pty.waitFor('Saved to your history');
    pty.write('q');
    expect((await pty.exited).code).toBe(0);
    mic.stop();
    const [rec] = t.log('coder');
    expect(Math.abs(rec!.ms / 1000 - truth)).toBeLessThanOrEqual(0.3);
    expect(readdirSync(keep)).toHaveLength(1);
  }, 40_000);

  it('--keep-audio that cannot be written: one sentence in words, no stack trace, the attempt still saved', async () => {
    const mic = feed(withSilence(readFileSync(FIXTURE), 2.5));
    // A file where the folder should be. (A full disk is told the same way, and the WAV is written
    // whole or not at all; a file-size limit cannot stand in for it here, as the signal it raises
    // ends a process whose screen library listens for it.)
    const keep = join(mic.dir, 'kept');
    writeFileSync(keep, 'not a folder');
    const env = { ...t.env, NO_COLOR: '1', PREP_RECORD_INPUT: mic.path };
    const pty = t.start(['pitch', 'coder', '--listen', '--stop-after', '1.8', '--keep-audio', keep], { env, rows: 40 });
    await pty.waitFor(/Pauses {9}/, 20_000);
    pty.write('\r');
    await pty.waitFor('Saved to your history');
    pty.write('q');
    expect((await pty.exited).code).toBe(1);
    mic.stop();
    expect(pty.raw).toMatch(/prep: could not keep the recording as \S+\.wav: a file with that name is in the way \(the attempt itself is saved\)/);
    expect(pty.raw).not.toMatch(STACK_TRACE);
    expect(pty.raw).not.toMatch(/EEXIST|ENOTDIR/);
    expect(readFileSync(keep, 'utf8')).toBe('not a folder');
    expect(t.log('coder').filter((r) => r.type === 'pitch')).toHaveLength(1);
  }, 40_000);

  it('after kill -9 of prep (no exit hook runs), the recorder ends at its next write into the closed pipe', async () => {
    const mic = feed(readFileSync(FIXTURE));
    const pty = t.start(['pitch', 'coder', '--listen'], { env: { ...t.env, PREP_RECORD_INPUT: mic.path } });
    await pty.waitFor('Listening (sox)');
    const sox = await recorderOf(pty);
    pty.kill('SIGKILL');
    await pty.exited;
    for (let i = 0; i < 60 && alive(sox); i++) await sleep(50);
    expect(alive(sox)).toBe(false);
    mic.stop();
  }, 30_000);

  for (const how of ['q', 'SIGTERM', 'SIGQUIT'] as const) {
    it(`ends the recorder when prep ends by ${how}, and keeps no audio`, async () => {
      const mic = feed(readFileSync(FIXTURE), 0.5);
      const env = { ...t.env, PREP_RECORD_INPUT: mic.path };
      const pty = t.start(['pitch', 'coder', '--listen'], { env });
      await pty.waitFor('Listening (sox)');
      const sox = await recorderOf(pty);
      expect(alive(sox)).toBe(true);
      await sleep(1000);
      if (how === 'q') pty.write('q');
      else pty.kill(how);
      const ended = await Promise.race([pty.exited, sleep(5000).then(() => null)]);
      expect(ended, 'prep did not exit within 5 s').not.toBeNull();
      expect(ended).toMatchObject({ q: { code: 0 }, SIGTERM: { code: 143 }, SIGQUIT: { code: 131 } }[how]);
      for (let i = 0; i < 40 && alive(sox); i++) await sleep(50);
      expect(alive(sox)).toBe(false);
      mic.stop();
      expect(readdirSync(t.home, { recursive: true }).filter((f) => String(f).endsWith('.wav'))).toEqual([]);
    }, 30_000);
  }
});
