import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AudioFileError, loadAudio } from '../../../src/core/audio/load-audio.js';
import { readWav } from '../../../src/core/audio/wav.js';
import { useTempDirs } from '../../helpers/temp-home.js';
import { hasTool, runWithTool } from '../../helpers/tools.js';
import { makeWav } from '../../helpers/wav.js';

// `prep pitch --audio FILE` reads its recording through loadAudio: a WAV itself, anything else
// through sox or ffmpeg. Each failure is one line that says what the file is.
const FIXTURE = fileURLToPath(new URL('../../fixtures/audio/wpm160-room30.wav', import.meta.url));
const tempDir = useTempDirs('prep-load-audio-');
const NO_TOOLS = { PATH: '/nonexistent' };

/** The message loadAudio rejects with, and that it is an AudioFileError. */
async function failure(file: string, env: NodeJS.ProcessEnv): Promise<string> {
  const err = await loadAudio(file, env).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AudioFileError);
  expect((err as Error).name).toBe('AudioFileError');
  return (err as Error).message;
}

describe('loadAudio', () => {
  it('reads a WAV itself, without any tool on PATH', async () => {
    const pcm = await loadAudio(FIXTURE, NO_TOOLS);
    expect(pcm.sampleRate).toBe(6000);
    expect(pcm.samples.length).toBeGreaterThan(6000 * 13);
  });

  it('a missing file, a folder: one line each', async () => {
    const dir = tempDir();
    expect(await failure(join(dir, 'none.wav'), NO_TOOLS)).toBe('no such file');
    expect(await failure(dir, NO_TOOLS)).toBe('it is a folder, not a recording');
  });

  it('a damaged WAV is said to be damaged, and no converter is asked (it could not help)', async () => {
    const dir = tempDir();
    const wav = makeWav({ sampleRate: 8000, channels: 1, bits: 16, samples: [0, 0.5, -0.5] });
    // Format chunk size 8: too short to hold a format.
    wav.writeUInt32LE(8, 16);
    writeFileSync(join(dir, 'short-fmt.wav'), wav);
    // A PATH whose sox would fail loudly if run.
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'sox'), '#!/bin/sh\necho "sox should not run" >&2\nexit 3\n');
    chmodSync(join(bin, 'sox'), 0o755);
    expect(await failure(join(dir, 'short-fmt.wav'), { PATH: bin })).toBe('its WAV format chunk is too short');
  });

  it('another format with neither sox nor ffmpeg on PATH: says what it is and what would read it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'talk.ogg'), Buffer.concat([Buffer.from('OggS'), Buffer.alloc(60)]));
    expect(await failure(join(dir, 'talk.ogg'), NO_TOOLS)).toBe(
      'it is not a WAV file (Ogg); prep reads WAV (PCM or float) itself and other formats through sox or ffmpeg, and neither is on PATH',
    );
  });

  describe.skipIf(!runWithTool('sox'))('with sox on PATH', () => {
    const soxEnv = () => ({ PATH: process.env.PATH });

    it('reads a FLAC through it: the same audio as the WAV it was made from', async () => {
      expect(hasTool('sox'), 'sox is required (PREP_REQUIRE_TOOLS=1) but not on PATH').toBe(true);
      const dir = tempDir();
      const wav = join(dir, 'a.wav');
      copyFileSync(FIXTURE, wav);
      // A name a shell would choke on: no shell ever sees it.
      const flac = join(dir, 'my pitch; $(touch oops).flac');
      execFileSync('sox', [wav, flac]);
      const pcm = await loadAudio(flac, soxEnv());
      const original = readWav(await import('node:fs').then((fs) => fs.readFileSync(FIXTURE)));
      expect(pcm.sampleRate).toBe(original.sampleRate);
      expect(pcm.samples.length).toBe(original.samples.length);
      // 16-bit from 8-bit: the same samples, within one 8-bit step.
      let worst = 0;
      original.samples.forEach((x, i) => (worst = Math.max(worst, Math.abs(x - pcm.samples[i]!))));
      expect(worst).toBeLessThanOrEqual(1 / 128);
    });

    it('a file sox cannot read either: says which tool, what the file looked like, and sox\'s last words', async () => {
      expect(hasTool('sox'), 'sox is required (PREP_REQUIRE_TOOLS=1) but not on PATH').toBe(true);
      const dir = tempDir();
      const bad = join(dir, 'talk.ogg');
      writeFileSync(bad, Buffer.concat([Buffer.from('OggS'), Buffer.alloc(60)]));
      const message = await failure(bad, soxEnv());
      expect(message).toMatch(/^sox could not read it as audio \(Ogg\): \S.*$/);
      expect(message).not.toContain('\n');
    });
  });

  it('a converter that gives back no WAV: says so, with what was wrong', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'talk.mp3'), Buffer.concat([Buffer.from('ID3'), Buffer.alloc(60)]));
    // A stand-in for a broken converter (found on PATH as ffmpeg): it prints text, not a WAV.
    writeFileSync(join(dir, 'ffmpeg'), '#!/bin/sh\necho "hello"\n');
    chmodSync(join(dir, 'ffmpeg'), 0o755);
    expect(await failure(join(dir, 'talk.mp3'), { PATH: dir })).toBe(
      'ffmpeg gave back no audio prep can read (it is not a WAV file (not a recognised audio format))',
    );
    // One that fails with nothing on stderr: its exit is said instead.
    writeFileSync(join(dir, 'ffmpeg'), '#!/bin/sh\nexit 4\n');
    expect(await failure(join(dir, 'talk.mp3'), { PATH: dir })).toMatch(/^ffmpeg could not read it as audio \(MP3\): Command failed: .*ffmpeg/);
    // One that says why on its last line of stderr.
    writeFileSync(join(dir, 'ffmpeg'), '#!/bin/sh\necho "first line" >&2\necho "Invalid data found when processing input" >&2\nexit 1\n');
    expect(await failure(join(dir, 'talk.mp3'), { PATH: dir })).toBe('ffmpeg could not read it as audio (MP3): Invalid data found when processing input');
  });
});
