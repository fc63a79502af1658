import { Biquad } from './biquad.js';

/** The analysis hop: every figure is in steps of this many milliseconds. */
export const HOP_MS = 10;
/** Louder than the noise floor by this much starts voice... */
export const ONSET_DB = 9;
/** ...and voice holds while it stays this much above it. */
export const HOLD_DB = 5;
/** Nothing quieter than this (dBFS) is voice, however quiet the room. */
export const SILENCE_DBFS = -70;
/** Gaps shorter than this inside speech (stops, word joins) are not pauses. */
export const JOIN_MS = 300;
/** A burst shorter than this (a click, a breath) is not speech. */
export const MIN_VOICE_MS = 150;
/** The noise floor is the quietest moment of the last this-many milliseconds. */
const FLOOR_WINDOW_MS = 5000;
const FLOOR_BLOCK_HOPS = 50;

/** A stretch of speech, in milliseconds from the start of the audio. */
export interface VoiceSegment {
  startMs: number;
  endMs: number;
}

const toDb = (meanSquare: number) => 10 * Math.log10(meanSquare + 1e-12);

/**
 * Voice activity with an adaptive noise floor, fed in chunks of any size (a file at once, or a
 * microphone as it streams). Each 10 ms hop gets a level (20 ms window, after an 80 Hz high-pass)
 * and a vowel-band level (300-1500 Hz, where syllable nuclei are loudest). The noise floor is
 * the quietest level of the last 5 s, so steady room noise sets it, and voice is what rises
 * {@link ONSET_DB} above it: a hum at -30 dBFS is never speech, a quiet voice in a quiet room is.
 */
export class VoiceDetector {
  /** Per-hop level in dBFS (full band) and in the vowel band. */
  readonly levelDb: number[] = [];
  readonly bandDb: number[] = [];
  /** Per-hop: was it voice (before joining gaps and dropping bursts)? */
  readonly active: boolean[] = [];
  /** Per-hop noise floor, dBFS. */
  readonly floorDb: number[] = [];

  private readonly hop: number;
  private readonly hp: Biquad;
  private readonly bandHp: Biquad;
  private readonly bandLp: Biquad;
  private sum = 0;
  private bandSum = 0;
  private fill = 0;
  private prevSum = 0;
  private prevBand = 0;
  private readonly blockMins: number[] = [];
  private blockMin = Infinity;
  private on = false;

  /** Input samples averaged into one analysed sample (speech needs no more than ~16 kHz). */
  private readonly factor: number;
  private acc = 0;
  private accN = 0;

  constructor(readonly sampleRate: number) {
    this.factor = Math.max(1, Math.floor(sampleRate / 16000));
    const rate = sampleRate / this.factor;
    this.hop = Math.max(1, Math.round((rate * HOP_MS) / 1000));
    // Stryker disable StringLiteral: any kind but 'low' is a high-pass
    this.hp = Biquad.pass('high', 80, rate);
    this.bandHp = Biquad.pass('high', 300, rate);
    // Stryker restore StringLiteral
    this.bandLp = Biquad.pass('low', 1500, rate);
  }

  /** Milliseconds of audio analysed so far (whole hops). */
  get ms(): number {
    return this.levelDb.length * HOP_MS;
  }

  push(samples: Float32Array): void {
    for (let i = 0; i < samples.length; i++) {
      // Averaging `factor` samples is a crude low-pass, enough for levels below 4 kHz.
      // Stryker disable next-line AssignmentOperator: subtracting only negates the signal, and only its square is used
      this.acc += samples[i]!;
      if (++this.accN < this.factor) continue;
      const x = this.hp.step(this.acc / this.factor);
      this.acc = 0;
      this.accN = 0;
      const b = this.bandLp.step(this.bandHp.step(x));
      this.sum += x * x;
      this.bandSum += b * b;
      if (++this.fill === this.hop) this.endHop();
    }
  }

  private endHop(): void {
    const n = 2 * this.hop;
    const level = toDb((this.sum + this.prevSum) / n);
    this.bandDb.push(toDb((this.bandSum + this.prevBand) / n));
    this.prevSum = this.sum;
    this.prevBand = this.bandSum;
    this.sum = this.bandSum = 0;
    this.fill = 0;

    this.blockMin = Math.min(this.blockMin, level);
    const floor = Math.min(this.blockMin, ...this.blockMins);
    if ((this.levelDb.length + 1) % FLOOR_BLOCK_HOPS === 0) {
      this.blockMins.push(this.blockMin);
      if (this.blockMins.length > FLOOR_WINDOW_MS / HOP_MS / FLOOR_BLOCK_HOPS) this.blockMins.shift();
      this.blockMin = Infinity;
    }
    const above = level - Math.max(floor, SILENCE_DBFS - ONSET_DB);
    this.on = level > SILENCE_DBFS && above > (this.on ? HOLD_DB : ONSET_DB);
    this.levelDb.push(level);
    this.floorDb.push(floor);
    this.active.push(this.on);
  }

  /**
   * The speech so far: voiced hops joined across gaps under {@link JOIN_MS}, bursts under
   * {@link MIN_VOICE_MS} dropped. The last segment may still be growing.
   */
  segments(): VoiceSegment[] {
    const out: VoiceSegment[] = [];
    let start = -1;
    // Stryker disable next-line UnaryOperator: end is read only once start is set, which sets end too
    let end = -1;
    const close = () => {
      if (start >= 0 && (end - start) * HOP_MS >= MIN_VOICE_MS) out.push({ startMs: start * HOP_MS, endMs: end * HOP_MS });
    };
    const joinHops = JOIN_MS / HOP_MS;
    this.active.forEach((on, i) => {
      if (!on) return;
      if (start >= 0 && i - end <= joinHops) {
        end = i + 1;
        return;
      }
      close();
      start = i;
      end = i + 1;
    });
    close();
    return out;
  }
}
