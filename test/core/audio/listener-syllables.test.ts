import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Listener } from '../../../src/core/audio/listener.js';
import { syllablesInWord, syllablesPerWord } from '../../../src/core/audio/syllables.js';
import { readWav } from '../../../src/core/audio/wav.js';

describe('syllables of a script (the pace estimate divides by them)', () => {
  it.each([
    ['team', 1],
    ['rules', 1], // -es after l: silent e
    ['like', 1], // silent final e
    ['table', 2], // -le is a syllable
    ['hardened', 2], // -ed after n: silent e
    ['wanted', 2], // -ed after t is spoken
    ['boxes', 2], // -es after x is spoken
    ['the', 1], // a lone e is the only vowel
    ['complete', 2], // silent final e, even with an "-le" inside the word
    ['pleasure', 2],
    ['bedroom', 2], // "-ed" inside a word is not an ending
    ['web3', 1], // in a word of letters and digits, only the letters count
    ['2fa', 1],
    ['tsk', 1], // no vowel at all is still one syllable
    ['agents', 2],
    ['rhythm', 1],
    ['Coding,', 2],
    ['2026', 4],
    ['—', 0],
  ])('%s has %i', (word, n) => {
    expect(syllablesInWord(word)).toBe(n);
  });

  it('averages over the words, ignoring dashes and bullets; 1.5 when there are no words', () => {
    expect(syllablesPerWord('I like the table — 2026')).toBe((1 + 1 + 1 + 2 + 4) / 5);
    expect(syllablesPerWord('  —  - ')).toBe(1.5);
    expect(syllablesPerWord('')).toBe(1.5);
  });
});

describe('listening to a live attempt', () => {
  const pcm = readWav(readFileSync(new URL('../../fixtures/audio/wpm160-room30.wav', import.meta.url)));
  const bytes = Buffer.alloc(pcm.samples.length * 2);
  pcm.samples.forEach((x, i) => bytes.writeInt16LE(Math.round(x * 32767), i * 2));
  // The voice starts at 1.0 s and its first pause (1 s) starts near 4.1 s.

  it('says when the phase changes, and nothing more is taken once done', () => {
    const l = new Listener(pcm.sampleRate, 800, 1.3);
    const second = pcm.sampleRate * 2;
    expect(l.push(bytes.subarray(0, second / 2))).toBe(false);
    expect(l.get()).toMatchObject({ phase: 'waiting', voiceStartMs: null, voiceEndMs: null, figures: null, heardMs: 500 });
    expect(l.push(bytes.subarray(second / 2, 2 * second))).toBe(true);
    expect(l.get().phase).toBe('speaking');
    expect(Math.abs(l.get().voiceStartMs! - 1000)).toBeLessThanOrEqual(60);
    expect(l.get().figures!.speakingMs).toBeGreaterThan(0);
    expect(l.push(bytes.subarray(2 * second, 3 * second))).toBe(false);
    expect(l.push(bytes.subarray(3 * second, 5 * second))).toBe(true);
    expect(l.get().phase).toBe('done');
    expect(Math.abs(l.get().voiceEndMs! - 4070)).toBeLessThanOrEqual(100);
    const heard = l.get().heardMs;
    expect(l.push(bytes.subarray(5 * second))).toBe(false);
    expect(l.get().heardMs).toBe(heard);
    // --keep-audio keeps what was heard, not what came after the end.
    expect(Buffer.concat(l.chunks).length).toBe(5 * second);
  });

  it('reads a sample split across two chunks, and starts over on reset', () => {
    const whole = new Listener(pcm.sampleRate, 800, 1.3);
    whole.push(bytes.subarray(0, 24001));
    whole.push(bytes.subarray(24001, 60000));
    const once = new Listener(pcm.sampleRate, 800, 1.3);
    once.push(bytes.subarray(0, 60000));
    expect(whole.get()).toEqual(once.get());
    whole.fail('sox stopped (broken pipe)');
    whole.reset();
    expect(whole.get()).toEqual({ phase: 'waiting', voiceStartMs: null, voiceEndMs: null, heardMs: 0, figures: null, error: null });
    expect(whole.chunks).toEqual([]);
    whole.push(bytes.subarray(1, 60000));
    whole.reset();
    whole.push(bytes.subarray(0, 60000));
    expect(whole.get()).toEqual(once.get());
  });

  it('keeps a recorder error through later audio, and ends a voice still going when the stream does', () => {
    const l = new Listener(pcm.sampleRate, 5000, 1.3);
    l.push(bytes.subarray(0, pcm.sampleRate * 2 * 3));
    l.fail('rec stopped (exit 1)');
    l.push(bytes.subarray(pcm.sampleRate * 2 * 3, pcm.sampleRate * 2 * 4));
    expect(l.get()).toMatchObject({ phase: 'speaking', error: 'rec stopped (exit 1)' });
    l.finish();
    expect(l.get()).toMatchObject({ phase: 'done', error: 'rec stopped (exit 1)' });
    const waiting = new Listener(pcm.sampleRate, 5000, 1.3);
    waiting.push(bytes.subarray(0, pcm.sampleRate));
    waiting.finish();
    expect(waiting.get().phase).toBe('waiting');
  });
});
