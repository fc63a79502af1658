import { InvalidArgumentError } from 'commander';
import { parseInterview } from '../core/store/interview-date.js';

// Commander option parsers: a bad value is reported with the command's usage and exit code 2.

/** `--interview`: a real date, or date and time. */
export function interviewArg(value: string): string {
  const text = value.trim();
  if (!parseInterview(text)) {
    throw new InvalidArgumentError(`"${value}" is not a date: use 2026-12-03 (09:00) or 2026-12-03T14:00.`);
  }
  return text;
}

/** `--limit`: a whole number, 1 or more. */
export function positiveInt(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError(`"${value}" is not a whole number of cards (1 or more).`);
  }
  return n;
}

/** `--stop-after`: seconds of silence, 0.5 to 30. */
export function secondsArg(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0.5 || n > 30) {
    throw new InvalidArgumentError(`"${value}" is not a number of seconds from 0.5 to 30.`);
  }
  return n;
}

/** `--order` of prep mock: random (weighted) or deck. */
export function mockOrder(value: string): 'random' | 'deck' {
  if (value !== 'random' && value !== 'deck') throw new InvalidArgumentError(`"${value}" is not an order: use random or deck.`);
  return value;
}
