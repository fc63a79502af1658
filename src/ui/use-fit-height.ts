import { useEffect, useRef, useState, type RefObject } from 'react';
import { measureElement, useStdout, type DOMElement } from 'ink';

/** What a screen needs to keep its frame inside a short terminal. */
export interface FitHeight {
  /** On the screen's root Box. */
  root: RefObject<DOMElement | null>;
  /** On the Box that may be cut (give it `flexShrink={1}` and `overflow="hidden"`). */
  body: RefObject<DOMElement | null>;
  /** On a Box inside `body` that holds its content at full height (`flexShrink={0}`). */
  content: RefObject<DOMElement | null>;
  /** The root's height: undefined while the frame fits, one less than the terminal's rows once it would not. */
  height: number | undefined;
  /** Lines of `content` cut off to fit, 0 when none; show them as a one-line note outside `body`. */
  hidden: number;
}

/**
 * Keeps a frame shorter than the terminal. A frame as tall as the terminal makes Ink redraw by
 * clearing the whole screen and its scrollback, on every tick of a timer; cutting the body
 * instead keeps the rest of the frame (header, grades, key hints) on screen. The natural height
 * is measured after each render, so a frame that fits again is let go again.
 */
export function useFitHeight(): FitHeight {
  const { stdout } = useStdout();
  const root = useRef<DOMElement | null>(null);
  const body = useRef<DOMElement | null>(null);
  const content = useRef<DOMElement | null>(null);
  const [rows, setRows] = useState(() => stdout.rows || 0);
  const [fit, setFit] = useState<{ height: number | undefined; hidden: number }>({ height: undefined, hidden: 0 });

  useEffect(() => {
    const update = () => setRows(stdout.rows || 0);
    stdout.on('resize', update);
    return () => {
      stdout.off('resize', update);
    };
  }, [stdout]);

  // After every render: the frame's height were the body not cut, against the terminal's. The
  // one-line "more lines" note is counted out, as it is there only while the body is cut.
  useEffect(() => {
    if (!root.current || !body.current || !content.current || rows <= 0) return;
    const inner = measureElement(content.current).height;
    const fixed = measureElement(root.current).height - measureElement(body.current).height - (fit.hidden > 0 ? 1 : 0);
    const cut = fixed + inner >= rows;
    const height = cut ? rows - 1 : undefined;
    const hidden = cut ? inner - Math.max(0, rows - 2 - fixed) : 0;
    if (height !== fit.height || hidden !== fit.hidden) setFit({ height, hidden });
  });

  return { root, body, content, ...fit };
}
