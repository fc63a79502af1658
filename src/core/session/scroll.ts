/**
 * A scrolling viewport as a pure state machine: how far down the content is scrolled, and the
 * two heights that bound it. The screen measures the heights after each frame and reports them;
 * keys move the offset; the reducer keeps it inside the content whatever arrives first.
 */
export interface ScrollState {
  /** Lines of content above the viewport. */
  offset: number;
  /** Lines of content in all. */
  content: number;
  /** Lines the viewport shows. */
  viewport: number;
}

export type ScrollAction =
  | { type: 'line'; by: number }
  | { type: 'page'; by: number }
  | { type: 'top' }
  | { type: 'bottom' }
  | { type: 'to'; offset: number }
  | { type: 'measured'; content: number; viewport: number };

export const initialScroll: ScrollState = { offset: 0, content: 0, viewport: 0 };

/** The largest offset that still fills the viewport. */
export const maxOffset = (s: Pick<ScrollState, 'content' | 'viewport'>) => Math.max(0, s.content - s.viewport);

const clamp = (s: ScrollState, offset: number): ScrollState => {
  const next = Math.min(Math.max(0, Math.round(offset)), maxOffset(s));
  return next === s.offset ? s : { ...s, offset: next };
};

/** The scroll reducer: pure; returns the same object when nothing moved. */
export function scrollReducer(s: ScrollState, a: ScrollAction): ScrollState {
  switch (a.type) {
    case 'line':
      return clamp(s, s.offset + a.by);
    case 'page':
      // A page keeps one line of the last one in view, so the eye has somewhere to land.
      return clamp(s, s.offset + a.by * Math.max(1, s.viewport - 1));
    case 'top':
      return clamp(s, 0);
    case 'bottom':
      return clamp(s, maxOffset(s));
    case 'to':
      return clamp(s, a.offset);
    case 'measured': {
      // Stryker disable next-line ConditionalExpression: the state built below is equal; returning the same object only spares a re-render
      if (a.content === s.content && a.viewport === s.viewport) return s;
      const resized = { ...s, content: a.content, viewport: a.viewport };
      return { ...resized, offset: Math.min(s.offset, maxOffset(resized)) };
    }
  }
}

/** Lines hidden above and below the viewport, for the `↑ 3 more` / `↓ 6 more` marker. */
export function hiddenLines(s: ScrollState): { above: number; below: number } {
  return { above: s.offset, below: Math.max(0, s.content - s.viewport - s.offset) };
}
