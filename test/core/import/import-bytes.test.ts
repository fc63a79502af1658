import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDeckBytes, readDeckText, UnreadableDeckError } from '../../../src/core/deck/read-deck-file.js';
import { detectFormat, detectFormatOf, importInput, importText, prepareInput } from '../../../src/core/import/import-text.js';

const dir = mkdtempSync(join(tmpdir(), 'prep-import-bytes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `content` (text, or raw bytes) to a file of that name and returns its path. */
function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const BOM = '\uFEFF';
const filler = (bytes: number) => 'What is a sandbox?\tA boundary around a process.\n'.repeat(Math.ceil(bytes / 48));

describe('import from the file as bytes', () => {
  // Each case: a file name and its content; the byte path must tell and read it as the text path does.
  const cases: [string, string][] = [
    ['notes.txt', '#separator:tab\n#html:false\nCafé — what?\t日本 answer &amp; <b>x</b>\nQ two\tA two\n'],
    ['bom.txt', `${BOM}#separator:tab\n#html:false\nQ one\tA one\n`],
    ['two-boms.txt', `${BOM}${BOM}Q one\tA one\nQ two\tA two\n`],
    ['cards.md', '#separator:comma\nfront,back\n'],
    ['sheet.md', `${BOM}# Acme\n\n## Likely Questions\n\n**1. Why us?**\n\nBecause of the team.\n`],
    ['header-less.tsv', 'Front <br>one\tBack &amp; more\n'],
  ];

  it.each(cases)('%s: same format and same cards as from its text', (name, content) => {
    const path = file(name, content);
    const text = readDeckText(path);
    const fromText = importText(name, text);
    const fromBytes = importInput(prepareInput(name, readDeckBytes(path)));
    expect(detectFormatOf(name, readDeckBytes(path))).toBe(detectFormat(name, text));
    expect(fromBytes.format).toBe(fromText.format);
    expect(fromBytes.deck).toEqual(fromText.deck);
    expect(fromBytes.took).toEqual(fromText.took);
    expect(fromBytes.skipped).toEqual(fromText.skipped);
    expect(fromBytes.questions.count).toBeGreaterThan(0);
  });

  it('a .txt is a prep sheet when a Markdown heading starts a line, however far past the first megabyte read', () => {
    const late = `${filler(2.5 * 1024 * 1024)}\n## Likely Questions\n\n**1. Why?**\n\nBecause.\n`;
    const none = filler(2.5 * 1024 * 1024);
    // "#" inside a line is not a heading, even where a megabyte ends.
    const inside = `${filler(1024 * 1024 - 3)}a ## b\n${filler(100)}`;
    for (const [name, text, format] of [['late.txt', late, 'markdown'], ['none.txt', none, 'anki'], ['inside.txt', inside, 'anki']] as const) {
      expect(detectFormat(name, text)).toBe(format);
      expect(detectFormatOf(name, readDeckBytes(file(name, text)))).toBe(format);
    }
  });

  it('drops one byte-order mark, as the text reader does, and refuses bytes that are not UTF-8', () => {
    expect(readDeckBytes(file('one-bom.txt', `${BOM}a\tb\n`)).toString('utf8')).toBe('a\tb\n');
    expect(() => readDeckBytes(file('latin1.txt', new Uint8Array([0x51, 0xff, 0x09, 0x41, 0x0a])))).toThrow(
      new UnreadableDeckError('the file is not UTF-8 text'),
    );
  });
});
