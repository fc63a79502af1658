import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without types
import { asciiPattern, asciiRegExps } from '../../scripts/ascii-regexps.mjs';
import { useTempHome } from '../helpers/temp-home.js';

// esbuild leaves regular expression literals as written; the build rewrites their non-ASCII
// characters as escapes. A rewritten pattern must match exactly what the written one matched.
const home = useTempHome('prep-ascii-');
const pattern = (literal: string) => (0, eval)(literal) as RegExp;
const escaped = (literal: string) => asciiPattern(literal) as string;

describe('regular expression literals in ASCII', () => {
  const cases: Array<[string, string[]]> = [
    ['/[ßæœøłđðþı]/g', ['straße', 'œuvre', 'plain']],
    ['/^\\s*(?:[-*•]|\\d+[.)])\\s+/', ['• point', '- point', '1) point', 'point']],
    ['/[—–-]/u', ['a — b', 'a – b', 'a - b', 'ab']],
    ['/[.!…]+$/', ['wait…', 'done.', 'no']],
    // Outside the Basic Multilingual Plane: a surrogate pair, one code point under u.
    ['/^😀$/u', ['😀', '😁', '']],
    ['/^[😀-😂]$/u', ['😁', '😃']],
    ['/^😀{2}$/', ['😀\uDE00', '😀😀']],
    // An identity escape of a non-ASCII character, and an escaped backslash before one.
    ['/a\\–b/', ['a–b', 'a\\–b']],
    ['/a\\\\–b/', ['a\\–b', 'a–b']],
  ];

  it.each(cases)('%s matches the same text rewritten', (literal, texts) => {
    const out = escaped(literal);
    expect(out).not.toMatch(/[\u0080-\uffff]/);
    for (const text of texts) expect(pattern(out).test(text), `${out} on ${JSON.stringify(text)}`).toBe(pattern(literal).test(text));
    expect(pattern(out).flags).toBe(pattern(literal).flags);
  });

  it('rewrites only the literals in a file: strings and tagged templates keep their text', async () => {
    const file = path.join(home().dir, 'bundle.js');
    const code = 'export const a = /[—–]/.test(x), b = String.raw`—`, c = "—", d = 1 / 2 / 3;\n';
    fs.writeFileSync(file, code);
    await asciiRegExps(file);
    expect(fs.readFileSync(file, 'utf8')).toBe('export const a = /[\\u2014\\u2013]/.test(x), b = String.raw`—`, c = "—", d = 1 / 2 / 3;\n');
  });
});
