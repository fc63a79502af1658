import { chmodSync, mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDeckFile, MAX_DECK_BYTES, parseDeck } from '../../../src/core/deck/load-deck.js';
import { DeckError, formatProblem, type DeckProblem } from '../../../src/core/deck/types.js';
import { makeTempHome, type TempHome } from '../../helpers/temp-home.js';
import { callUnprivileged, letThrough } from '../../helpers/unprivileged.js';

const SOURCE = fileURLToPath(new URL('../../../src/core/deck/load-deck.ts', import.meta.url));

let temp: TempHome;
let dir: string;
beforeEach(() => {
  temp = makeTempHome('prep-deck-');
  dir = temp.dir;
});
afterEach(() => temp.cleanup());

function failure(path: string, displayPath?: string): string[] {
  try {
    loadDeckFile(path, displayPath);
  } catch (err) {
    if (err instanceof DeckError) return err.problems.map(formatProblem);
    throw err;
  }
  throw new Error('expected a DeckError');
}

describe('loadDeckFile', () => {
  it('names the deck after its file and keeps the absolute path', () => {
    const file = join(dir, 'acme.yaml');
    writeFileSync(file, 'title: Acme\npitch:\n  script: Hello.\n');
    const deck = loadDeckFile(file);
    expect(deck.name).toBe('acme');
    expect(deck.path).toBe(file);
  });

  it('reads a file with a byte-order mark and Windows line endings', () => {
    const file = join(dir, 'win.yaml');
    writeFileSync(file, Buffer.from('\uFEFFtitle: Windows\r\nquestions:\r\n  - question: Q\r\n    answer: A\r\n', 'utf8'));
    expect(loadDeckFile(file).cards[0]?.answer).toBe('A');
  });

  it('shows the path as the user gave it, and every problem in the error', () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'title: T\nquestions:\n  - question: Q\n  - answer: A\n');
    expect(failure(file, 'decks/bad.yaml')).toEqual(['decks/bad.yaml:3:5 questions[0]: missing "answer"', 'decks/bad.yaml:4:5 questions[1]: missing "question"']);
  });

  it('a missing file: one problem at 1:1 in plain words', () => {
    expect(failure(join(dir, 'nope.yaml'), 'nope.yaml')).toEqual(['nope.yaml:1:1 cannot read the file: there is no such file']);
  });

  it('a folder instead of a file', () => {
    mkdirSync(join(dir, 'folder.yaml'));
    expect(failure(join(dir, 'folder.yaml'), 'folder.yaml')).toEqual(['folder.yaml:1:1 cannot read the file: it is a folder, not a file']);
  });

  it('a file without read permission', async () => {
    const file = join(dir, 'locked.yaml');
    writeFileSync(file, 'title: T\n');
    chmodSync(file, 0o000);
    letThrough(dir, dir);
    // Run by a user without the right to read it, even when the tests run as root.
    const outcome = await callUnprivileged(SOURCE, 'loadDeckFile', [file, 'locked.yaml']);
    if (!('threw' in outcome)) throw new Error('expected the load to fail');
    expect(outcome.threw.name).toBe('DeckError');
    expect((outcome.threw.problems as DeckProblem[]).map(formatProblem)).toEqual(['locked.yaml:1:1 cannot read the file: permission denied']);
  });

  it('refuses a file over the size limit without reading it', () => {
    const file = join(dir, 'huge.yaml');
    writeFileSync(file, '');
    // A sparse file: one byte over the limit by its size, no data on disk.
    truncateSync(file, MAX_DECK_BYTES + 1);
    expect(failure(file, 'huge.yaml')).toEqual([
      'huge.yaml:1:1 the file is too big for a deck: 16777217 bytes, over the limit of 16777216 bytes (16 MB)',
    ]);
  });

  it('a file exactly at the limit is read', () => {
    const file = join(dir, 'big.yaml');
    const head = 'title: Big\npitch:\n  script: Hi.\n#';
    writeFileSync(file, head + 'x'.repeat(MAX_DECK_BYTES - head.length));
    expect(loadDeckFile(file).title).toBe('Big');
  });

  it('a file that is not UTF-8 text', () => {
    const file = join(dir, 'latin1.yaml');
    writeFileSync(file, Buffer.from([0x74, 0x69, 0x74, 0x6c, 0x65, 0x3a, 0x20, 0xe9, 0x0a]));
    expect(failure(file, 'latin1.yaml')).toEqual(['latin1.yaml:1:1 the file is not UTF-8 text']);
  });
});

describe('parseDeck', () => {
  it('never throws, whatever the text', () => {
    const yamlish = fc.stringMatching(/^[a-z:\- \n\t[\]{}&*!|>"'#,?0-9]{0,80}$/);
    fc.assert(
      fc.property(fc.oneof(fc.string(), yamlish), (text) => {
        const result = parseDeck(text, { name: 'x', path: '/x.yaml' });
        // Either a deck or a reason, never both missing.
        return result.deck !== undefined || result.problems.length > 0;
      }),
      { numRuns: 500 },
    );
  });

  it('places problems in files with Windows line endings on the right line', () => {
    const { problems } = parseDeck('title: T\r\nquestions:\r\n  - question: Q\r\n    answr: A\r\n', { name: 'x', path: '/x.yaml' });
    expect(problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual(['4:5 unknown key "answr" — did you mean "answer"?']);
  });

  it('shows the absolute path when no display path is given', () => {
    const { problems } = parseDeck('title: T\n', { name: 'x', path: '/abs/x.yaml' });
    expect(problems[0]?.file).toBe('/abs/x.yaml');
  });
});
