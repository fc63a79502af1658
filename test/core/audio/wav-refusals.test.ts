import { describe, expect, it } from 'vitest';
import { readWav, sniffFormat } from '../../../src/core/audio/wav.js';
import { makeWav } from '../../helpers/wav.js';

// `prep pitch --audio` says in one line why it cannot read a file, naming what the file is.
const ramp = [0, 0.5, -0.5, 0.25];
const refusal = (bytes: Uint8Array) => {
  try {
    readWav(bytes);
  } catch (err) {
    expect((err as Error).name).toBe('AudioFormatError');
    return { message: (err as Error).message, convertible: (err as { convertible: boolean }).convertible };
  }
  throw new Error('read without a refusal');
};
const header = (text: string, n = 16) => Buffer.concat([Buffer.from(text, 'latin1'), Buffer.alloc(n)]);

describe('what a file that is not a WAV looks like', () => {
  it.each([
    [header('fLaC'), 'FLAC'],
    [header('OggS'), 'Ogg'],
    [header('ID3'), 'MP3'],
    [Buffer.from([0xff, 0xfb, 0x90, 0x00, 0, 0, 0, 0]), 'MP3'],
    [Buffer.from([0xff, 0x1b, 0x90, 0x00, 0, 0, 0, 0]), 'not a recognised audio format'],
    [header('\0\0\0\x20ftypM4A '), 'MP4/M4A'],
    [header('FORM'), 'AIFF'],
    [header('RIFX'), 'big-endian WAV (RIFX)'],
    [header('RF64'), 'RF64'],
    [Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0, 0, 0, 0]), 'WebM/Matroska'],
    [Buffer.from([0x1a, 0x45, 0xdf, 0x00, 0, 0, 0, 0]), 'not a recognised audio format'],
    [Buffer.from([0x1a, 0x00, 0xdf, 0xa3, 0, 0, 0, 0]), 'not a recognised audio format'],
    [Buffer.from([0x12, 0xfb, 0x90, 0x00, 0, 0, 0, 0]), 'not a recognised audio format'],
    [Buffer.from([0x00, 0x45, 0xdf, 0xa3, 0, 0, 0, 0]), 'not a recognised audio format'],
    [Buffer.from([0x1a, 0x45, 0x00, 0xa3, 0, 0, 0, 0]), 'not a recognised audio format'],
  ])('%#: %s', (bytes, name) => {
    expect(sniffFormat(bytes)).toBe(name);
    // Another program might still read it.
    expect(refusal(bytes)).toEqual({ message: `it is not a WAV file (${name})`, convertible: true });
  });
});

describe('a WAV prep cannot read', () => {
  const wav = () => makeWav({ sampleRate: 8000, channels: 1, bits: 16, samples: ramp });

  it('a file cut off in its format chunk is said to be damaged (it was a stray RangeError)', () => {
    expect(refusal(wav().subarray(0, 28))).toEqual({ message: 'its WAV format chunk is too short', convertible: false });
    const ext = makeWav({ sampleRate: 8000, channels: 1, bits: 16, extensible: true, samples: ramp });
    // Cut before the sub-format that names the real format: read as far as it goes.
    expect(refusal(ext.subarray(0, 20 + 24))).toEqual({ message: 'the WAV file has no audio data', convertible: false });
  });

  it('no format chunk, data before it, or no data: each said so', () => {
    const w = wav();
    // Rename the format chunk: the data chunk then comes with no format before it.
    const noFmt = Buffer.from(w);
    noFmt.write('junk', 12, 'latin1');
    expect(refusal(noFmt)).toEqual({ message: 'its WAV data comes before the format chunk', convertible: false });
    const noData = Buffer.from(w);
    noData.write('junk', 36, 'latin1');
    expect(refusal(noData)).toEqual({ message: 'the WAV file has no audio data', convertible: false });
    const neither = Buffer.from(noData);
    neither.write('junk', 12, 'latin1');
    expect(refusal(neither)).toEqual({ message: 'the WAV file has no format chunk', convertible: false });
  });

  it('no channels, a float of 16 bits, a block too small for its samples: each named', () => {
    const noChannels = wav();
    noChannels.writeUInt16LE(0, 22);
    expect(refusal(noChannels)).toEqual({ message: 'WAV format 0x0001 with 0 channels at 8000 Hz is not audio', convertible: false });
    const float16 = wav();
    float16.writeUInt16LE(3, 20);
    expect(refusal(float16)).toEqual({ message: 'it is float WAV of 16 bits, which prep does not decode', convertible: true });
    const small = wav();
    small.writeUInt16LE(1, 32);
    expect(refusal(small)).toEqual({ message: 'its WAV block size (1) is too small for 1 × 16 bits', convertible: false });
    const mulaw = wav();
    mulaw.writeUInt16LE(7, 20);
    expect(refusal(mulaw)).toEqual({ message: 'it is WAV mu-law, which prep does not decode', convertible: true });
  });
});

describe('WAV samples read the slow way', () => {
  it('16-bit samples in blocks with padding are read at their place, each frame once', () => {
    // 16-bit mono in 4-byte blocks: each sample followed by two bytes of padding.
    const w = makeWav({ sampleRate: 8000, channels: 1, bits: 32, samples: [0, 0, 0] });
    w.writeUInt16LE(16, 34);
    [0.5, -0.25, 0.75].forEach((x, i) => w.writeInt16LE(Math.round(x * 32767), 44 + 4 * i));
    const pcm = readWav(w);
    expect(pcm.samples).toHaveLength(3);
    [0.5, -0.25, 0.75].forEach((x, i) => expect(pcm.samples[i]).toBeCloseTo(x, 3));
  });
});
