import { describe, expect, it } from 'vitest';
import { VoiceDetector } from '../../../src/core/audio/vad.js';

const RATE = 8000;

/** Deterministic white noise with an RMS of `dbfs` (uniform noise: rms = amp / sqrt(3)). */
function noise(seconds: number, dbfs: number, seed = 1): Float32Array {
  const amp = 10 ** (dbfs / 20) * Math.sqrt(3);
  let s = seed;
  return Float32Array.from({ length: Math.round(seconds * RATE) }, () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return amp * ((s / 2 ** 31) * 2 - 1);
  });
}

/** A 200 Hz buzz with a 4 Hz syllable-like swell, RMS about `dbfs`. */
function voice(seconds: number, dbfs: number): Float32Array {
  const amp = 10 ** (dbfs / 20) * Math.SQRT2 * 1.4;
  return Float32Array.from({ length: Math.round(seconds * RATE) }, (_, i) => {
    const t = i / RATE;
    return amp * (0.3 + 0.7 * Math.abs(Math.sin(2 * Math.PI * 2 * t))) * Math.sin(2 * Math.PI * 200 * t);
  });
}

function mix(...layers: Float32Array[]): Float32Array {
  const out = new Float32Array(Math.max(...layers.map((l) => l.length)));
  for (const l of layers) l.forEach((x, i) => (out[i]! += x));
  return out;
}

function concat(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const silence = (s: number) => new Float32Array(Math.round(s * RATE));

function segments(samples: Float32Array, chunk = samples.length) {
  const vad = new VoiceDetector(RATE);
  for (let i = 0; i < samples.length; i += chunk) vad.push(samples.subarray(i, i + chunk));
  return vad.segments();
}

describe('VoiceDetector', () => {
  it('does not take steady room noise at -30 dBFS for speech', () => {
    expect(segments(noise(6, -30))).toEqual([]);
  });

  it('finds a voice 12 dB over that noise, where it starts and ends', () => {
    const audio = mix(noise(6, -30), concat(silence(2), voice(2.5, -18), silence(1.5)));
    const [seg, ...rest] = segments(audio);
    expect(rest).toEqual([]);
    expect(Math.abs(seg!.startMs - 2000)).toBeLessThanOrEqual(60);
    expect(Math.abs(seg!.endMs - 4500)).toBeLessThanOrEqual(60);
  });

  it('does not lose a quiet speaker (-50 dBFS) in a quiet room', () => {
    const audio = mix(noise(5, -75), concat(silence(1), voice(2, -50), silence(2)));
    const segs = segments(audio);
    expect(segs).toHaveLength(1);
    expect(Math.abs(segs[0]!.startMs - 1000)).toBeLessThanOrEqual(60);
  });

  it('lets a click or breath under 150 ms pass, but not a short word', () => {
    const click = concat(silence(1), noise(0.04, -6), silence(1), noise(0.12, -25, 7), silence(1));
    expect(segments(mix(click, noise(click.length / RATE, -70)))).toEqual([]);
    const word = concat(silence(1), voice(0.2, -20), silence(1));
    expect(segments(word)).toHaveLength(1);
  });

  it('gives the same segments fed in small chunks as all at once (it streams)', () => {
    const audio = mix(noise(7, -40), concat(silence(1), voice(1.5, -20), silence(1), voice(2, -22), silence(1.5)));
    const whole = segments(audio);
    expect(whole).toHaveLength(2);
    expect(segments(audio, 333)).toEqual(whole);
  });
});

describe('VoiceDetector, at the edges of a recording and of the room', () => {
  it('finds a voice that starts 0.2 s into the recording from 0.2 s', () => {
    const segs = segments(concat(silence(0.2), voice(1.5, -20), silence(1)));
    expect(segs).toHaveLength(1);
    expect(Math.abs(segs[0]!.startMs - 200)).toBeLessThanOrEqual(60);
    expect(Math.abs(segs[0]!.endMs - 1700)).toBeLessThanOrEqual(60);
  });

  it('finds a near-whisper (-55 dBFS) in digital silence, but nothing under -70 dBFS', () => {
    const segs = segments(concat(silence(1), voice(1.5, -55), silence(1)));
    expect(segs).toHaveLength(1);
    expect(Math.abs(segs[0]!.startMs - 1000)).toBeLessThanOrEqual(60);
    expect(segments(concat(silence(1), voice(1.5, -78), silence(1)))).toEqual([]);
  });

  it('takes a fan switched on for voice only until the floor has followed it (5 s)', () => {
    const audio = mix(noise(16, -75), concat(silence(2), noise(14, -30, 3)));
    const segs = segments(audio);
    expect(segs).toHaveLength(1);
    expect(segs[0]!.endMs - segs[0]!.startMs).toBeLessThanOrEqual(5500);
  });

  it('hears a 48 kHz microphone as it hears 8 kHz: the same voice at the same times', () => {
    const at = (rate: number) => {
      const n = (s: number) => Math.round(s * rate);
      const samples = new Float32Array(n(4));
      for (let i = n(1); i < n(2.5); i++) {
        const t = i / rate;
        samples[i] = 0.1 * (0.3 + 0.7 * Math.abs(Math.sin(2 * Math.PI * 2 * t))) * Math.sin(2 * Math.PI * 200 * t);
      }
      const vad = new VoiceDetector(rate);
      vad.push(samples);
      return { segs: vad.segments(), ms: vad.ms, peak: Math.max(...vad.levelDb) };
    };
    const low = at(8000);
    const high = at(48000);
    expect(high.segs).toHaveLength(1);
    expect(high.ms).toBe(low.ms);
    expect(Math.abs(high.segs[0]!.startMs - low.segs[0]!.startMs)).toBeLessThanOrEqual(20);
    expect(Math.abs(high.segs[0]!.endMs - low.segs[0]!.endMs)).toBeLessThanOrEqual(20);
    // A 200 Hz voice is as loud at either rate (the 48 kHz samples are averaged, not summed).
    expect(Math.abs(high.peak - low.peak)).toBeLessThan(1);
  });
});
