import { resolve } from 'node:path';
import { buildDeck } from './build-deck.js';
import { checkDeck } from './check-deck.js';
import { describeIssues, describeValue } from './describe-issues.js';
import type { Finding } from './finding.js';
import { deckNameOf } from './deck-name.js';
import { readDeckSource } from './read-deck-file.js';
import { deckSchema } from './schema.js';
import { DeckError, type Deck, type DeckProblem } from './types.js';
import { findUnresolvedAlias, MAX_ALIAS_COUNT, readYaml, toData, type YamlSource } from './yaml-source.js';
import { inertStrings } from '../text/inert.js';

export { MAX_DECK_BYTES } from './read-deck-file.js';

/** Where a deck's text came from. */
export interface ParseDeckOptions {
  /** The deck name: the file name without `.yaml`. */
  name: string;
  /** Absolute path of the file, kept in `Deck.path`. */
  path: string;
  /** The path as the user wrote it, shown in messages; default `path`. */
  displayPath?: string;
}

/** A parsed deck, present only when there are no errors, and every problem found. */
export interface ParseDeckResult {
  deck?: Deck;
  /** All problems in the file, sorted by line then column. */
  problems: DeckProblem[];
}

/**
 * What {@link parseDeck} read on its way, for more checks of the same text (lint's advice)
 * without parsing it again: a big deck's YAML document costs many times the text in memory.
 * Each is set once it is made, even when a later step fails.
 */
export interface ReadDeck {
  src?: YamlSource;
  /** The YAML's plain data ({@link toData}), when it could be made. */
  data?: unknown;
}

/**
 * Parses and validates deck text. Pure, and never throws: whatever the input, the answer is a
 * deck or the list of every problem with its line and column.
 */
export function parseDeck(text: string, opts: ParseDeckOptions, read: ReadDeck = {}): ParseDeckResult {
  let findings: Finding[];
  let deck: Deck | undefined;
  try {
    ({ findings, deck } = check(text, opts, read));
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    findings = [top(`could not check this deck: ${reason}`)];
    deck = undefined;
  }
  const file = opts.displayPath ?? opts.path;
  const problems = sortFindings(findings).map((f) => ({ file, ...f }));
  const ok = deck !== undefined && !problems.some((p) => p.severity === 'error');
  return ok ? { deck, problems } : { problems };
}

/**
 * Reads and validates a deck file; `displayPath` (default `path`) is the name shown in messages.
 * Refuses files over {@link MAX_DECK_BYTES} without reading them.
 *
 * @throws DeckError carrying every problem, when the file cannot be read or has errors.
 */
export function loadDeckFile(path: string, displayPath?: string): Deck {
  const file = displayPath ?? path;
  const absolute = resolve(path);
  const source = readDeckSource(absolute, file);
  if ('problem' in source) throw new DeckError([source.problem]);
  const { deck, problems } = parseDeck(source.text, { name: deckNameOf(absolute), path: absolute, displayPath: file });
  if (!deck) throw new DeckError(problems);
  return deck;
}

function check(text: string, opts: ParseDeckOptions, read: ReadDeck): { findings: Finding[]; deck?: Deck } {
  const src = readYaml(text.replace(/^\uFEFF/, ''));
  read.src = src;
  const findings = [...src.findings];
  if (!src.usable) return { findings };

  let data: unknown;
  try {
    data = toData(src);
    read.data = data;
  } catch (err) {
    if (!(err instanceof ReferenceError)) throw err;
    const missing = findUnresolvedAlias(src);
    if (missing) {
      const { name, place } = missing;
      const message = `the alias "*${name}" refers to no anchor: define "&${name}" before it, or write the value out`;
      findings.push({ ...place, path: '', message, severity: 'error' });
      return { findings };
    }
    if (!/alias/i.test(err.message)) throw err;
    findings.push(top(`too many YAML aliases (more than ${MAX_ALIAS_COUNT} for one value): the file looks like an alias bomb and was not loaded`));
    return { findings };
  }
  if (data === null || data === undefined) {
    findings.push(top('the file is empty: a deck needs a "title" and at least one card (a "pitch", "questions" or "ask")'));
    return { findings };
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    findings.push(top(`a deck must be a mapping with keys like "title:" and "questions:", got ${describeValue(data)}`));
    return { findings };
  }

  const record = data as Record<string, unknown>;
  const parsed = deckSchema.safeParse(record);
  if (!parsed.success) findings.push(...describeIssues(parsed.error.issues, record, deckSchema, src));
  findings.push(...checkDeck(record, src));
  const clean = parsed.success && !findings.some((f) => f.severity === 'error');
  // Every string the screens will show is made inert here, once, whatever the deck holds.
  return clean ? { findings, deck: buildDeck(inertStrings(parsed.data), src, opts) } : { findings };
}

function top(message: string): Finding {
  return { line: 1, column: 1, path: '', message, severity: 'error' };
}

/** Sorted by place, keeping the order found for ties, with exact repeats dropped. */
function sortFindings(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  const unique = findings.filter((f) => {
    const key = `${f.line}:${f.column}:${f.path}:${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => a.line - b.line || a.column - b.column);
}
