import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolvePaths } from '../../src/core/store/paths.js';
import { reviewLogPath } from '../../src/core/store/paths.js';
import { runCli, STACK_TRACE } from '../helpers/run-cli.js';
import { useTempHome } from '../helpers/temp-home.js';
import { hasTool, runWithTool } from '../helpers/tools.js';
import { makeWav } from '../helpers/wav.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/audio/wpm160-room30.wav', import.meta.url));
const home = useTempHome();
const logOf = () => reviewLogPath(resolvePaths(home().env).logsDir, 'coder');
const records = () => (existsSync(logOf()) ? readFileSync(logOf(), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) : []);

describe('prep pitch <deck> --audio FILE', () => {
  it('reports speaking time, verdict, pauses and pace, and saves the attempt like a timed one', async () => {
    const r = await runCli(['pitch', 'coder', '--audio', FIXTURE], { env: home().env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Speaking time {2}11\.5 s · -18\.5 s against 30 s · short/);
    expect(r.stdout).toMatch(/Pauses {9}2 of 0\.5 s or more, the longest 1\.5 s/);
    expect(r.stdout).toMatch(/Pace {11}about \d+ words a minute/);
    expect(r.stdout).toMatch(/not a transcript/);
    const [rec, ...more] = records();
    expect(more).toEqual([]);
    expect(rec).toMatchObject({ type: 'pitch', deck: 'coder', beats: [], beatsTotal: 5 });
    expect(Math.abs((rec!.ms as number) - 11500)).toBeLessThanOrEqual(300);
    expect(r.stdout).toContain(`attempt ${rec!.id as string}`);
  });

  it('--json --dry-run prints the figures and writes nothing', async () => {
    const r = await runCli(['pitch', 'coder', '--audio', FIXTURE, '--json', '--dry-run'], { env: home().env });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ deck: 'coder', targetSeconds: 30, verdict: 'short', saved: false, id: null, pauses: { count: 2 } });
    expect(out.rateMethod).toMatch(/syllable nuclei/);
    expect(records()).toEqual([]);
    expect(existsSync(logOf())).toBe(false);
  });

  it('says in one line what a file is when it cannot read it, and saves nothing', async () => {
    const dir = home().dir;
    writeFileSync(join(dir, 'talk.ogg'), Buffer.concat([Buffer.from('OggS'), Buffer.alloc(60)]));
    const env = { ...home().env, PATH: '/nonexistent' };
    const r = await runCli(['pitch', 'coder', '--audio', join(dir, 'talk.ogg')], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^prep: .*talk\.ogg: it is not a WAV file \(Ogg\); .*sox or ffmpeg.*\n$/);
    const missing = await runCli(['pitch', 'coder', '--audio', join(dir, 'none.wav')], { env });
    expect(missing.stderr).toMatch(/none\.wav: no such file\n$/);
    const silent = join(dir, 'silent.wav');
    writeFileSync(silent, makeWav({ sampleRate: 8000, channels: 1, bits: 16, samples: new Array(16000).fill(0) }));
    const quiet = await runCli(['pitch', 'coder', '--audio', silent], { env });
    expect(quiet.code).toBe(1);
    expect(quiet.stderr).toMatch(/no voice found in 2\.0 s of audio; nothing saved/);
    for (const x of [r, missing, quiet]) expect(x.stderr).not.toMatch(STACK_TRACE);
    expect(records()).toEqual([]);
  });

  describe.skipIf(!runWithTool('sox'))('with sox on PATH', () => {
    it('reads other formats through it (FLAC here)', async () => {
      expect(hasTool('sox'), 'sox is required (PREP_REQUIRE_TOOLS=1) but not on PATH').toBe(true);
      const wav = join(home().dir, 'a.wav');
      copyFileSync(FIXTURE, wav);
      const flac = join(home().dir, 'a pitch; $(oops).flac');
      const { execFileSync } = await import('node:child_process');
      execFileSync('sox', [wav, flac]);
      const r = await runCli(['pitch', 'coder', '--audio', flac, '--json', '--dry-run'], { env: home().env });
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout)).toMatchObject({ speakingSeconds: expect.closeTo(11.5, 0) as number, pauses: { count: 2 } });
    });
  });
});

describe('prep pitch: flags that do not go together', () => {
  it.each([
    [['--json'], '--json goes with --audio or --history'],
    [['--dry-run'], '--dry-run goes with --audio'],
    [['--audio', 'x.wav', '--listen'], '--audio and --listen cannot be used together'],
    [['--stop-after', '3'], '--stop-after goes with --listen'],
    [['--keep-audio', 'kept'], '--keep-audio goes with --listen'],
    [['--listen', '--stop-after', '0.1'], '"0.1" is not a number of seconds from 0.5 to 30.'],
  ])('%j is refused in one line, exit 2, before anything runs', async (args, message) => {
    const r = await runCli(['pitch', 'coder', ...args], { env: home().env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(existsSync(logOf())).toBe(false);
  });
});
