import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { putDeck, SMALL_DECK } from '../helpers/e2e-home.js';
import { alive, children, ended, recorderOf, sleep, useMicFeed, withSilence } from '../helpers/mic-feed.js';
import { usePrepTerminal } from '../helpers/prep-terminal.js';
import { hasTool, runWithTool } from '../helpers/tools.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/audio/wpm200-brown50.wav', import.meta.url));
const TRUTH = (JSON.parse(readFileSync(new URL('../fixtures/audio/manifest.json', import.meta.url), 'utf8')) as {
  fixtures: { file: string; truth: { speakingSeconds: number } }[];
}).fixtures.find((f) => f.file === 'wpm200-brown50.wav')!.truth.speakingSeconds;

describe.skipIf(!runWithTool('sox', ['--version']))('prep drill --listen, with the real sox reading a paced stream', () => {
  const t = usePrepTerminal();
  const feed = useMicFeed();

  it('the pitch card is timed by the voice and revealed by the silence, with its figures; other cards are not recorded', async () => {
    expect(hasTool('sox'), 'sox is required (PREP_REQUIRE_TOOLS=1) but not on PATH').toBe(true);
    putDeck(t.home, 'small', SMALL_DECK);
    // Its pauses last 1 and 1.5 s; the 2.5 s of silence after it is what ends the attempt.
    const mic = feed(withSilence(readFileSync(FIXTURE), 2.5));
    const env = { ...t.env, NO_COLOR: '1', PREP_RECORD_INPUT: mic.path };
    const pty = t.start(['drill', 'small', '--listen', '--stop-after', '1.8'], { env, rows: 40 });
    await pty.waitFor('Listening (sox): start speaking');
    const sox = await recorderOf(pty);
    await pty.waitFor('Hearing you (sox)');
    // Revealed by the silence: the script, then the clock's result and what the listener heard.
    const screen = await pty.waitFor(/Pauses {9}/, 20_000);
    expect(screen).toContain('I build tools for people who live in the terminal.');
    const shown = Number(/(\d+\.\d) s · -\d+\.\d s against 30 s · short/.exec(screen)![1]);
    expect(Math.abs(shown - TRUTH)).toBeLessThanOrEqual(0.3);
    expect(screen).toMatch(/Pauses {9}2 of 0\.5 s or more/);
    expect(screen).toMatch(/Pace {11}about \d+ words a minute/);
    // The microphone is closed once the card is revealed.
    expect(await ended(sox)).toBe(true);
    pty.write('3');
    await pty.waitFor('Alpha question?');
    expect(children(pty.pid()!)).toEqual([]);
    expect(await pty.screen()).not.toMatch(/Listening|Hearing you/);
    pty.write('q');
    expect((await pty.exited).code).toBe(0);
    mic.stop();
    const log = t.log('small');
    expect(log.map((r) => r.type)).toEqual(['grade', 'pitch']);
    expect(log[0]).toMatchObject({ card: 'pitch', grade: 3 });
    expect(Math.abs(log[1]!.ms / 1000 - TRUTH)).toBeLessThanOrEqual(0.3);
    // No --keep-audio: no audio anywhere.
    expect(readdirSync(t.home, { recursive: true }).filter((f) => String(f).endsWith('.wav'))).toEqual([]);
  }, 40_000);

  for (const how of ['q', 'SIGTERM'] as const) {
    it(`ends the recorder of the pitch card when prep ends by ${how}`, async () => {
      putDeck(t.home, 'small', SMALL_DECK);
      const mic = feed(readFileSync(FIXTURE), 0.5);
      const pty = t.start(['drill', 'small', '--listen'], { env: { ...t.env, PREP_RECORD_INPUT: mic.path } });
      await pty.waitFor('Listening (sox)');
      const sox = await recorderOf(pty);
      expect(alive(sox)).toBe(true);
      await sleep(1000);
      if (how === 'q') pty.write('q');
      else pty.kill('SIGTERM');
      const done = await Promise.race([pty.exited, sleep(5000).then(() => null)]);
      expect(done, 'prep did not exit within 5 s').not.toBeNull();
      expect(done!.code).toBe(how === 'q' ? 0 : 143);
      expect(await ended(sox)).toBe(true);
      mic.stop();
    }, 30_000);
  }
});

describe('prep drill --listen without a recorder', () => {
  const t = usePrepTerminal();

  it('without a recorder on PATH, says what it looked for in one line and exits 2, drawing no screen', async () => {
    putDeck(t.home, 'small', SMALL_DECK);
    // A PATH with what the terminal harness and prep need, and no recorder.
    const bin = join(t.home, 'bin');
    mkdirSync(bin);
    for (const tool of ['node', 'script', 'stty']) symlinkSync(execFileSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).trim(), join(bin, tool));
    const pty = t.start(['drill', 'small', '--listen'], { env: { ...t.env, PATH: bin }, cols: 200 });
    const { code } = await pty.exited;
    expect(code).toBe(2);
    const text = (await pty.screen()).trim();
    expect(text).toBe('prep: --listen needs a recorder on PATH and found none of: rec, sox, arecord, ffmpeg (sox provides rec; see README)');
  });
});
