import { HOP_MS, VoiceDetector, type VoiceSegment } from './vad.js';
import type { Pcm } from './wav.js';

/** Silences inside the speech at least this long are pauses. */
export const PAUSE_MS = 500;
/** A syllable nucleus is a vowel-band peak rising this far above the dips on both sides. */
const DIP_DB = 2.5;
/** ...and at least this far above the noise floor. */
const NUCLEUS_OVER_FLOOR_DB = 12;

/** How the rate is estimated; shown with it, so nobody mistakes it for a word count. */
export const RATE_METHOD = "syllable nuclei per second (peaks of the 300-1500 Hz energy envelope) divided by the script's syllables per word";

/** What a recording tells about a spoken attempt. */
export interface SpeechFigures {
  /** First voice to last voice, ms; 0 when there is no voice. */
  speakingMs: number;
  /** Where the voice starts and ends in the recording, ms (null with no voice). */
  voiceStartMs: number | null;
  voiceEndMs: number | null;
  /** Silences of {@link PAUSE_MS} or more between first and last voice. */
  pauses: { count: number; longestMs: number; list: { atMs: number; ms: number }[] };
  /** Syllable nuclei found in the speech. */
  syllables: number;
  syllablesPerWord: number;
  /** Estimated words a minute over the speaking time (pauses included); null with no voice. */
  wpm: number | null;
  method: string;
  /** Length of the whole recording, ms. */
  durationMs: number;
}

/** The figures of a whole recording. */
export function analysePcm(pcm: Pcm, syllablesPerWord: number): SpeechFigures {
  const vad = new VoiceDetector(pcm.sampleRate);
  vad.push(pcm.samples);
  return figuresOf(vad, syllablesPerWord, (pcm.samples.length / pcm.sampleRate) * 1000);
}

/** The figures of what a detector has heard so far (used by live listening too). */
export function figuresOf(vad: VoiceDetector, syllablesPerWord: number, durationMs = vad.ms): SpeechFigures {
  const segs = vad.segments();
  const first = segs[0];
  const last = segs[segs.length - 1];
  const list: { atMs: number; ms: number }[] = [];
  for (let i = 1; i < segs.length; i++) {
    const gap = segs[i]!.startMs - segs[i - 1]!.endMs;
    if (gap >= PAUSE_MS) list.push({ atMs: segs[i - 1]!.endMs, ms: gap });
  }
  const speakingMs = first && last ? last.endMs - first.startMs : 0;
  const syllables = countNuclei(vad, segs);
  return {
    speakingMs,
    voiceStartMs: first?.startMs ?? null,
    voiceEndMs: last?.endMs ?? null,
    pauses: { count: list.length, longestMs: list.reduce((m, p) => Math.max(m, p.ms), 0), list },
    syllables,
    syllablesPerWord,
    wpm: speakingMs > 0 ? (syllables / (speakingMs / 60_000)) / syllablesPerWord : null,
    method: RATE_METHOD,
    durationMs,
  };
}

/**
 * Counts syllable nuclei (after de Jong & Wempe's intensity-peak method): peaks of the smoothed
 * vowel-band level inside speech, well above the noise floor, each separated from the previous
 * one by a dip of {@link DIP_DB} on both sides.
 */
function countNuclei(vad: VoiceDetector, segs: readonly VoiceSegment[]): number {
  const band = smooth(vad.bandDb);
  let count = 0;
  for (const seg of segs) {
    let lastPeak: number | null = null;
    let dip = Infinity;
    const from = seg.startMs / HOP_MS;
    const to = Math.min(band.length - 1, seg.endMs / HOP_MS);
    for (let i = from; i < to; i++) {
      const v = band[i]!;
      dip = Math.min(dip, v);
      const isPeak = i > from && v >= band[i - 1]! && v > band[i + 1]!;
      if (!isPeak || v < vad.floorDb[i]! + NUCLEUS_OVER_FLOOR_DB) continue;
      if (lastPeak === null || (lastPeak - dip >= DIP_DB && v - dip >= DIP_DB)) {
        count++;
        lastPeak = v;
        dip = v;
      } else if (v > lastPeak) {
        // The same nucleus, rising further: follow it up.
        lastPeak = v;
        dip = v;
      }
    }
  }
  return count;
}

/** A centred 5-hop (50 ms) moving average: one syllable, one hump. */
function smooth(xs: readonly number[]): Float64Array {
  const out = new Float64Array(xs.length);
  for (let i = 0; i < xs.length; i++) {
    let sum = 0;
    let n = 0;
    for (let j = Math.max(0, i - 2); j <= Math.min(xs.length - 1, i + 2); j++, n++) sum += xs[j]!;
    out[i] = sum / n;
  }
  return out;
}
