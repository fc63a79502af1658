import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Listener } from '../../../src/core/audio/listener.js';
import { AudioFileError, loadAudio } from '../../../src/core/audio/load-audio.js';

const RATE = 8000;
/** 16-bit little-endian PCM of `seconds` of a 200 Hz tone at `amp` (of full scale), or silence. */
function pcm(seconds: number, amp = 0): Buffer {
  const n = Math.round(seconds * RATE);
  const b = Buffer.alloc(n * 2);
  for (let i = 0; i < n; i++) b.writeInt16LE(Math.round(amp * 32767 * Math.sin((2 * Math.PI * 200 * i) / RATE)), i * 2);
  return b;
}

describe('the listening clock', () => {
  it('stops exactly when the silence asked for has passed after the last voice', () => {
    const l = new Listener(RATE, 1000, 1.3);
    l.push(Buffer.concat([pcm(1), pcm(1.5, 0.3)]));
    expect(l.get().phase).toBe('speaking');
    // Then silence, 10 ms at a time: done the moment a full second of it has been heard.
    const hop = pcm(0.01);
    while (l.get().phase !== 'done') l.push(hop);
    const { heardMs, voiceEndMs } = l.get();
    expect(heardMs - voiceEndMs!).toBe(1000);
  });

  it('a sound at the moment the silence would end keeps the attempt open; a click is not its end', () => {
    const l = new Listener(RATE, 1000, 1.3);
    l.push(Buffer.concat([pcm(1), pcm(1.5, 0.3), pcm(1.2), pcm(0.05, 0.3)]));
    expect(l.get().phase).toBe('speaking');
    l.push(pcm(0.5));
    expect(l.get().phase).toBe('done');
    expect(Math.abs(l.get().voiceEndMs! - 2500)).toBeLessThanOrEqual(60);
  });

  it('a hiss at the level of the last bit of the converter is never a voice', () => {
    const l = new Listener(RATE, 1000, 1.3);
    // 3 steps of 32768: about -80 dBFS, under the -70 dBFS that any voice is above.
    const hiss = Buffer.alloc(RATE * 2 * 3);
    for (let i = 0; i < RATE * 3; i++) hiss.writeInt16LE(i % 2 === 0 ? 3 : -3, i * 2);
    l.push(Buffer.concat([pcm(1), hiss]));
    expect(l.get()).toMatchObject({ phase: 'waiting', voiceStartMs: null });
  });
});

describe('a recording path that is not a file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'prep-listen-edges-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says why it cannot be read, with the system\'s code', async () => {
    writeFileSync(join(dir, 'talk.wav'), 'x');
    const err = await loadAudio(join(dir, 'talk.wav', 'inside.wav'), { PATH: '/nonexistent' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AudioFileError);
    expect((err as Error).message).toBe('cannot read it (ENOTDIR)');
  });
});
