// The few boxes of Ink's flex layout that the printed reports use, worked out by hand: a column
// of pieces, a row of pieces of known widths, a text that wraps or is cut at its box's width.
// Widths may be fractional (two panels sharing an odd width), as in Ink's layout engine, which
// measures text at the exact width and rounds each box's edges to whole columns only to draw.
// Any layout outside these cases (a row whose pieces must shrink together, say) is not guessed
// at: the builder throws NotPlain, and the report is drawn by Ink instead.
import { edge, fitText, widest, type Look, type TextFrame, type Wrap } from './text-frame.js';

/** A laid-out piece of a picture: how many lines it takes, and how to draw it at (x, y). */
export interface Block {
  height: number;
  draw(out: TextFrame, x: number, y: number): void;
}

/** The layout is one this module does not work out; the caller draws with Ink instead. */
export class NotPlain extends Error {}

/** Gives up on the plain drawing unless `ok`. */
export function need(ok: boolean, why: string): asserts ok {
  if (!ok) throw new NotPlain(why);
}

/** An Ink <Text>: `content` (inner styles already applied), with `look` applied line by line. */
export interface TextSpec {
  content: string;
  look?: Look;
  wrap?: Wrap;
}

/** Ink's measure of a text given `width`: as it is when it fits, else as wrapped or cut there. */
export function measure(t: TextSpec, width: number): { width: number; height: number } {
  if (t.content === '') return { width: 0, height: 0 };
  const w = widest(t.content);
  const shown = w <= width ? t.content : fitText(t.content, width, t.wrap ?? 'wrap');
  return shown === '' ? { width: 0, height: 0 } : { width: shown === t.content ? w : widest(shown), height: shown.split('\n').length };
}

/**
 * Where the layout engine puts a text's right edge once rounded: a text's left edge is rounded
 * down, and its right edge up when its width has a fraction (down when only its place has one),
 * so a text never loses a column it was measured with.
 */
function textEdgeRight(right: number, width: number): number {
  if (Number.isInteger(right)) return right;
  return Number.isInteger(width) ? Math.floor(right) : Math.ceil(right);
}

/** A text in a box `width` wide (fractional while laid out; whole columns once drawn). */
export function text(t: TextSpec, width: number): Block {
  return {
    height: measure(t, width).height,
    draw(out, x, y) {
      if (t.content === '') return;
      const w = textEdgeRight(x + width, width) - Math.floor(x);
      const shown = widest(t.content) > w ? fitText(t.content, w, t.wrap ?? 'wrap') : t.content;
      out.write(edge(x), y, shown, t.look);
    },
  };
}

/** Pieces one under the other, each with its top margin. */
export function column(parts: readonly (readonly [Block, number] | Block | null)[]): Block {
  const items = parts.filter((p) => p !== null).map((p) => ('draw' in p ? ([p, 0] as const) : p));
  return {
    height: items.reduce((h, [b, top]) => h + top + b.height, 0),
    draw(out, x, y) {
      let at = y;
      for (const [b, top] of items) {
        b.draw(out, x, at + top);
        at += top + b.height;
      }
    },
  };
}

/** Pieces side by side at the given widths, `gap` columns apart; the row is as tall as its tallest. */
export function row(items: readonly (readonly [Block, number])[], gap = 0): Block {
  return {
    height: Math.max(0, ...items.map(([b]) => b.height)),
    draw(out, x, y) {
      let at = x;
      for (const [b, w] of items) {
        b.draw(out, at, y);
        at += w + gap;
      }
    },
  };
}

/** Texts side by side at their own widths (a <Box> of <Text>s), when together they fit in `width`. */
export function textRow(texts: readonly TextSpec[], width: number): Block {
  const widths = texts.map((t) => measure(t, width).width);
  need(widths.reduce((a, b) => a + b, 0) <= width, 'a row of texts wider than its box');
  return row(texts.map((t, i) => [text(t, widths[i]!), widths[i]!] as const));
}

/** A box of `width` holding `fixed` columns that never shrink, then a text cut to the room left (a list row). */
export function labelRow(label: Block, fixed: number, t: TextSpec, width: number): Block {
  need(fixed <= width, 'a label wider than its row');
  const room = width - fixed;
  // The text's own width is measured against the whole row, then shrunk to what is left.
  const w = Math.min(measure(t, width).width, room);
  return row([
    [label, fixed],
    [text(t, w), w],
  ]);
}
