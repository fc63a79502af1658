import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { pointWarnings } from '../core/answer/point-lint.js';
import { listDecks } from '../core/deck/locate.js';
import { MAX_DECK_BYTES, readDeckBytes, UnreadableDeckError } from '../core/deck/read-deck-file.js';
import { slugify } from '../core/deck/slug.js';
import { inert } from '../core/text/inert.js';
import { formatProblem } from '../core/deck/types.js';
import { DeckTooBigError, PieceChecker } from '../core/import/checked-pieces.js';
import { importInput, prepareInput, type ImportInput } from '../core/import/import-text.js';
import { droppedControls, droppedWords } from '../core/import/control-bytes.js';
import { TooLongError } from '../core/import/limits.js';
import { DeckYamlWriter } from '../core/import/to-yaml.js';
import { hasCards, type DraftDeck, type DraftQuestion, type ImportResult } from '../core/import/types.js';
import { holdYoungGeneration, setInputFlags } from './import-heap.js';
import { processIO, shownPath, type CommandIO } from './command-io.js';
import { context } from './context.js';
import { EXIT_USAGE, UserError } from './user-error.js';
import { checkDeckName } from './deck-name.js';
import { schemaRef } from './schema-file.js';
import { writeDeckFile } from './write-deck.js';

export interface ImportOptions {
  /** Deck name; default: the file's name. */
  name?: string;
  /** Write exactly here instead of `<decks folder>/<name>.yaml`. */
  out?: string;
  /** Replace an existing file. */
  force?: boolean;
}

const FORMAT_NAMES = { markdown: 'a Markdown prep sheet', anki: 'an Anki plain-text export' } as const;

/**
 * `prep import <file>`: turns a Markdown prep sheet or an Anki export into a deck in the user's
 * decks folder (or at `--out`), reports what it took and skipped, and never overwrites a file
 * without `--force`.
 */
export async function importDeck(fileArg: string, opts: ImportOptions, io: CommandIO = processIO()): Promise<number> {
  holdYoungGeneration();
  const { paths, dirs } = context(io.env);
  const source = resolve(io.cwd, fileArg);
  const { sheet, input, name, target, shown } = readForImport(fileArg, source, opts, io, paths.decksDir);
  // The YAML goes to the file piece by piece, each checked by the loader's checks on its way:
  // checking the whole text after, as one YAML document, took many times the deck's size. A big
  // file's cards go from its second read straight to the file, so they are never all held.
  const checker = new PieceChecker({ name, path: target, displayPath: shown }, [], [pointWarnings]);
  const yaml = new DeckYamlWriter(sheet.deck, { fallbackTitle: titleFrom(name), schema: schemaRef(), source: basename(source) });
  const made = { questions: 0, points: 0 };
  let report: Pick<ImportResult, 'took' | 'skipped'> | undefined;
  try {
    writeDeckFile(
      target,
      shown,
      (write) => {
        const put = (text: string | undefined): void => void (text !== undefined && write(text));
        const each = (q: DraftQuestion): void => {
          made.questions++;
          made.points += q.points.length;
          const piece = yaml.question(q);
          if (piece) put(checker.take(piece));
        };
        put(checker.take(yaml.head()));
        if (input) report = readSheet(fileArg, input, { each }).result;
        else sheet.deck.questions.forEach(each);
        for (const piece of yaml.asks()) put(checker.take(piece));
        checker.finish();
      },
      {
        replace: opts.force === true,
        makeFolder: opts.out === undefined,
        exists: `${shown} already exists: use --force to replace it, or --name/--out to write elsewhere. Nothing was written.`,
      },
    );
  } catch (err) {
    if (err instanceof DeckTooBigError) refuseTooBig(fileArg, err.bytes, '');
    // The writer makes only valid decks; if that ever fails, it says so rather than save a broken file.
    throw err;
  }
  if (report) printReport(io, report);
  io.out(`Wrote ${describe({ ...sheet.deck, ...made })} to ${shown}`);
  for (const p of checker.problems) io.out(formatProblem(p));
  const inDecks = opts.out === undefined || dirname(target) === paths.decksDir;
  if (inDecks && listDecks({ user: '', shipped: dirs.shipped }).some((d) => d.name === name)) {
    io.out(`It takes the place of the shipped deck "${name}" (use --name to keep both).`);
  }
  io.out(`Next: prep drill ${inDecks ? basename(target, extname(target)) : asPathArg(shown)}`);
  return 0;
}

/**
 * Reads the file, reports what it took and skipped, and refuses a deck the loader would refuse
 * when its cards alone are too big. A big file's first read only counts its question cards and
 * keeps no `took` lines: the deck comes without its questions, with the file's bytes (`input`)
 * to be read again as it is written, and what it took is told then; a refused file is told
 * only why. The bytes are read from the file once: read again for the second pass, the first
 * copy stayed in memory beside the second until a full collection, which a 2 MB import never
 * reached.
 */
function readForImport(fileArg: string, source: string, opts: ImportOptions, io: CommandIO, decksDir: string) {
  const input = readInput(fileArg, source);
  setInputFlags(input.bytes.length);
  const { result: sheet, counted } = readSheet(fileArg, input, 'count');
  const { format } = sheet;
  io.out(`Read ${fileArg} as ${FORMAT_NAMES[format]}.`);
  const dropped = droppedControls(input.bytes);
  if (dropped) io.out(inert(`${fileArg}:${dropped.line}:${dropped.column} warning: ${droppedWords(dropped)}`));
  if (!counted || !hasCards(sheet)) printReport(io, sheet);
  if (!hasCards(sheet)) {
    const expected =
      format === 'markdown'
        ? 'a "Likely Questions" section with numbered bold questions, a "Tell Me About Yourself" pitch, or "Questions to Ask"'
        : 'notes with a front and a back';
    throw new UserError(`found nothing to import in ${fileArg}: expected ${expected}. Nothing was written.`);
  }
  refuseTooBig(fileArg, sheet.questions.bytesAtLeast(), 'at least ');
  const name = opts.name !== undefined ? checkDeckName(opts.name) : defaultName(opts.out ?? source);
  const target = opts.out !== undefined ? resolve(io.cwd, opts.out) : join(decksDir, `${name}.yaml`);
  // Only the deck and its count are kept: the report's lines can go.
  return { sheet: { deck: sheet.deck, questions: sheet.questions }, input: counted ? input : undefined, name, target, shown: shownPath(target, io.cwd) };
}

function printReport(io: CommandIO, { took, skipped }: Pick<ImportResult, 'took' | 'skipped'>): void {
  for (const line of took) io.out(`took: ${line}`);
  for (const line of skipped) io.out(`skipped: ${line}`);
}

/** Files over this size are read twice when their deck fits: first to count the cards, then to write them. */
const COUNT_FIRST_BYTES = 1024 * 1024;

/**
 * Imports the file's bytes, turning a block too big for the Markdown reader into a one-line
 * refusal. With `count`, the cards of a big file are counted, not kept: most big files make decks over
 * the loader's limit, and holding up to that limit in cards only to refuse them cost several
 * times the file's size in memory. With `each`, every question card goes to it as it is read.
 */
function readSheet(fileArg: string, input: ImportInput, cards: 'count' | { each: (q: DraftQuestion) => void }): { result: ReturnType<typeof importInput>; counted: boolean } {
  try {
    if (cards !== 'count') return { result: importInput(input, { ...cards, took: 'packed' }), counted: false };
    const counted = input.bytes.length > COUNT_FIRST_BYTES;
    return { result: importInput(input, counted ? { limit: 0, took: false } : { limit: MAX_DECK_BYTES }), counted };
  } catch (err) {
    if (err instanceof TooLongError) refuseTooLong(fileArg, err);
    // marked's block rules are regular expressions: a paragraph or list of megabytes overflows them.
    if (err instanceof RangeError) throw new UserError(`cannot import ${fileArg}: a paragraph or list in it is too long to read (${err.message}). Nothing was written.`);
    throw err;
  }
}

/** The file made ready for its reader, or why it cannot be read, in words. */
function readInput(fileArg: string, source: string): ImportInput {
  try {
    return prepareInput(basename(source), readDeckBytes(source));
  } catch (err) {
    throw new UserError(`${fileArg}: ${err instanceof UnreadableDeckError ? err.message : String(err)}`);
  }
}

/**
 * Refuses a deck the loader would refuse (over MAX_DECK_BYTES): better no deck than one that
 * drill, stats and lint can never open.
 */
function refuseTooBig(fileArg: string, size: number, atLeast: string): void {
  if (size <= MAX_DECK_BYTES) return;
  const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
  throw new UserError(
    `cannot import ${fileArg}: the deck would be ${atLeast}${mb(size)}, over the ${mb(MAX_DECK_BYTES)} a deck may hold; import a smaller part of it. Nothing was written.`,
  );
}

/**
 * Refuses a file with a card's text (or a note, or a Markdown block) too long for a flashcard,
 * in one line that says where it starts, as lint says where a deck's problems are.
 */
function refuseTooLong(fileArg: string, err: TooLongError): never {
  const place = `${fileArg}:${err.line}${err.column === undefined ? '' : `:${err.column}`}`;
  throw new UserError(
    `${place} error: cannot import ${fileArg}: ${err.message}; shorten it or leave it out. Nothing was written.`,
    EXIT_USAGE,
    true,
  );
}

/** The deck name for a file: its name, made safe (`My Prep Sheet.md` -> `my-prep-sheet`). */
function defaultName(file: string): string {
  return slugify(basename(file, extname(file))) || 'imported';
}

/** A path `prep drill` reads as a path, not a deck name. */
function asPathArg(path: string): string {
  return isAbsolute(path) || path.startsWith('.') ? path : `./${path}`;
}

function titleFrom(name: string): string {
  const words = name.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What import made, counted: `7 questions (24 points), pitch (5 beats), 3 asks`. */
export function describe(deck: Omit<DraftDeck, 'questions'> & { questions: number; points: number }): string {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts: string[] = [];
  const n = deck.questions;
  if (n > 0) parts.push(`${count(n, 'question')} (${count(deck.points, 'point')})`);
  if (deck.pitch) parts.push(`pitch (${count(deck.pitch.points.length, 'beat')})`);
  if (deck.ask.length > 0) parts.push(count(deck.ask.length, 'ask'));
  return parts.join(', ') || 'nothing';
}
