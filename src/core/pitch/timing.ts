import type { Card } from '../deck/types.js';
import { DEFAULT_PITCH_SECONDS } from '../deck/defaults.js';

/** Within this many seconds of the target (either way) a pitch is on target. */
export const ON_TARGET_SECONDS = 3;
/** The timer warns during the last this-many seconds before the target. */
export const WARNING_SECONDS = 5;

/** How a finished attempt compares with its target. */
export type Verdict = 'on target' | 'short' | 'long';

/** Where a running timer stands: in time, in its last seconds, or past the target. */
export type TimerZone = 'pace' | 'warning' | 'over';

/**
 * Whole tenths of a second reached after `ms`. Everything shown is computed from this, so the
 * clock, the difference and the verdict always agree (and a timer never shows a tenth early).
 */
export function tenths(ms: number): number {
  return Math.max(0, Math.floor(ms / 100));
}

/** A duration as the timer shows it: "00:26.0", "01:05.3". */
export function formatClock(ms: number): string {
  const t = tenths(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(t / 600))}:${pad(Math.floor(t / 10) % 60)}.${t % 10}`;
}

/** A duration in seconds with one decimal: "33.4 s". */
export function formatSeconds(ms: number): string {
  const t = tenths(ms);
  return `${Math.floor(t / 10)}.${t % 10} s`;
}

/** Signed difference to the target in tenths of a second (positive = longer than the target). */
export function diffTenths(ms: number, targetSeconds: number): number {
  return tenths(ms) - targetSeconds * 10;
}

/** The difference to the target: "+3.4 s", "-6.1 s", "±0.0 s". */
export function formatDiff(ms: number, targetSeconds: number): string {
  const d = diffTenths(ms, targetSeconds);
  const sign = d > 0 ? '+' : d < 0 ? '-' : '±';
  const a = Math.abs(d);
  return `${sign}${Math.floor(a / 10)}.${a % 10} s`;
}

/** On target within ±{@link ON_TARGET_SECONDS} s (inclusive), else short or long. */
export function verdict(ms: number, targetSeconds: number): Verdict {
  const d = diffTenths(ms, targetSeconds);
  if (Math.abs(d) <= ON_TARGET_SECONDS * 10) return 'on target';
  // Stryker disable next-line EqualityOperator: d is 0 only on target, returned above
  return d < 0 ? 'short' : 'long';
}

/** The zone of a running timer: the last {@link WARNING_SECONDS} s before the target warn; past it is over. */
export function timerZone(ms: number, targetSeconds: number): TimerZone {
  const left = targetSeconds * 10 - tenths(ms);
  if (left < 0) return 'over';
  return left <= WARNING_SECONDS * 10 ? 'warning' : 'pace';
}

/** The zone in words, where colour would say it (NO_COLOR): "[on pace]", "[4 s left]", "[over]". */
export function zoneWords(ms: number, targetSeconds: number): string {
  const zone = timerZone(ms, targetSeconds);
  if (zone === 'pace') return '[on pace]';
  if (zone === 'warning') return `[${secondsLeft(ms, targetSeconds)} s left]`;
  return '[over]';
}

/** Whole seconds left before the target, rounded up (what "5 s left" counts). */
export function secondsLeft(ms: number, targetSeconds: number): number {
  return Math.max(0, Math.ceil((targetSeconds * 10 - tenths(ms)) / 10));
}

/** The target length of a pitch card in seconds: its `seconds`, else the default (30). */
export function pitchTargetSeconds(card: Pick<Card, 'seconds'>): number {
  return card.seconds ?? DEFAULT_PITCH_SECONDS;
}
