import fs from 'node:fs';
import path from 'node:path';
import { fileStamp } from '../core/store/aside.js';
import { heldIn, newLines, recordIds, renamedTo, renameInLine } from '../core/sync/log-moves.js';
import { reviewIds } from '../core/sync/log-merge.js';
import { parseSettingsText } from '../core/sync/settings-merge.js';
import { readText } from '../core/store/safe-read.js';
import { openSettings } from '../core/store/settings.js';
import { freeTheirs, type Conflict } from './sync-merge.js';
import { logsAt, showAt, type Repo } from './sync-repo.js';
import type { Move, Side } from './sync-move.js';
import { carryTakenDate, giveBack } from './sync-taken.js';
import { appendWhole, writeWhole } from './sync-write.js';

// A deck renamed (`prep rename`) or removed (`prep remove`) on one machine shows in git as its
// log and deck file deleted there. Left to git, a machine that still had the deck, and graded
// it meanwhile, would bring the old log back beside the new one. Here such a deletion is told
// apart (a rename keeps every record id; a remove leaves them nowhere) and carried: records the
// other side made under the old name follow the rename, and a removed deck's copy on the side
// that kept it goes to that machine's own `removed/` folder, as `prep remove` does.

const logName = (deck: string) => `logs/${deck}.jsonl`;
const reviews = (n: number) => `${n} review${n === 1 ? '' : 's'}`;
const other = (s: Side): Side => (s === 'ours' ? 'theirs' : 'ours');

/** A deck's file (`decks/x.yaml` or `.yml`) and its text at a revision, if it has one there. */
export async function deckAt(repo: Repo, rev: string, deck: string): Promise<{ file: string; text: string } | undefined> {
  for (const file of [`decks/${deck}.yaml`, `decks/${deck}.yml`]) {
    const text = await showAt(repo, rev, file);
    if (text !== undefined) return { file, text };
  }
  return undefined;
}

async function logTexts(repo: Repo, rev: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const file of await logsAt(repo, rev)) out.set(path.basename(file, '.jsonl'), (await showAt(repo, rev, file)) ?? '');
  return out;
}

async function deckNames(repo: Repo, rev: string): Promise<Set<string>> {
  const r = await repo.git.try(['ls-tree', '--name-only', rev, 'decks/']);
  const files = r.code === 0 ? r.stdout.split('\n').filter((f) => /^decks\/[^/]+\.ya?ml$/.test(f) && !/\.theirs(-\d+)?\.ya?ml$/.test(f)) : [];
  return new Set(files.map((f) => path.basename(f).replace(/\.ya?ml$/, '')));
}

/** Deck files git sees renamed from `base` to `rev` (same or similar text): old name -> new name. */
async function deckRenames(repo: Repo, base: string, rev: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const fields = (await repo.git.run(['diff', '--name-status', '-M', '-z', base, rev, '--', 'decks/'])).split('\0');
  for (let i = 0; i < fields.length; i++) {
    if (!fields[i]!.startsWith('R')) continue;
    const [from, to] = [fields[i + 1]!, fields[i + 2]!];
    i += 2;
    const name = (f: string) => path.basename(f).replace(/\.ya?ml$/, '');
    out.set(name(from), name(to));
  }
  return out;
}

function dateOf(dates: unknown, deck: string): string | undefined {
  const date = typeof dates === 'object' && dates !== null && Object.hasOwn(dates, deck) ? (dates as Record<string, unknown>)[deck] : undefined;
  return typeof date === 'string' ? date : undefined;
}

/**
 * A date the merged settings (in the repository, `dir/settings.json`) still keep under a renamed
 * deck's old name, set there by the side that kept the name, moves to the new name. Should the
 * new name hold a date of its own (not the base's date the rename carried), the later one stays,
 * as when both machines change one date. Through the settings store: under its lock, written
 * whole. Returns whether settings.json changed.
 */
function carryInterview(dir: string, from: string, to: string, baseDate: string | undefined): boolean {
  if (!fs.existsSync(path.join(dir, 'settings.json'))) return false;
  const settings = openSettings(dir);
  const dates = settings.get().interviews;
  const old = dateOf(dates, from);
  if (old === undefined) return false;
  const mine = dateOf(dates, to);
  if (mine === undefined || mine === baseDate || Date.parse(old) > Date.parse(mine)) settings.setInterview(to, old);
  settings.clearInterview(from);
  return true;
}

/** The decks one side renamed or removed since the common base of `ours` and `theirs`. */
export async function planMoves(repo: Repo, ours: string, theirs: string): Promise<Move[]> {
  const found = await repo.git.try(['merge-base', ours, theirs]);
  if (found.code !== 0) return [];
  const base = found.stdout.trim();
  const revs = { ours, theirs };
  const logs = { ours: await logTexts(repo, ours), theirs: await logTexts(repo, theirs) };
  const decks = { ours: await deckNames(repo, ours), theirs: await deckNames(repo, theirs) };
  const has = (s: Side, deck: string) => logs[s].has(deck) || decks[s].has(deck);
  const baseLogs = (await logsAt(repo, base)).map((f) => path.basename(f, '.jsonl'));
  const baseDates = parseSettingsText(await showAt(repo, base, 'settings.json')).interviews;
  const texts = new Map<string, Map<string, string | undefined>>();
  const textsAt = async (rev: string) => {
    if (!texts.has(rev)) texts.set(rev, new Map(await Promise.all([...(await deckNames(repo, rev))].map(async (d) => [d, (await deckAt(repo, rev, d))?.text] as const))));
    return texts.get(rev)!;
  };
  /**
   * Both sides still have the name `deck`: the side where the base's records of it now live in
   * another log (or, for a deck with no records, its unchanged text in another file) renamed it,
   * and another deck took the name (a swap, or names going round). Strictly more records there:
   * logs that already hold both decks' records, mixed by hand say, move nothing.
   */
  const tookName = async (deck: string, baseIds: Set<string>): Promise<{ by: Side; to: string } | undefined> => {
    let went: Record<Side, string | undefined>;
    if (baseIds.size > 0) {
      went = { ours: renamedTo(baseIds, logs.ours), theirs: renamedTo(baseIds, logs.theirs) };
      for (const s of ['ours', 'theirs'] as const) if (went[s] && heldIn(baseIds, logs[s].get(deck)) >= heldIn(baseIds, logs[s].get(went[s]))) went[s] = deck;
    } else {
      const atBase = await textsAt(base);
      const text = atBase.get(deck);
      const find = async (s: Side) => {
        const now = await textsAt(revs[s]);
        if (text === undefined || now.get(deck) === text) return deck;
        return [...now].find(([d, t]) => d !== deck && t === text && atBase.get(d) !== text)?.[0] ?? deck;
      };
      went = { ours: await find('ours'), theirs: await find('theirs') };
    }
    const moved = (['ours', 'theirs'] as const).filter((s) => went[s] !== undefined && went[s] !== deck);
    return moved.length === 1 && went[other(moved[0]!)] === deck ? { by: moved[0]!, to: went[moved[0]!]! } : undefined;
  };
  const moves: Move[] = [];
  for (const deck of new Set([...baseLogs, ...(await deckNames(repo, base))])) {
    const baseIds = recordIds((await showAt(repo, base, logName(deck))) ?? '');
    const gone = (['ours', 'theirs'] as const).filter((s) => !has(s, deck));
    const took = gone.length === 0 ? await tookName(deck, baseIds) : undefined;
    if (gone.length !== 1 && !took) continue;
    const by = took ? took.by : gone[0]!;
    const kept = other(by);
    const keptLog = logs[kept].get(deck) ?? '';
    const keptDeck = await deckAt(repo, revs[kept], deck);
    // The records say where a log went; a deck never drilled has only its file to tell.
    const to = took ? took.to : (renamedTo(baseIds, logs[by]) ?? (await deckRenames(repo, base, revs[by])).get(deck));
    const datesAt = async (s: Side) => parseSettingsText(await showAt(repo, revs[s], 'settings.json')).interviews;
    moves.push({
      from: deck,
      to,
      by,
      keptLog,
      added: newLines(keptLog, baseIds),
      deckFile: keptDeck?.file,
      keptDeck: keptDeck?.text,
      baseDeck: (await deckAt(repo, base, deck))?.text,
      baseInterview: dateOf(baseDates, deck),
      taken: took
        ? { log: logs[by].get(deck), deck: await deckAt(repo, revs[by], deck), interview: dateOf(await datesAt(by), deck), keptInterview: dateOf(await datesAt(kept), deck) }
        : undefined,
    });
  }
  return moves;
}

/**
 * The decks both sides renamed since the common base, each to a name of its own: sync cannot
 * tell which name the user wants, so both decks stay, each with the reviews made before the
 * renames. One line each says so, and how to keep one.
 */
export async function renamedApart(repo: Repo, ours: string, theirs: string): Promise<string[]> {
  const found = await repo.git.try(['merge-base', ours, theirs]);
  if (found.code !== 0) return [];
  const base = found.stdout.trim();
  const [mine, other] = [await logTexts(repo, ours), await logTexts(repo, theirs)];
  const lines: string[] = [];
  for (const file of await logsAt(repo, base)) {
    const deck = path.basename(file, '.jsonl');
    if (mine.has(deck) || other.has(deck)) continue;
    const text = (await showAt(repo, base, file)) ?? '';
    const [here, there] = [renamedTo(recordIds(text), mine), renamedTo(recordIds(text), other)];
    if (here === undefined || there === undefined || here === there) continue;
    const before = reviews(reviewIds(text).size);
    lines.push(`${deck}: renamed to ${here} here and to ${there} on the other machine; both are kept, each with the ${before} made before (prep remove the one you do not want)`);
  }
  return lines;
}

const write = writeWhole;

/**
 * Carries the moves into the merge in progress (before its commit): the old log and deck file
 * leave the tree, records added under the old name join the new log, a deck edited under the
 * old name replaces the renamed one (or, both changed, is a conflict). `userFile` maps a file of
 * the repository to where the user sees it (the config folder's decks, without PREP_HOME);
 * `settled` are the conflicts the merge already found.
 */
export async function carryIntoMerge(repo: Repo, moves: Move[], userFile: (f: string) => string, settled: Conflict[]): Promise<Conflict[]> {
  const conflicts: Conflict[] = [];
  const touched: string[] = [];
  // First every old name leaves the tree, or goes back to the deck that took it, so that what
  // follows a deck to its new name lands on what the side that renamed has there.
  for (const m of moves) {
    if (m.taken) {
      touched.push(...giveBack(repo.dir, m, settled));
      continue;
    }
    fs.rmSync(path.join(repo.dir, logName(m.from)), { force: true });
    touched.push(logName(m.from));
    if (m.deckFile) {
      const abs = path.join(repo.dir, m.deckFile);
      fs.rmSync(abs, { force: true });
      // Without PREP_HOME the user's copy would come back at the next sync: it goes too.
      const mine = userFile(abs);
      if (mine !== abs && m.by === 'theirs' && m.keptDeck !== undefined && readText(mine) === m.keptDeck) fs.rmSync(mine);
      touched.push(m.deckFile);
    }
  }
  for (const m of moves) {
    if (m.to === undefined) continue;
    const edited = m.keptDeck !== undefined && m.keptDeck !== m.baseDeck;
    const newLog = path.join(repo.dir, logName(m.to));
    const moved = m.added.map((line) => renameInLine(line, m.from, m.to!));
    if (moved.length > 0) appendWhole(newLog, `${moved.join('\n')}\n`);
    touched.push(logName(m.to));
    if (m.taken ? carryTakenDate(repo.dir, m) : carryInterview(repo.dir, m.from, m.to, m.baseInterview)) touched.push('settings.json');
    const target = m.deckFile && path.join(repo.dir, m.deckFile.replace(/\/[^/]+(\.ya?ml)$/, `/${m.to}$1`));
    // Git may have carried the edit itself (it follows renames), or found a conflict there.
    if (edited && target && !settled.some((c) => c.ours === target)) {
      const renamed = readText(target);
      if (renamed === undefined || renamed === m.baseDeck || renamed === m.keptDeck) write(target, m.keptDeck!);
      else {
        // Changed on both sides: ours stays in the deck, theirs beside it, for a person.
        const [mine, theirs] = m.by === 'theirs' ? [m.keptDeck!, renamed] : [renamed, m.keptDeck!];
        write(target, mine);
        const aside = freeTheirs(target);
        write(aside, theirs);
        conflicts.push({ ours: target, theirs: aside });
      }
      touched.push(path.relative(repo.dir, target));
    }
  }
  for (const f of new Set(touched)) {
    if (fs.existsSync(path.join(repo.dir, f))) await repo.git.run(['add', '--', f]);
    else await repo.git.run(['rm', '--cached', '--quiet', '--ignore-unmatch', '--', f]);
  }
  return conflicts;
}

/**
 * What a move leaves on this machine: for a remove, the copy of the side that kept the deck
 * (this machine's, or the other machine's if it graded or edited it since) is saved to
 * `<data>/removed/<deck>-<stamp>/`, as `prep remove` saves it. Returns the line to print.
 */
export function keepAndSay(m: Move, dataDir: string): string | undefined {
  const grades = reviewIds(m.keptLog).size;
  if (m.to !== undefined) {
    const n = reviewIds(m.added.join('\n')).size;
    if (m.by === 'theirs') return `${m.from}: renamed to ${m.to} on the other machine${n > 0 ? `; ${reviews(n)} made here under the old name moved with it` : ''}`;
    return `${m.from}: renamed to ${m.to} here${n > 0 ? `; ${reviews(n)} the other machine made under the old name moved with it` : ''}`;
  }
  const changed = m.added.length > 0 || (m.keptDeck !== undefined && m.keptDeck !== m.baseDeck);
  if (m.by === 'ours' && !changed) return `${m.from}: removed here, and on the other machine at its next sync`;
  const dir = path.join(dataDir, 'removed', `${m.from}-${fileStamp()}`);
  fs.mkdirSync(dir, { recursive: true });
  if (m.deckFile && m.keptDeck !== undefined) writeWhole(path.join(dir, path.basename(m.deckFile)), m.keptDeck);
  if (m.keptLog !== '') writeWhole(path.join(dir, `${m.from}.jsonl`), m.keptLog);
  const what = `${m.keptDeck !== undefined ? 'deck and ' : ''}${reviews(grades)}`;
  return m.by === 'theirs'
    ? `${m.from}: removed on the other machine; this machine's copy (${what}) is in ${dir}`
    : `${m.from}: removed here; the other machine's copy (${what}), changed since, is in ${dir}`;
}
