import { describe, expect, it } from 'vitest';
import { AudioFormatError, readWav } from '../../../src/core/audio/wav.js';
import { makeWav } from '../../helpers/wav.js';

const ramp = [0, 0.5, -0.5, 0.25, -1, 0.99];

describe('readWav', () => {
  it.each([
    { bits: 8, tol: 1 / 100 },
    { bits: 16, tol: 1e-4 },
    { bits: 24, tol: 1e-6 },
    { bits: 32, tol: 1e-8 },
  ])('reads $bits-bit integer PCM', ({ bits, tol }) => {
    const pcm = readWav(makeWav({ sampleRate: 16000, channels: 1, bits, samples: ramp }));
    expect(pcm.sampleRate).toBe(16000);
    expect(pcm.samples).toHaveLength(ramp.length);
    pcm.samples.forEach((x, i) => expect(Math.abs(x - ramp[i]!)).toBeLessThan(tol + 1 / 2 ** (bits - 1)));
  });

  it.each([32, 64])('reads %i-bit float, plain and EXTENSIBLE', (bits) => {
    for (const extensible of [false, true]) {
      const pcm = readWav(makeWav({ sampleRate: 44100, channels: 1, bits, float: true, extensible, samples: ramp }));
      expect(Array.from(pcm.samples)).toEqual(ramp.map((x) => Math.fround(x)));
    }
  });

  it('averages stereo to mono and keeps any sample rate', () => {
    const pcm = readWav(makeWav({ sampleRate: 11025, channels: 2, bits: 16, extensible: true, samples: [0.5, -0.5, 0.5, 0.1] }));
    expect(pcm.sampleRate).toBe(11025);
    expect(pcm.samples).toHaveLength(2);
    expect(pcm.samples[0]).toBeCloseTo(0, 3);
    expect(pcm.samples[1]).toBeCloseTo(0.3, 3);
  });

  it('reads 16-bit stereo the same wherever the bytes sit in memory (fast path, odd offset)', () => {
    const wav = makeWav({ sampleRate: 8000, channels: 2, bits: 16, samples: [...ramp, ...ramp] });
    const shifted = Buffer.concat([Buffer.alloc(1), wav]).subarray(1);
    expect(Array.from(readWav(shifted).samples)).toEqual(Array.from(readWav(wav).samples));
    expect(readWav(wav).samples[1]).toBeCloseTo((-0.5 + 0.25) / 2, 3);
  });

  it('skips chunks it does not need and reads a data size left unfixed by a stopped recorder', () => {
    const pcm = readWav(makeWav({ sampleRate: 8000, channels: 1, bits: 16, samples: ramp, extraChunks: true, dataSize: 0xffffffff }));
    expect(pcm.samples).toHaveLength(ramp.length);
  });

  it('names what it found when the file is not a WAV it decodes', () => {
    const mp3 = Buffer.concat([Buffer.from('ID3'), Buffer.alloc(40)]);
    expect(() => readWav(mp3)).toThrow(/not a WAV file \(MP3\)/);
    expect(() => readWav(Buffer.from('fLaC\0\0\0\0'))).toThrow(/FLAC/);
    expect(() => readWav(Buffer.from('hello, I am text'))).toThrow(/not a recognised audio format/);
    const adpcm = makeWav({ sampleRate: 8000, channels: 1, bits: 16, samples: ramp });
    adpcm.writeUInt16LE(0x11, 20);
    expect(() => readWav(adpcm)).toThrow(/WAV IMA ADPCM/);
    const odd = makeWav({ sampleRate: 8000, channels: 1, bits: 16, samples: ramp });
    odd.writeUInt16LE(12, 34);
    expect(() => readWav(odd)).toThrow(/PCM WAV of 12 bits/);
    try {
      readWav(mp3);
    } catch (err) {
      expect(err).toBeInstanceOf(AudioFormatError);
      expect((err as AudioFormatError).convertible).toBe(true);
    }
  });
});
