// eslint-disable-next-line no-control-regex
const ERASE_LINES = /^((?:\x1b\[2K\x1b\[1A)*\x1b\[2K\x1b\[G)/;
// Any escape other than colour and style: a frame holding one is passed on as it is.
// eslint-disable-next-line no-control-regex
const CONTROL = /\x1b\[[0-9;?]*[A-LN-Zf-ln-z]/;

/**
 * Ink's redraw of a frame, rewritten to touch only the lines that changed. Ink (6.8) redraws by
 * erasing every line of the last frame and writing the new one whole; its own incremental mode
 * leaves the cursor a line off when a frame ends in a newline, which every frame of ours does.
 * So this does the same job on Ink's output: given the last frame's lines and Ink's write
 * (`eraseLines(n)` then the frame), it returns a write that moves up to the frame's top, rewrites
 * the changed lines, steps over the others, and clears what a shorter frame leaves below. The
 * cursor ends where Ink's own write leaves it (the start of the line under the frame), so Ink's
 * next erase, or this next diff, starts from the same place. Returns null when the write is not
 * such a redraw (the first frame, a clear, a cursor move), to be passed on unchanged.
 */
export function diffRedraw(previous: readonly string[] | null, write: string): { out: string; lines: string[] } | null {
  const erase = ERASE_LINES.exec(write)?.[1];
  if (!erase || !previous) return null;
  const n = erase.split('\x1b[2K').length - 1;
  const text = write.slice(erase.length);
  if (n !== previous.length || CONTROL.test(text)) return null;
  const lines = text.split('\n');
  let out = n > 1 ? `\x1b[${n - 1}A` : '';
  for (let i = 0; i < lines.length; i++) {
    const same = i < previous.length - 1 && lines[i] === previous[i];
    if (!same) out += `\r${lines[i]}\x1b[K`;
    if (i < lines.length - 1) out += '\n';
  }
  // A shorter frame: clear the rest of the old one below.
  if (lines.length < previous.length) out += '\r\x1b[J';
  return { out, lines };
}

/** The lines of a frame Ink writes whole (after an erase, or the first), or null if it holds cursor moves. */
function frameLines(write: string): string[] | null {
  const text = write.replace(ERASE_LINES, '');
  return CONTROL.test(text) ? null : text.split('\n');
}

const PASS = new Set(['\x1b[?2026h', '\x1b[?2026l', '\x1b[?25l', '\x1b[?25h']);

/**
 * `stream` with its `write` replaced by one that sends Ink's redraws through {@link diffRedraw}:
 * a clock ticking ten times a second then costs the bytes of its own line, not of the frame, so
 * a slow terminal (or a slow link to one) does not flicker. Everything else Ink reads (columns,
 * rows, isTTY, resize events) is the stream's own.
 */
export function lineDiffStream<T extends NodeJS.WriteStream>(stream: T): T {
  let last: string[] | null = null;
  const write = (chunk: unknown, ...rest: unknown[]): boolean => {
    if (typeof chunk !== 'string') {
      last = null;
      return (stream.write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }
    if (PASS.has(chunk)) return (stream.write as (...a: unknown[]) => boolean)(chunk, ...rest);
    const diff = diffRedraw(last, chunk);
    last = diff ? diff.lines : frameLines(chunk);
    return (stream.write as (...a: unknown[]) => boolean)(diff ? diff.out : chunk, ...rest);
  };
  return new Proxy(stream, {
    get(target, prop) {
      if (prop === 'write') return write;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
