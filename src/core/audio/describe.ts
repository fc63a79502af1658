import { formatDiff, formatSeconds, verdict, type Verdict } from '../pitch/timing.js';
import type { SpeechFigures } from './analyse.js';

/** The figures of a spoken attempt, in seconds, as `--json` prints them. */
export interface SpeechReport {
  speakingSeconds: number;
  targetSeconds: number;
  /** The same verdict `prep pitch` gives a timed attempt. */
  verdict: Verdict | null;
  diff: string | null;
  voiceStartSeconds: number | null;
  voiceEndSeconds: number | null;
  durationSeconds: number;
  pauses: { count: number; longestSeconds: number; atSeconds: number[]; seconds: number[] };
  wpm: number | null;
  syllables: number;
  syllablesPerWord: number;
  rateMethod: string;
}

const s = (ms: number) => Math.round(ms) / 1000;

/** Figures in seconds, with the verdict against `targetSeconds`. */
export function speechReport(f: SpeechFigures, targetSeconds: number): SpeechReport {
  const voiced = f.speakingMs > 0;
  return {
    speakingSeconds: s(f.speakingMs),
    targetSeconds,
    verdict: voiced ? verdict(f.speakingMs, targetSeconds) : null,
    diff: voiced ? formatDiff(f.speakingMs, targetSeconds) : null,
    voiceStartSeconds: f.voiceStartMs === null ? null : s(f.voiceStartMs),
    voiceEndSeconds: f.voiceEndMs === null ? null : s(f.voiceEndMs),
    durationSeconds: s(f.durationMs),
    pauses: { count: f.pauses.count, longestSeconds: s(f.pauses.longestMs), atSeconds: f.pauses.list.map((p) => s(p.atMs)), seconds: f.pauses.list.map((p) => s(p.ms)) },
    wpm: f.wpm === null ? null : Math.round(f.wpm),
    syllables: f.syllables,
    syllablesPerWord: Math.round(f.syllablesPerWord * 100) / 100,
    rateMethod: f.method,
  };
}

/** The figures as lines of text: speaking time and verdict, pauses, pace (with its method). */
export function describeSpeech(f: SpeechFigures, targetSeconds: number): string[] {
  if (f.speakingMs === 0) return ['No voice found.'];
  const r = speechReport(f, targetSeconds);
  const pauses =
    r.pauses.count === 0
      ? 'no pause of 0.5 s or more'
      : `${r.pauses.count} of 0.5 s or more, the longest ${formatSeconds(f.pauses.longestMs)}`;
  return [
    `Speaking time  ${formatSeconds(f.speakingMs)} · ${r.diff} against ${targetSeconds} s · ${r.verdict}`,
    `Pauses         ${pauses}`,
    `Pace           about ${r.wpm} words a minute (estimated: ${f.syllables} syllables at ${r.syllablesPerWord} per word of the script)`,
  ];
}
