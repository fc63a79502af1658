// Places in an Anki export's bytes, found without parsing it: the line end csv-parse would
// settle on, and where a note's field starts, for a refusal that names its line and column.

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * The record delimiter csv-parse finds for itself in `body`, when it is sure to find it: the
 * first line end ("\r\n", "\n" or a lone "\r"), when no quote comes before it (a quoted field
 * may hold line ends that csv-parse passes over). Undefined when it is not sure: csv-parse then
 * looks for itself. With no line end at all, "\n" reads the same as none.
 */
export function knownRecordDelimiter(body: Uint8Array): string | undefined {
  const cr = body.indexOf(CR);
  const lf = body.indexOf(LF);
  const end = cr === -1 ? lf : lf === -1 ? cr : Math.min(cr, lf);
  const quote = body.indexOf(QUOTE);
  if (quote !== -1 && (end === -1 || quote < end)) return undefined;
  if (end === -1 || body[end] === LF) return '\n';
  return body[end + 1] === LF ? '\r\n' : '\r';
}

/**
 * Where field `field` (from 0) of the note starting at `from` starts: the lines passed (0 when
 * on the note's first line) and its column, in characters from 1. Fields are cut at any of
 * `separators`; a field that opens with a quote runs to its closing quote (`""` is a quote
 * inside it). Undefined when the note ends before that field.
 */
export function fieldPlace(body: Uint8Array, from: number, separators: readonly Uint8Array[], field: number): { lines: number; column: number } | undefined {
  let at = from;
  let lines = 0;
  let lineStart = from;
  const separatorAt = (i: number): number => {
    for (const s of separators) if (s.every((b, j) => body[i + j] === b)) return s.length;
    return 0;
  };
  for (let n = 0; n < field; n++) {
    let quoted = body[at] === QUOTE;
    if (quoted) at++;
    for (;;) {
      if (at >= body.length) return undefined;
      const b = body[at];
      if (quoted && b === QUOTE) {
        // A doubled quote is a quote in the text; a single one closes the field.
        quoted = body[at + 1] === QUOTE;
        at += quoted ? 2 : 1;
        continue;
      }
      if (b === LF || b === CR) {
        if (!quoted) return undefined;
        at++;
        // "\r\n" is one line end, counted at its "\n".
        if (b === LF || body[at] !== LF) {
          lines++;
          lineStart = at;
        }
        continue;
      }
      const sep = quoted ? 0 : separatorAt(at);
      if (sep > 0) {
        at += sep;
        break;
      }
      at++;
    }
  }
  let column = 1;
  for (let i = lineStart; i < at; i++) if (((body[i] as number) & 0xc0) !== 0x80) column++;
  return { lines, column };
}
