// The three-way merge of settings.json that `prep sync` does itself when both machines changed
// it (git is told never to merge the file as text: two edits of adjacent JSON lines can merge
// "cleanly" into a file that is not JSON, or lose a key without a conflict).

import { WRITTEN_AT } from '../store/settings.js';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const time = (v: unknown) => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? Date.parse(v) : -Infinity);

/** The value of one key after both sides' changes: a change on one side wins; on both, `pick` decides. */
function threeWay(base: unknown, ours: unknown, theirs: unknown, pick: () => unknown): unknown {
  // Stryker disable next-line ConditionalExpression: equal sides differ from the base together, and pick() returns one of the two equal values
  if (same(ours, theirs)) return ours;
  if (same(ours, base)) return theirs;
  if (same(theirs, base)) return ours;
  return pick();
}

function keys(...objs: Obj[]): string[] {
  return [...new Set(objs.flatMap((o) => Object.keys(o)))];
}

function put(out: Obj, key: string, value: unknown): void {
  if (value !== undefined) out[key] = value;
}

/** Interview dates: a date changed (or cleared) on one side only wins; changed on both, the later date is kept. */
function mergeInterviews(base: unknown, ours: unknown, theirs: unknown): Obj {
  const [b, o, t] = [base, ours, theirs].map((x) => (isObj(x) ? x : {})) as [Obj, Obj, Obj];
  const out: Obj = {};
  for (const deck of keys(o, t, b)) {
    put(out, deck, threeWay(b[deck], o[deck], t[deck], () => {
      // Stryker disable next-line ConditionalExpression: time(undefined) is -Infinity, so the comparison below picks the same
      if (o[deck] === undefined) return t[deck];
      // Stryker disable next-line ConditionalExpression: as above
      if (t[deck] === undefined) return o[deck];
      // Stryker disable next-line EqualityOperator: the same instant written two ways; either spelling is the same date
      return time(t[deck]) > time(o[deck]) ? t[deck] : o[deck];
    }));
  }
  return out;
}

/**
 * Merges three versions of settings.json (the common `base`, `ours`, `theirs`; a missing or
 * unreadable file is `{}`), key by key. A key changed on one side only takes that change; changed
 * on both, the later write wins (by the `writtenAt` times the settings store records), and for
 * the interview date of a deck the later date is kept. Keys prep does not know are merged the
 * same way, so a newer prep's settings survive.
 */
export function mergeSettings(base: unknown, ours: unknown, theirs: unknown): Obj {
  const [b, o, t] = [base, ours, theirs].map((x) => (isObj(x) ? x : {})) as [Obj, Obj, Obj];
  const [bw, ow, tw] = [b, o, t].map((x) => (isObj(x[WRITTEN_AT]) ? x[WRITTEN_AT] : {})) as [Obj, Obj, Obj];
  const out: Obj = {};
  for (const key of keys(o, t, b)) {
    if (key === WRITTEN_AT) continue;
    if (key === 'interviews') {
      out.interviews = mergeInterviews(b.interviews, o.interviews, t.interviews);
      continue;
    }
    // Stryker disable next-line EqualityOperator: two writes in the same millisecond on two machines; either value is a fair pick
    put(out, key, threeWay(b[key], o[key], t[key], () => (time(tw[key]) > time(ow[key]) ? t[key] : o[key])));
  }
  const written: Obj = {};
  for (const key of keys(ow, tw, bw)) {
    const later = [ow[key], tw[key], bw[key]].filter((x) => time(x) > -Infinity).sort((x, y) => time(y) - time(x))[0];
    put(written, key, later);
  }
  if (Object.keys(written).length > 0) out[WRITTEN_AT] = written;
  return out;
}

/** Parses a settings.json text; anything but a JSON object reads as `{}`. */
export function parseSettingsText(text: string | undefined): Obj {
  // Stryker disable next-line ConditionalExpression: without it JSON.parse(undefined) throws into the catch below, which returns {} too
  if (text === undefined) return {};
  try {
    const value: unknown = JSON.parse(text);
    return isObj(value) ? value : {};
  } catch {
    return {};
  }
}

/** The text prep's settings store writes (tab-indented JSON ending in a newline), so a merge changes only the keys that differ. */
export function settingsText(values: Obj): string {
  return `${JSON.stringify(values, undefined, '\t')}\n`;
}
