import { figuresOf, type SpeechFigures } from './analyse.js';
import { VoiceDetector } from './vad.js';

/** waiting: no voice yet; speaking: the clock runs; done: a silence ended it. */
export type ListenPhase = 'waiting' | 'speaking' | 'done';

export interface ListenStatus {
  phase: ListenPhase;
  /** Audio time (ms since listening began) of the first and last voice. */
  voiceStartMs: number | null;
  voiceEndMs: number | null;
  /** Audio heard so far, ms. */
  heardMs: number;
  /** The figures once done (and of the speech so far while speaking). */
  figures: SpeechFigures | null;
  /** The recorder failed: its last words. */
  error: string | null;
}

/**
 * Turns a stream of raw 16-bit mono PCM into a timed attempt: the clock starts at the first
 * voice (a burst under 150 ms does not count) and stops at the last voice once a silence of
 * `stopAfterMs` has followed it. Pure: bytes in, status out; the recorder is someone else's.
 */
export class Listener {
  private vad: VoiceDetector;
  private status: ListenStatus;
  private odd: Buffer | null = null;
  /** Every byte heard since the last reset, for --keep-audio. */
  readonly chunks: Buffer[] = [];

  constructor(
    readonly sampleRate: number,
    readonly stopAfterMs: number,
    private readonly syllablesPerWord: number,
  ) {
    this.vad = new VoiceDetector(sampleRate);
    this.status = Listener.fresh();
  }

  private static fresh(): ListenStatus {
    return { phase: 'waiting', voiceStartMs: null, voiceEndMs: null, heardMs: 0, figures: null, error: null };
  }

  get(): ListenStatus {
    return this.status;
  }

  /** Starts over for a new attempt (the recorder keeps running). */
  reset(): void {
    this.vad = new VoiceDetector(this.sampleRate);
    this.status = Listener.fresh();
    this.chunks.length = 0;
    this.odd = null;
  }

  /** The stream ended (the recorder stopped, a file ran out): a voice still going ends here. */
  finish(): void {
    if (this.status.phase === 'speaking') this.status = { ...this.status, phase: 'done' };
  }

  fail(why: string): void {
    this.status = { ...this.status, error: why };
  }

  /** Feeds bytes; returns true when the status changed phase. */
  push(bytes: Buffer): boolean {
    if (this.status.phase === 'done') return false;
    this.chunks.push(bytes);
    const data = this.odd ? Buffer.concat([this.odd, bytes]) : bytes;
    const whole = data.length - (data.length % 2);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: an empty remainder kept is joined to the next chunk as nothing
    this.odd = whole < data.length ? data.subarray(whole) : null;
    const samples = new Float32Array(whole / 2);
    for (let i = 0; i < samples.length; i++) samples[i] = data.readInt16LE(i * 2) / 32768;
    this.vad.push(samples);

    const before = this.status.phase;
    const segs = this.vad.segments();
    const first = segs[0];
    const last = segs[segs.length - 1];
    const heardMs = this.vad.ms;
    let phase: ListenPhase = first ? 'speaking' : 'waiting';
    if (last && heardMs - last.endMs >= this.stopAfterMs && !this.vad.active[this.vad.active.length - 1]) phase = 'done';
    this.status = {
      phase,
      voiceStartMs: first?.startMs ?? null,
      voiceEndMs: last?.endMs ?? null,
      heardMs,
      figures: phase === 'waiting' ? null : figuresOf(this.vad, this.syllablesPerWord),
      error: this.status.error,
    };
    return phase !== before;
  }
}
