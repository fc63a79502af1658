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
  /** The root's height: one less than the terminal's rows; undefined when unknown or read by a screen reader. */
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
 * Keeps a screen inside the terminal by scrolling its body instead of cutting it. The frame is
 * held one line shorter than the terminal; after each frame the body's full height is measured
 * (Ink's layout, so wrapping and resizes are counted as drawn) against the room the pinned parts
 * leave it, and the difference is what scrolls. When `view` changes (another card, the reveal,
 * the help), the offset starts again: at the anchor if one is mounted, else the top.
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
  const [overflow, setOverflow] = useState(false);
  // The frame always takes the terminal's height less one line: the key bar sits at the bottom,
  // no frame is ever taller than the terminal (not even the first of a revealed card, before
  // anything is measured), and a frame as tall as the terminal, which makes Ink wipe the screen
  // and its scrollback on every redraw, never happens.
  const height = reader || rows <= 0 ? undefined : rows - 1;
  const shownView = useRef<string | null>(null);
  // A new view never shows a frame at the old one's offset: back to the top at once (the anchor,
  // which needs the new layout, follows after the frame).
  const [seen, setSeen] = useState(view);
  if (seen !== view) {
    setSeen(view);
    send({ type: 'to', offset: 0 });
  }

  useEffect(() => {
    if (height === undefined || !viewport.current || !content.current) return;
    const inner = measureElement(content.current).height;
    // The room the body has without the marker line, which shows (under it) only on overflow.
    const room = measureElement(viewport.current).height + (overflow ? 1 : 0);
    const over = inner > room;
    if (over !== overflow) setOverflow(over);
    send({ type: 'measured', content: inner, viewport: Math.max(1, over ? room - 1 : room) });
    if (shownView.current !== view) {
      shownView.current = view;
      send({ type: 'to', offset: anchor.current ? topWithin(anchor.current, content.current) : 0 });
    }
  });

  return { state, send, root, viewport, content, anchor, height, overflow };
}
