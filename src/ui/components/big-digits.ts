// A three-row font drawn with box-drawing characters: readable at arm's length while you
// speak. No two digits share all three rows, so a test can read the time back.
const GLYPHS: Record<string, readonly [string, string, string]> = {
  '0': ['┌─┐', '│ │', '└─┘'],
  '1': ['╶┐ ', ' │ ', '╶┴╴'],
  '2': ['╶─┐', '┌─┘', '└─╴'],
  '3': ['╶─┐', ' ─┤', '╶─┘'],
  '4': ['╷ ╷', '└─┤', '  ╵'],
  '5': ['┌─╴', '└─┐', '╶─┘'],
  '6': ['┌─╴', '├─┐', '└─┘'],
  '7': ['╶─┐', '  │', '  ╵'],
  '8': ['┌─┐', '├─┤', '└─┘'],
  '9': ['┌─┐', '└─┤', '╶─┘'],
  ':': ['╻', ' ', '╹'],
  '.': [' ', ' ', '╹'],
  ' ': [' ', ' ', ' '],
};

/** `text` (digits, ':' and '.') in the big font: three rows, glyphs one space apart. */
export function bigRows(text: string): [string, string, string] {
  const glyphs = [...text].map((c) => GLYPHS[c] ?? GLYPHS[' ']!);
  const row = (i: 0 | 1 | 2) => glyphs.map((g) => g[i]).join(' ');
  return [row(0), row(1), row(2)];
}

/** Columns the big font needs for `text`. */
export function bigWidth(text: string): number {
  return bigRows(text)[0].length;
}
