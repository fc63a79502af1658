import { describe, expect, it } from 'vitest';
import { droppedControls, droppedWords } from '../../../src/core/import/control-bytes.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('the control characters an import leaves out', () => {
  it('none: tab and every kind of line end are kept', () => {
    expect(droppedControls(bytes('a\tb\nc\r\nd\re'))).toBeUndefined();
    expect(droppedControls(bytes(''))).toBeUndefined();
  });

  it('finds every one-byte control character but tab and the line ends, alone among letters; no other byte', () => {
    for (let b = 0; b < 256; b++) {
      const dropped = (b < 0x20 && ![0x09, 0x0a, 0x0d].includes(b)) || b === 0x7f;
      expect(droppedControls(Uint8Array.from([0x61, b, 0x62]))?.code, `byte ${b}`).toBe(dropped ? b : undefined);
    }
  });

  it('the first one is placed by line and column (characters, not bytes), the others counted', () => {
    expect(droppedControls(bytes('one\ntwo — é\u0000x\n\u001b\u007f'))).toEqual({ line: 2, column: 8, code: 0, count: 3 });
    expect(droppedControls(bytes('\u0007'))).toEqual({ line: 1, column: 1, code: 7, count: 1 });
  });

  it('lines end as the Anki reader ends them: "\\r" alone in a file without "\\n", else "\\n"', () => {
    expect(droppedControls(bytes('a\rb\r\u0000'))).toMatchObject({ line: 3, column: 1 });
    expect(droppedControls(bytes('a\r\nb\r\n\u0000'))).toMatchObject({ line: 3, column: 1 });
    expect(droppedControls(bytes('a\rb\n\u0000'))).toMatchObject({ line: 2, column: 1 });
  });

  it('says what it is: a NUL by name, another by its code point', () => {
    expect(droppedWords({ line: 1, column: 1, code: 0, count: 1 })).toBe('a NUL byte here is left out of the deck, as no card can show it');
    expect(droppedWords({ line: 1, column: 1, code: 0x1b, count: 3 })).toBe('a control character (U+001B) here is left out of the deck, as no card can show it, and 2 more after it');
  });
});
