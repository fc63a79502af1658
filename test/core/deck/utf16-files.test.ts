import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importDeck } from '../../../src/commands/import.js';
import { readDeckBytes, readDeckText, utf16Of } from '../../../src/core/deck/read-deck-file.js';
import { captureIO } from '../../helpers/capture-io.js';

// Windows tools save "Unicode" text as UTF-16, with a byte-order mark or without one. Without
// the mark, UTF-16 of Latin text is valid UTF-8 full of NUL bytes: it imported as a deck of
// half-read notes, with a warning about NULs, or was "found nothing to import". Now such a file
// is refused in words that name what it is and how to make it UTF-8, for decks and imports.
const SHEET = '# Acme\n\n## Likely Questions\n\n**1. Why Rust?**\n\nThe borrow checker catches data races — before they ship.\n';
const EXPORT = '#separator:tab\nWhat is a closure?\tA function with the scope it was made in.\n';

function utf16(text: string, order: 'LE' | 'BE', mark: boolean): Buffer {
  const le = Buffer.from((mark ? '\uFEFF' : '') + text, 'utf16le');
  return order === 'LE' ? le : Buffer.from(le).swap16();
}

describe('UTF-16 files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'prep-utf16-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('are known by their byte-order mark, or without one by the zero half of their Latin letters', () => {
    for (const order of ['LE', 'BE'] as const) {
      for (const mark of [true, false]) {
        expect(utf16Of(utf16(SHEET, order, mark))).toBe(order);
        expect(utf16Of(utf16(EXPORT, order, mark))).toBe(order);
      }
    }
  });

  it('UTF-8 text is never taken for UTF-16: not with a stray NUL, not in other scripts, not when tiny', () => {
    for (const text of [SHEET, EXPORT, `${SHEET}\0`, `a\0\0b`, '日本語のテキストです。\n', 'Ωμέγα και άλφα\n', 'x', '']) {
      expect(utf16Of(Buffer.from(text, 'utf8'))).toBeUndefined();
    }
  });

  it('a deck in UTF-16 is refused with what it is and the command that makes it UTF-8', () => {
    for (const order of ['LE', 'BE'] as const) {
      for (const mark of [true, false]) {
        const file = join(dir, `deck-${order}-${mark}.yaml`);
        writeFileSync(file, utf16('title: T\nquestions: []\n', order, mark));
        const reason = `the file is UTF-16 text, not UTF-8: save it as UTF-8 (for example: iconv -f UTF-16${order} -t UTF-8 FILE > NEW_FILE)`;
        expect(() => readDeckText(file)).toThrow(reason);
        expect(() => readDeckBytes(file)).toThrow(reason);
      }
    }
  });

  it('import refuses a UTF-16 sheet or export in one line and writes nothing; the same text in UTF-8 imports', async () => {
    const home = join(dir, 'home');
    for (const [name, text] of [['sheet.md', SHEET], ['notes.txt', EXPORT]] as const) {
      const file = join(dir, name);
      writeFileSync(file, utf16(text, 'LE', false));
      const io = captureIO(home);
      await expect(importDeck(file, {}, io)).rejects.toThrow(`${file}: the file is UTF-16 text, not UTF-8: save it as UTF-8 (for example: iconv -f UTF-16LE -t UTF-8 FILE > NEW_FILE)`);
      expect(io.stdout).toEqual([]);
      // What the hint's command makes, done here without iconv: the same text as UTF-8.
      writeFileSync(file, new TextDecoder('utf-16le').decode(utf16(text, 'LE', false)));
      expect(await importDeck(file, {}, captureIO(home))).toBe(0);
    }
    expect(readdirSync(join(home, 'decks')).sort()).toEqual(['notes.yaml', 'sheet.yaml']);
  });
});
