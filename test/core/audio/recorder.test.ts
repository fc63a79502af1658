import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Listener } from '../../../src/core/audio/listener.js';
import { findRecorder } from '../../../src/core/audio/recorder.js';
import { readWav } from '../../../src/core/audio/wav.js';

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** A PATH holding stand-in executables of these names (only found, never run). */
function pathWith(...names: string[]): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'prep-path-'));
  dirs.push(dir);
  for (const n of names) {
    writeFileSync(join(dir, n), '#!/bin/sh\n');
    chmodSync(join(dir, n), 0o755);
  }
  return { PATH: dir };
}

describe('findRecorder', () => {
  it('prefers rec, then sox -d, then arecord, then ffmpeg, each asked for 16 kHz mono 16-bit on stdout', () => {
    expect(findRecorder(pathWith('ffmpeg', 'arecord', 'sox', 'rec'))).toMatchObject({ name: 'rec', args: ['-q', '-t', 'raw', '-r', '16000', '-e', 'signed-integer', '-b', '16', '-c', '1', '-'] });
    expect(findRecorder(pathWith('ffmpeg', 'arecord', 'sox'))).toMatchObject({ name: 'sox', args: expect.arrayContaining(['-d']) as string[] });
    expect(findRecorder(pathWith('ffmpeg', 'arecord'))).toMatchObject({ name: 'arecord', args: expect.arrayContaining(['S16_LE', '16000']) as string[] });
    expect(findRecorder(pathWith('ffmpeg'), 'darwin')!.args).toEqual(expect.arrayContaining(['avfoundation', ':0', 's16le']));
    expect(findRecorder(pathWith('ffmpeg'), 'linux')!.args).toEqual(expect.arrayContaining(['pulse', 'default', 's16le']));
    expect(findRecorder(pathWith('not-a-recorder'))).toBeUndefined();
  });

  it('with PREP_RECORD_INPUT, runs sox on that file instead of the microphone', () => {
    const env = { ...pathWith('sox', 'arecord'), PREP_RECORD_INPUT: '/tmp/mic.wav' };
    expect(findRecorder(env)).toMatchObject({ name: 'sox', args: ['-q', '/tmp/mic.wav', '-t', 'raw', '-r', '16000', '-e', 'signed-integer', '-b', '16', '-c', '1', '-'] });
    expect(findRecorder({ ...pathWith('arecord'), PREP_RECORD_INPUT: '/tmp/mic.wav' })).toBeUndefined();
  });
});

describe('Listener', () => {
  const pcm = readWav(readFileSync(new URL('../../fixtures/audio/wpm160-pink45-click.wav', import.meta.url)));
  const bytes = Buffer.alloc(pcm.samples.length * 2);
  pcm.samples.forEach((x, i) => bytes.writeInt16LE(Math.round(x * 32767), i * 2));

  it('waits through the click, starts at the voice, and is done after the silence, in odd-sized chunks', () => {
    const l = new Listener(pcm.sampleRate, 1000, 1.3);
    const phases: string[] = [];
    for (let at = 0; at < bytes.length; at += 777) {
      l.push(bytes.subarray(at, at + 777));
      if (phases[phases.length - 1] !== l.get().phase) phases.push(l.get().phase);
    }
    // The pauses (1 and 1.5 s) outlast the 1 s stop: the attempt ends at the first of them.
    expect(phases).toEqual(['waiting', 'speaking', 'done']);
    expect(Math.abs(l.get().voiceStartMs! - 1200)).toBeLessThanOrEqual(100);
    const l2 = new Listener(pcm.sampleRate, 2000, 1.3);
    l2.push(bytes);
    expect(l2.get().phase).toBe('speaking');
    l2.finish();
    expect(l2.get()).toMatchObject({ phase: 'done', figures: { pauses: { count: 2 } } });
    expect(Math.abs(l2.get().figures!.speakingMs - 11_500)).toBeLessThanOrEqual(300);
  });
});
