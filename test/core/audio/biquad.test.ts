import { describe, expect, it } from 'vitest';
import { Biquad } from '../../../src/core/audio/biquad.js';

// The level detector hears speech through these filters: a hum under 80 Hz must fall away, and
// the vowel band (300-1500 Hz) must keep what is in it and lose what is far outside.
const RATE = 16000;

/** The gain a filter gives a steady tone: output RMS over input RMS, once it has settled. */
function gain(filter: Biquad, hz: number): number {
  const n = RATE; // one second; the last half is measured
  let inSq = 0;
  let outSq = 0;
  for (let i = 0; i < n; i++) {
    const x = Math.sin((2 * Math.PI * hz * i) / RATE);
    const y = filter.step(x);
    if (i >= n / 2) {
      inSq += x * x;
      outSq += y * y;
    }
  }
  return Math.sqrt(outSq / inSq);
}

describe('the filters in front of the voice detector', () => {
  it('a high-pass at 80 Hz cuts a 20 Hz rumble and keeps a 1 kHz tone; at 80 Hz it is 3 dB down', () => {
    expect(gain(Biquad.pass('high', 80, RATE), 20)).toBeLessThan(0.08);
    expect(gain(Biquad.pass('high', 80, RATE), 1000)).toBeCloseTo(1, 2);
    expect(gain(Biquad.pass('high', 80, RATE), 80)).toBeCloseTo(Math.SQRT1_2, 2);
  });

  it('a low-pass at 1500 Hz keeps a 300 Hz vowel tone and cuts a 6 kHz hiss; at 1500 Hz it is 3 dB down', () => {
    expect(gain(Biquad.pass('low', 1500, RATE), 300)).toBeCloseTo(1, 2);
    expect(gain(Biquad.pass('low', 1500, RATE), 6000)).toBeLessThan(0.05);
    expect(gain(Biquad.pass('low', 1500, RATE), 1500)).toBeCloseTo(Math.SQRT1_2, 2);
  });

  it('a low-pass asked for above what the rate can carry passes what is there, and stays stable', () => {
    const f = Biquad.pass('low', 20000, RATE);
    expect(gain(f, 5000)).toBeGreaterThan(0.95);
    expect(gain(f, 5000)).toBeLessThan(1.05);
  });
});
