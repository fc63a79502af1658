// esbuild's `charset: 'ascii'` (its default) writes every other character of strings, templates
// and names as an escape, but leaves regular expression literals as they were written (changing
// one's spelling changes its `source`; evanw/esbuild#4205 is still open). One such character is
// enough for V8 to hold the whole file as a two-byte string: twice the memory, and a slower scan
// of all of it at every compile. Here those characters become `\uXXXX` escapes, which match the
// same text with or without the `u` flag (under `u`, a surrogate pair of escapes is one code
// point). prep's own patterns can then stay readable (`/[—–-]/`) in the sources.
import { readFileSync, writeFileSync } from 'node:fs';

const NOT_ASCII = /[\u0080-\uffff]/;

/** `\u` and the four hex digits of one UTF-16 code unit. */
const escape = (unit) => `\\u${unit.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * A regular expression literal with each non-ASCII code unit escaped. An identity escape of
 * one (`\–`, legal without the `u` flag) is that character, so it loses its backslash; any other
 * escaped pair (`\\`, `\/`) is kept whole, so a backslash is never read as the escape's own.
 */
export function asciiPattern(literal) {
  return literal.replace(/\\[\s\S]|[\u0080-\uffff]/g, (m) => (m.length === 2 ? (NOT_ASCII.test(m[1]) ? escape(m[1]) : m) : escape(m)));
}

/** Rewrites the bundle `file` with its regular expression literals in ASCII; a file that is ASCII already is not read twice. */
export async function asciiRegExps(file) {
  const text = readFileSync(file, 'utf8');
  if (!NOT_ASCII.test(text)) return;
  // Only when there is something to do: parsing the bundle is what finds the literals exactly.
  const { default: ts } = await import('typescript');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const edits = [];
  const visit = (node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const start = node.getStart(source);
      const literal = text.slice(start, node.end);
      if (NOT_ASCII.test(literal)) edits.push({ start, end: node.end, literal: asciiPattern(literal) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let out = text;
  for (const e of edits.reverse()) out = out.slice(0, e.start) + e.literal + out.slice(e.end);
  writeFileSync(file, out);
}
