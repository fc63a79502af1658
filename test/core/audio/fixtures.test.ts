import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analysePcm } from '../../../src/core/audio/analyse.js';
import { syllablesPerWord } from '../../../src/core/audio/syllables.js';
import { readWav } from '../../../src/core/audio/wav.js';

// Speech synthesised by espeak-ng at known rates, with known silences and noise, made by
// scripts/make-audio-fixtures.mjs; the manifest holds what is true about each file.
const DIR = new URL('../../fixtures/audio/', import.meta.url);
interface Fixture {
  file: string;
  synthesisWpm: number;
  truth: { voiceStartSeconds: number; speakingSeconds: number; pausesSeconds: number[]; wpm: number };
}
const manifest = JSON.parse(readFileSync(new URL('manifest.json', DIR), 'utf8')) as { text: string; fixtures: Fixture[] };
const spw = syllablesPerWord(manifest.text);
const figures = (f: Fixture) => analysePcm(readWav(readFileSync(new URL(f.file, DIR))), spw);

// Each test analyses its file itself: work done while the tests are only being collected is
// seen by no test, so mutation testing would not run these tests against the analysis.
describe.each(manifest.fixtures)('$file', (f) => {
  it('times the speaking within ±0.3 s, from the first voice (not a click, not noise)', () => {
    const got = figures(f);
    expect(Math.abs(got.speakingMs / 1000 - f.truth.speakingSeconds)).toBeLessThanOrEqual(0.3);
    expect(Math.abs(got.voiceStartMs! / 1000 - f.truth.voiceStartSeconds)).toBeLessThanOrEqual(0.3);
  });

  it('counts the pauses (all of 1 s or more here) exactly, each within 0.3 s', () => {
    const got = figures(f);
    expect(got.pauses.count).toBe(f.truth.pausesSeconds.length);
    got.pauses.list.forEach((p, i) => expect(Math.abs(p.ms / 1000 - f.truth.pausesSeconds[i]!)).toBeLessThanOrEqual(0.3));
    expect(Math.abs(got.pauses.longestMs / 1000 - Math.max(...f.truth.pausesSeconds))).toBeLessThanOrEqual(0.3);
  });

  it('estimates the rate within ±15%', () => {
    const got = figures(f);
    expect(got.wpm! / f.truth.wpm).toBeGreaterThan(0.85);
    expect(got.wpm! / f.truth.wpm).toBeLessThan(1.15);
  });
});

it('orders the rates as they were synthesised (120 < 160 < 200 wpm)', () => {
  const clean = [120, 160, 200].map((wpm) => manifest.fixtures.find((f) => f.synthesisWpm === wpm)!);
  const rates = clean.map((f) => figures(f).wpm!);
  expect(rates[0]).toBeLessThan(rates[1]!);
  expect(rates[1]).toBeLessThan(rates[2]!);
});
