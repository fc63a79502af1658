/**
 * Terminal safety for text prep did not write (decks, imported files, file names): every
 * control character is swapped for a visible stand-in, so the text can only ever be read, never
 * act on the terminal (an `ESC ] 52` clipboard write, a title change, a screen clear, a bell).
 *
 * The rule, one character for one character:
 * - C0 controls U+0000–U+001F except tab and newline: the Unicode "Control Pictures" symbol
 *   U+2400 + code (ESC → ␛, BEL → ␇, NUL → ␀, CR → ␍);
 * - DEL U+007F: ␡ (U+2421);
 * - C1 controls U+0080–U+009F (8-bit CSI, OSC...): the replacement character � (U+FFFD).
 * Tab and newline stay: they lay text out and cannot start a sequence.
 */

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

const DEL_PICTURE = '\u2421';
const C1_PICTURE = '\uFFFD';

/** The visible stand-in for one control character (see the module rule); other characters as they are. */
export function controlPicture(ch: string): string {
  const code = ch.charCodeAt(0);
  // Stryker disable next-line EqualityOperator: only called on characters CONTROLS matched, never on a space
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return DEL_PICTURE;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: only called on CONTROLS matches, and what is left here is always U+0080–U+009F
  if (code >= 0x80 && code <= 0x9f) return C1_PICTURE;
  return ch;
}

/** The first control character of `text`, named (`U+001B`) and as shown (`␛`); undefined when there is none. */
export function firstControl(text: string): { code: string; shown: string } | undefined {
  const found = CONTROL.exec(text);
  if (!found) return undefined;
  return { code: `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`, shown: controlPicture(found[0]) };
}

/** `text` with every control character but tab and newline replaced by its visible stand-in. */
export function inert(text: string): string {
  return CONTROL.test(text) ? text.replace(CONTROLS, controlPicture) : text;
}

/**
 * A copy of plain data (objects, arrays, strings...) with {@link inert} applied to every string
 * in it; keys and other values are kept. Used on a whole deck at load time.
 */
export function inertStrings<T>(value: T): T {
  if (typeof value === 'string') return inert(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => inertStrings(v)) as T;
  if (typeof value === 'object' && value !== null) {
    // fromEntries defines each key as data, so even a "__proto__" key cannot reach a prototype.
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inertStrings(v)])) as T;
  }
  return value;
}
