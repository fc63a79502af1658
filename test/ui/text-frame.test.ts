import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { styledCharsToString, type StyledChar } from '@alcalzone/ansi-tokenize';
import { TextFrame, type Look } from '../../src/ui/text-frame.js';

// TextFrame.toString leaves each line's trailing blank cells out before making it text, instead of
// making the whole row text and trimming it (as Ink's Output does): the two must give the same.
const asInk = (frame: TextFrame) =>
  (frame as unknown as { rows: StyledChar[][] }).rows.map((row) => styledCharsToString(row.filter((c) => c !== undefined)).trimEnd()).join('\n');

const TEXT = ['a', 'Good', ' ', '   ', '─', '字', '·', '\x1b[2m  \x1b[22m', '\x1b[31mred \x1b[39m', '\x1b[44m \x1b[49m', 'x\ny', ' \n '];
const LOOKS: (Look | undefined)[] = [undefined, { dim: true }, { color: 'green' }, { color: '#ff8800', bold: true }];

describe('a printed report drawn without Ink', () => {
  it('gives each line as the whole row made into text and trimmed, for any writes', () => {
    const write = fc.record({
      x: fc.integer({ min: 0, max: 14 }),
      y: fc.integer({ min: 0, max: 4 }),
      text: fc.array(fc.constantFrom(...TEXT), { minLength: 1, maxLength: 5 }).map((p) => p.join('')),
      look: fc.constantFrom(...LOOKS),
    });
    fc.assert(
      fc.property(fc.array(write, { maxLength: 8 }), (writes) => {
        const frame = new TextFrame(12, 4);
        for (const w of writes) frame.write(w.x, w.y, w.text, w.look);
        expect(frame.toString()).toBe(asInk(frame));
      }),
      { numRuns: 1500 },
    );
  });

  it('keeps a styled blank at a line end and drops the plain ones, and a write changes only its own cells', () => {
    const frame = new TextFrame(10, 3);
    frame.write(1, 0, 'ab  ');
    frame.write(0, 1, 'x \x1b[44m \x1b[49m ');
    expect(frame.toString()).toBe(' ab\nx \x1b[44m \x1b[49m\n');
  });
});
