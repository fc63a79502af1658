import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDeckFile, MAX_DECK_BYTES, parseDeck } from '../../../src/core/deck/load-deck.js';
import { readDeckText, UnreadableDeckError } from '../../../src/core/deck/read-deck-file.js';
import { DeckError, formatProblem, type DeckProblem } from '../../../src/core/deck/types.js';
import { makeTempHome } from '../../helpers/temp-home.js';

const HOSTILE = fileURLToPath(new URL('../../fixtures/decks/hostile/', import.meta.url));
const LOOKS = 'expected one of: title, company, role, interview, pitch, questions, ask, aliases';
const QUESTION_KEYS = 'expected one of: id, question, answer, points, tags, seconds';

/** Every fixture and the errors it must give, as the user reads them (warnings left out). */
const EXPECTED: Record<string, (string | RegExp)[]> = {
  'alias-bomb.yaml': ['1:1 too many YAML aliases (more than 100 for one value): the file looks like an alias bomb and was not loaded'],
  'binary-garbage.yaml': ['1:1 the file is not UTF-8 text'],
  'bom-with-error.yaml': ['4:5 questions[0]: unknown key "anwser" — did you mean "answer"?'],
  'complex-key.yaml': [`1:1 unknown key "[ a, b ]" (${LOOKS})`],
  'control-in-key.yaml': [`2:1 unknown key "evil␛]52;c;aGk=␇" (${LOOKS})`],
  'crlf-with-error.yaml': ['4:5 questions[0].answer: expected text, got a list'],
  // Where the parser's stack runs out depends on the machine: the column is not fixed.
  'deep-nesting-lists.yaml': [/^2:\d+ the YAML is nested too deeply to read$/],
  'deep-nesting-maps.yaml': [/^2:\d+ the YAML is nested too deeply to read$/],
  'duplicate-ids.yaml': ['4:7 ask[1].id: duplicate id "team" (first used on line 3)'],
  'duplicate-key-top.yaml': ['6:1 duplicate key "title" (first used on line 1)'],
  'empty-deck-braces.yaml': ['1:1 missing "title"', '1:1 the deck has no cards: add a "pitch", some "questions" or some "ask" items'],
  'empty-deck-no-cards.yaml': ['1:1 the deck has no cards: add a "pitch", some "questions" or some "ask" items'],
  'empty-file.yaml': ['1:1 the file is empty: a deck needs a "title" and at least one card (a "pitch", "questions" or "ask")'],
  'interview-impossible.yaml': ['2:1 interview: "2026-13-45" is not a real date'],
  'invalid-utf8.yaml': ['1:1 the file is not UTF-8 text'],
  'only-document-markers.yaml': ['1:1 the file is empty: a deck needs a "title" and at least one card (a "pitch", "questions" or "ask")'],
  'proto-merge.yaml': [`2:1 unknown key "base" (${LOOKS})`, `4:5 questions[0]: unknown key "<<" (${QUESTION_KEYS})`],
  'proto-nested.yaml': [`5:5 questions[0]: unknown key "__proto__" (${QUESTION_KEYS})`, `6:5 questions[0]: unknown key "constructor" (${QUESTION_KEYS})`],
  'proto-top.yaml': [`2:1 unknown key "__proto__" (${LOOKS})`],
  'syntax-bad-indent.yaml': [
    '3:15 Nested mappings are not allowed in compact mappings: put text that contains ": " in quotes',
    '3:15 Implicit keys need to be on a single line',
  ],
  'syntax-stray-bracket.yaml': ['2:1 Unexpected flow-seq-end token in YAML stream: "]" (the YAML breaks here; the 12 errors after it follow from this one)'],
  'syntax-unclosed-flow.yaml': ['6:1 Flow sequence in block collection must be sufficiently indented and end with a ]'],
  'syntax-unclosed-quote.yaml': ['5:1 Missing closing "quote'],
  'tabs.yaml': ['3:1 tabs are not allowed as indentation in YAML: indent with spaces', '4:1 tabs are not allowed as indentation in YAML: indent with spaces'],
  'top-level-list.yaml': ['1:1 a deck must be a mapping with keys like "title:" and "questions:", got a list'],
  'top-level-number.yaml': ['1:1 a deck must be a mapping with keys like "title:" and "questions:", got a number (42)'],
  'undefined-alias.yaml': ['4:13 the alias "*nowhere" refers to no anchor: define "&nowhere" before it, or write the value out'],
  'unknown-key-nested.yaml': ['3:3 pitch: unknown key "scirpt" — did you mean "script"?'],
  'unknown-key-top.yaml': ['1:1 unknown key "titel" — did you mean "title"?'],
  'wrong-type-answer-bool.yaml': ['4:5 questions[0].answer: expected text, got true/false (true): put it in quotes'],
  'wrong-type-questions-mapping.yaml': [
    '1:1 the deck has no cards: add a "pitch", some "questions" or some "ask" items',
    '2:1 questions: expected a list, got a mapping',
  ],
  'wrong-type-seconds-infinite.yaml': ['4:3 pitch.seconds: must be a finite number, got Infinity', '8:5 questions[0].seconds: must be a finite number, got NaN'],
  'wrong-type-title-list.yaml': ['1:1 title: expected text, got a list'],
};

const FIXTURES = fs.readdirSync(HOSTILE).filter((f) => f.endsWith('.yaml')).sort();

function errorLines(problems: DeckProblem[]): string[] {
  return problems.filter((p) => p.severity === 'error').map((p) => formatProblem(p).replace(/^hostile\/[^:]+:/, ''));
}

afterAll(() => {
  // No fixture may have reached a prototype (`__proto__`, `constructor.prototype`, merge keys).
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
});

describe('hostile deck files', () => {
  it('has at least 25 of them, each with its expected errors written down', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(25);
    expect(FIXTURES).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(FIXTURES)('%s: refused by the loader with every error placed, never a throw of anything else', (file) => {
    const started = performance.now();
    let problems: DeckProblem[] = [];
    try {
      loadDeckFile(HOSTILE + file, `hostile/${file}`);
      expect.fail(`${file} loaded`);
    } catch (err) {
      expect(err).toBeInstanceOf(DeckError);
      problems = (err as DeckError).problems;
    }
    const lines = errorLines(problems);
    const expected = EXPECTED[file] ?? [];
    expect(lines).toHaveLength(expected.length);
    expected.forEach((want, i) => (typeof want === 'string' ? expect(lines[i]).toBe(want) : expect(lines[i]).toMatch(want)));
    for (const p of problems) {
      expect(p.line).toBeGreaterThanOrEqual(1);
      expect(p.column).toBeGreaterThanOrEqual(1);
      expect(p.file).toBe(`hostile/${file}`);
    }
    // A generous sanity bound (CI machines are noisy); the real figure is milliseconds.
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it.each(FIXTURES)('%s: parseDeck on its text (decoded leniently) answers a deck or placed problems', (file) => {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(fs.readFileSync(HOSTILE + file));
    const result = parseDeck(text, { name: 'x', path: '/x.yaml', displayPath: 'x.yaml' });
    if (!result.deck) expect(result.problems.some((p) => p.severity === 'error')).toBe(true);
    for (const p of result.problems) expect(p.line >= 1 && p.column >= 1).toBe(true);
    // Only the two undecodable files can load once the decoder has replaced their bad bytes.
    if (result.deck) expect(['invalid-utf8.yaml']).toContain(file);
  });
});

describe('nesting', () => {
  it('refuses nesting deeper than any deck by rule, at the first level too deep, even when the parser copes', () => {
    const text = `title: T\nquestions: ${'['.repeat(100)}${']'.repeat(100)}\n`;
    const { deck, problems } = parseDeck(text, { name: 'x', path: '/x.yaml', displayPath: 'x.yaml' });
    expect(deck).toBeUndefined();
    expect(problems.map(formatProblem)).toEqual(['x.yaml:2:76 the YAML is nested too deeply to read']);
  });

  it('leaves ordinary decks, four levels deep, alone', () => {
    const { deck } = parseDeck('title: T\nquestions:\n  - question: Q?\n    answer: A.\n    points: [a, b]\n', { name: 'x', path: '/x.yaml' });
    expect(deck?.cards[0]?.points).toEqual(['a', 'b']);
  });
});

describe('the size limit', () => {
  const tmp = makeTempHome('prep-big-');
  afterAll(() => tmp.cleanup());

  it('refuses a 50 MB file by its size, before reading a byte of it', () => {
    const file = path.join(tmp.dir, 'huge.yaml');
    // Sparse: the file claims 50 MB but nothing is written to disk.
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 50 * 1024 * 1024);
    const started = performance.now();
    expect(() => readDeckText(file)).toThrow(UnreadableDeckError);
    expect(() => loadDeckFile(file, 'huge.yaml')).toThrow(
      `huge.yaml:1:1 the file is too big for a deck: 52428800 bytes, over the limit of ${MAX_DECK_BYTES} bytes (16 MB)`,
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('admits a 10,000-card deck (about 10 MB)', async () => {
    const { writeDeck } = (await import(new URL('../../../bench/generate.mjs', import.meta.url).href)) as {
      writeDeck: (home: string, name: string, cards: number) => void;
    };
    writeDeck(tmp.dir, 'ten-thousand', 10_000);
    const file = path.join(tmp.dir, 'decks', 'ten-thousand.yaml');
    const size = fs.statSync(file).size;
    expect(size).toBeGreaterThan(8 * 1024 * 1024);
    expect(size).toBeLessThan(MAX_DECK_BYTES);
    const deck = loadDeckFile(file);
    expect(deck.cards).toHaveLength(10_000);
    expect(deck.cards[9_999]?.id).toBe('card-9999');
  }, 60_000);

  it('refuses a folder, a device and a FIFO with a sentence, without hanging on them', () => {
    const fifo = path.join(tmp.dir, 'pipe.yaml');
    fs.rmSync(fifo, { force: true });
    // mkfifo is in coreutils; a FIFO opened for reading would wait forever for a writer.
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(() => loadDeckFile(fifo, 'pipe.yaml')).toThrow('pipe.yaml:1:1 cannot read the file: it is not a regular file');
    expect(() => loadDeckFile('/dev/zero', 'zero.yaml')).toThrow('zero.yaml:1:1 cannot read the file: it is not a regular file');
    expect(() => loadDeckFile(tmp.dir, 'dir.yaml')).toThrow('dir.yaml:1:1 cannot read the file: it is a folder, not a file');
  });
});
