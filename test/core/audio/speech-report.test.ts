import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { analysePcm, RATE_METHOD } from '../../../src/core/audio/analyse.js';
import { describeSpeech, speechReport } from '../../../src/core/audio/describe.js';
import { syllablesPerWord } from '../../../src/core/audio/syllables.js';
import { readWav } from '../../../src/core/audio/wav.js';

// What `prep pitch --audio` prints, from the committed espeak-ng fixtures (see
// scripts/make-audio-fixtures.mjs): 3 clauses with pauses of 1 s and 1.5 s between them.
const DIR = new URL('../../fixtures/audio/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', DIR), 'utf8')) as { text: string };
const spw = syllablesPerWord(manifest.text);
const figuresOf = (file: string) => analysePcm(readWav(readFileSync(new URL(file, DIR))), spw);
// Analysed inside each test (not while collecting them), so mutation testing sees which test uses it.
let clean: ReturnType<typeof figuresOf>;
beforeEach(() => {
  clean = figuresOf('wpm120-clean.wav');
});

describe('the report of a spoken pitch', () => {
  it('says the speaking time against the target, with the verdict prep pitch gives', () => {
    // 14.4 s of speech: short of 30 s, on target for 12 s (within 3 s), long for 10 s.
    expect(describeSpeech(clean, 30)[0]).toBe('Speaking time  14.4 s · -15.6 s against 30 s · short');
    expect(describeSpeech(clean, 12)[0]).toBe('Speaking time  14.4 s · +2.4 s against 12 s · on target');
    expect(describeSpeech(clean, 10)[0]).toBe('Speaking time  14.4 s · +4.4 s against 10 s · long');
  });

  it('counts the pauses and names the longest; says so when there is none', () => {
    expect(describeSpeech(clean, 30)[1]).toBe('Pauses         2 of 0.5 s or more, the longest 1.5 s');
    const none = { ...clean, pauses: { count: 0, longestMs: 0, list: [] } };
    expect(describeSpeech(none, 30)[1]).toBe('Pauses         no pause of 0.5 s or more');
  });

  it('gives the pace in words a minute and how it was estimated', () => {
    expect(describeSpeech(clean, 30)[2]).toBe(
      `Pace           about ${Math.round(clean.wpm!)} words a minute (estimated: ${clean.syllables} syllables at 1.27 per word of the script)`,
    );
    // espeak-ng spoke 125 words a minute here (the manifest's truth); the estimate is near it.
    expect(Math.abs(clean.wpm! - 125)).toBeLessThan(125 * 0.15);
    expect(describeSpeech(clean, 30)).toHaveLength(3);
  });

  it('says "No voice found." for silence, and its --json has no verdict, pace or voice times', () => {
    const silence = analysePcm({ sampleRate: 8000, samples: new Float32Array(16000) }, spw);
    expect(describeSpeech(silence, 30)).toEqual(['No voice found.']);
    expect(speechReport(silence, 30)).toEqual({
      speakingSeconds: 0,
      targetSeconds: 30,
      verdict: null,
      diff: null,
      voiceStartSeconds: null,
      voiceEndSeconds: null,
      durationSeconds: 2,
      pauses: { count: 0, longestSeconds: 0, atSeconds: [], seconds: [] },
      wpm: null,
      syllables: 0,
      syllablesPerWord: 1.27,
      rateMethod: RATE_METHOD,
    });
  });

  it('--json gives every figure in seconds, to the millisecond', () => {
    const r = speechReport(clean, 30);
    expect(r).toMatchObject({ speakingSeconds: 14.4, targetSeconds: 30, verdict: 'short', diff: '-15.6 s', voiceStartSeconds: 0.8, voiceEndSeconds: 15.2 });
    expect(r.durationSeconds).toBe(16.188);
    expect(r.pauses.count).toBe(2);
    expect(r.pauses.longestSeconds).toBe(1.5);
    // The pauses start where the first and second clause end (about 4.9 s and 10.4 s).
    expect(r.pauses.atSeconds).toEqual([clean.pauses.list[0]!.atMs / 1000, clean.pauses.list[1]!.atMs / 1000]);
    expect(Math.abs(r.pauses.atSeconds[0]! - 4.9)).toBeLessThan(0.2);
    expect(Math.abs(r.pauses.atSeconds[1]! - 10.4)).toBeLessThan(0.2);
    expect(r.pauses.seconds.map((s) => Math.round(s))).toEqual([1, 2]);
    expect(r.wpm).toBe(Math.round(clean.wpm!));
    expect(Number.isInteger(r.wpm)).toBe(true);
    expect(r.syllables).toBe(clean.syllables);
    expect(r.syllablesPerWord).toBe(1.27);
    expect(r.rateMethod).toBe(RATE_METHOD);
  });
});
