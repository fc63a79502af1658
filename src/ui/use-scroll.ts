import { useEffect, useReducer, useRef, useState, type RefObject } from 'react';
import { measureElement, useIsScreenReaderEnabled, type DOMElement } from 'ink';
import { initialScroll, scrollReducer, type ScrollAction, type ScrollState } from '../core/session/scroll.js';
import { Command } from './keymap.js';
import { useRows } from './use-columns.js';

/** A screen's scrolling body: its refs, its offset and what the keys send it. */
export interface Scroll {
  state: ScrollState;
  send: (action: ScrollAction) => void;
  /** On the screen's root Box, which gets `height`. */
  root: RefObject<DOMElement | null>;
  /** On the clipping Box (ScrollView sets both). */
  viewport: RefObject<DOMElement | null>;
  content: RefObject<DOMElement | null>;
  /** Optional: an element inside the content that a new view starts at (the answer, on reveal). */
  anchor: RefObject<DOMElement | null>;
  /** The root's height: undefined while everything fits, one less than the terminal's rows once not. */
  height: number | undefined;
  /** True while the content is taller than its viewport: the marker line shows. */
  overflow: boolean;
}

const SEND: Partial<Record<Command, ScrollAction>> = {
  [Command.LineUp]: { type: 'line', by: -1 },
  [Command.LineDown]: { type: 'line', by: 1 },
  [Command.PageUp]: { type: 'page', by: -1 },
  [Command.PageDown]: { type: 'page', by: 1 },
  [Command.SpacePage]: { type: 'page', by: 1 },
  [Command.Top]: { type: 'top' },
  [Command.Bottom]: { type: 'bottom' },
};

/** The scroll action of a scrolling command, for a screen's key table; undefined for others. */
export const scrollAction = (command: Command): ScrollAction | undefined => SEND[command];

/** Lines from the top of `ancestor`'s content box down to `node`. */
function topWithin(node: DOMElement, ancestor: DOMElement): number {
  let y = 0;
  for (let n: DOMElement | undefined = node; n && n !== ancestor; n = n.parentNode) y += n.yogaNode?.getComputedTop() ?? 0;
  return Math.round(y);
}

/**
 * Keeps a screen inside the terminal by scrolling its body instead of cutting it. After each
 * frame the body's full height is measured (Ink's layout, so wrapping and resizes are counted as
 * drawn) against the room the rest of the frame leaves; once it does not fit, the root is held
 * one line shorter than the terminal (a frame as tall as the terminal makes Ink wipe the screen
 * and its scrollback on every redraw) and the body scrolls. When `view` changes (another card,
 * the reveal, the help), the offset starts again: at the anchor if one is mounted, else the top.
 */
export function useScroll(view: string): Scroll {
  const root = useRef<DOMElement | null>(null);
  const viewport = useRef<DOMElement | null>(null);
  const content = useRef<DOMElement | null>(null);
  const anchor = useRef<DOMElement | null>(null);
  const [state, send] = useReducer(scrollReducer, initialScroll);
  const rows = useRows();
  // Read by a screen reader, the frame is text read in order: nothing to clip, nothing to scroll.
  const reader = useIsScreenReaderEnabled();
  const [fit, setFit] = useState<{ height: number | undefined; overflow: boolean }>({ height: undefined, overflow: false });
  const shownView = useRef<string | null>(null);
  // A new view never shows a frame at the old one's offset: back to the top at once (the anchor,
  // which needs the new layout, follows after the frame).
  const [seen, setSeen] = useState(view);
  if (seen !== view) {
    setSeen(view);
    send({ type: 'to', offset: 0 });
  }

  useEffect(() => {
    if (reader || !root.current || !viewport.current || !content.current) return;
    const inner = measureElement(content.current).height;
    // The marker line sits outside the viewport while the content overflows: not part of the rest.
    const fixed = measureElement(root.current).height - measureElement(viewport.current).height - (fit.overflow ? 1 : 0);
    const overflow = rows > 0 && fixed + inner >= rows;
    const height = overflow ? rows - 1 : undefined;
    const room = overflow ? Math.max(1, rows - 2 - fixed) : inner;
    if (height !== fit.height || overflow !== fit.overflow) setFit({ height, overflow });
    send({ type: 'measured', content: inner, viewport: room });
    if (shownView.current !== view) {
      shownView.current = view;
      send({ type: 'to', offset: anchor.current ? topWithin(anchor.current, content.current) : 0 });
    }
  });

  return { state, send, root, viewport, content, anchor, ...fit };
}
