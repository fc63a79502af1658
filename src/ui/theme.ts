// Colour in one place: the NO_COLOR rule (https://no-color.org: set and not empty) for the live
// screens and for the printed reports. No React here: the commands read it before Ink loads.
import type { TimerZone } from '../core/pitch/timing.js';
import type { Grade } from '../core/store/log-records.js';

/**
 * True when the user asked for no colour (https://no-color.org: NO_COLOR set and not empty).
 * Live screens then say in words what colour would say. Read at render time, so tests can set
 * it per test. The printed reports (list, stats) take their mode from <ColourMode> instead,
 * which the command sets from the same rule and from whether the output is a terminal.
 */
export function colorsOff(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.NO_COLOR);
}

/**
 * Whether to draw in colour: never with NO_COLOR (https://no-color.org: set and not empty),
 * as FORCE_COLOR says when set, else only on a terminal that knows colour. Off, the pictures
 * switch to shades and marks that read without it.
 */
export function wantsColour(env: NodeJS.ProcessEnv = process.env, isTTY = process.stdout.isTTY === true): boolean {
  if (colorsOff(env)) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTTY && env.TERM !== 'dumb';
}

/**
 * What a colour means on screen. Components ask for a role, never a colour name, so the palette
 * is this one table and NO_COLOR is answered here: off, every role has no colour, and the
 * component says in words (a mark, a label) what the colour would have said.
 */
export type Role = 'accent' | 'heading' | 'due' | 'over' | 'warning' | 'covered' | 'missed' | 'good' | 'easy' | 'error';

const PALETTE: Record<Role, string> = {
  accent: 'cyan',
  heading: 'yellow',
  due: 'yellow',
  over: 'red',
  warning: 'yellow',
  covered: 'green',
  missed: 'red',
  good: 'green',
  easy: 'blue',
  error: 'red',
};

/** The role of each grade's name in the grade bar: Again, Hard, Good, Easy. */
export const GRADE_ROLE: Record<Grade, Role> = { 1: 'missed', 2: 'warning', 3: 'good', 4: 'easy' };

/** The role of a running clock's zone (the pitch timer, the mock's answer clock). */
export const ZONE_ROLE: Record<TimerZone, Role> = { pace: 'good', warning: 'warning', over: 'over' };

/** The colour of a role, or undefined under NO_COLOR. */
export function tone(role: Role, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return colorsOff(env) ? undefined : PALETTE[role];
}
