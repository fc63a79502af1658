import fs from 'node:fs';
import path from 'node:path';
import { openSettings } from '../core/store/settings.js';
import type { Conflict } from './sync-merge.js';
import type { Move } from './sync-move.js';
import { writeWhole } from './sync-write.js';

// Decks whose names went round on one side (a swap: five -> tmp, other -> five, tmp -> other).
// Both sides still have every name, so git merges each name's files as if one deck had been
// changed on both sides, and mixes two decks. Before a move is carried, a name another deck took
// is given back to that deck: its log, deck file and interview date as the side that renamed has
// them. What the other side did under the name since then follows the deck that had it before.

function setDate(dir: string, deck: string, date: string | undefined): boolean {
  if (!fs.existsSync(path.join(dir, 'settings.json'))) return false;
  const settings = openSettings(dir);
  if (date === undefined) settings.clearInterview(deck);
  else settings.setInterview(deck, date);
  return true;
}

function dateIn(dir: string, deck: string): string | undefined {
  if (!fs.existsSync(path.join(dir, 'settings.json'))) return undefined;
  const dates = openSettings(dir).get().interviews;
  return Object.hasOwn(dates, deck) ? dates[deck] : undefined;
}

/**
 * Makes the merge in progress (in `dir`) hold, under `m.from`, what the side that renamed it has
 * there: another deck's log, file and date. A conflict git found on that deck file is dropped
 * (removed from `settled`, its copy deleted): the kept side's edit follows the deck instead.
 * Returns the files it touched, relative to `dir`.
 */
export function giveBack(dir: string, m: Move, settled: Conflict[]): string[] {
  const taken = m.taken!;
  const touched = [`logs/${m.from}.jsonl`];
  const log = path.join(dir, touched[0]!);
  if (taken.log === undefined) fs.rmSync(log, { force: true });
  else writeWhole(log, taken.log);
  for (const file of new Set([m.deckFile, taken.deck?.file])) {
    if (file === undefined) continue;
    const abs = path.join(dir, file);
    for (let i = settled.length - 1; i >= 0; i--) {
      if (settled[i]!.ours !== abs) continue;
      fs.rmSync(settled[i]!.theirs, { force: true });
      settled.splice(i, 1);
    }
    fs.rmSync(abs, { force: true });
    touched.push(file);
  }
  if (taken.deck) writeWhole(path.join(dir, taken.deck.file), taken.deck.text);
  if (setDate(dir, m.from, taken.interview)) touched.push('settings.json');
  return touched;
}

/**
 * A date the kept side set under the old name since the base follows the deck to its new name;
 * should the new name hold a date of its own there (not the one the rename carried), the later
 * date stays. Returns whether settings.json changed.
 */
export function carryTakenDate(dir: string, m: Move): boolean {
  const date = m.taken!.keptInterview;
  if (date === undefined || date === m.baseInterview) return false;
  const mine = dateIn(dir, m.to!);
  if (mine !== undefined && mine !== m.baseInterview && Date.parse(mine) >= Date.parse(date)) return false;
  return setDate(dir, m.to!, date);
}
