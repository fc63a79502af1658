import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { build, type Plugin } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import stringWidth from 'string-width';
// wrap-ansi's own older copy, reached by its path
import olderStringWidth from '../../node_modules/wrap-ansi/node_modules/string-width/index.js';
// @ts-expect-error: a plain .mjs build script without types
import { NARROW as narrowUntyped, narrowWidth as narrowUntypedWidth } from '../../scripts/string-width-fast.mjs';
// @ts-expect-error: a plain .mjs build script without types
import { fastStringWidth } from '../../scripts/string-width-lazy.mjs';

// The bundles measure text through scripts/string-width-fast.mjs, on top of the package (both of
// its versions in the bundle): whatever it answers must be what the package answers.
const NARROW = narrowUntyped as [number, number][];
const narrowWidth = narrowUntypedWidth as (text: unknown, options?: { ambiguousIsNarrow?: boolean }) => number | undefined;
const older = olderStringWidth as typeof stringWidth;
const narrowChars = NARROW.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i)));

describe("the bundles' text measure", () => {
  it('takes every character of its own list as one column, as both versions of string-width do', () => {
    for (const c of narrowChars) {
      expect([c, narrowWidth(c)]).toEqual([c, 1]);
      expect([c, stringWidth(c)]).toEqual([c, 1]);
      expect([c, older(c)]).toEqual([c, 1]);
    }
  });

  it('measures any string as the package does, and leaves to it every string with another character', () => {
    // Escapes that are not style codes: measured by the package (the check below compares them).
    const escapes = ['\x1b', '\x1b[', '\x1b[31', '\x1b[12345m', '\x1b]0;t\x07', '\x1b[2J'];
    const others = ['', '\u00ad', '©', '®', '\u0301', '字', '😀', '❤️', '\t', '\n', '\u200b', 'ｱ', '\u25fe', '\u2714', '\u203c'];
    const text = fc.array(fc.constantFrom(...narrowChars.filter((_, i) => i % 7 === 0), ' ', 'a', '·', '—', '─', '1', ';', 'm', '\x1b[31m', '\x1b[2m', '\x1b[22m', '\x1b[1;36m', '\x1b[m', '\x1b[38;5;123m', '\x1b[0;1234m', ...escapes, ...others), { maxLength: 30 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const fast = narrowWidth(t);
        if (fast !== undefined) {
          expect(fast).toBe(stringWidth(t));
          expect(fast).toBe(older(t));
        }
        if (others.some((o) => o !== '' && t.includes(o))) expect(fast).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves a wide reading of ambiguous characters, and what is not a string, to the package', () => {
    expect(narrowWidth('a — b', { ambiguousIsNarrow: false })).toBeUndefined();
    expect(stringWidth('a — b', { ambiguousIsNarrow: false })).toBe(6);
    expect(narrowWidth(undefined)).toBeUndefined();
    expect(narrowWidth('Coder — Software Engineer · shipped')).toBe(35);
    // Ink measures styled text: the style codes take no columns, as the package strips them.
    expect(narrowWidth('\x1b[2m────\x1b[22m\x1b[2m 30 s\x1b[22m')).toBe(9);
    expect(narrowWidth('\x1b[1mq\x1b[22m quit', { countAnsiEscapeCodes: true } as never)).toBeUndefined();
  });
});

/** Resolves `older` to a module whose `string-width` is wrap-ansi's own copy, wrapped as the bundles wrap it. */
function olderFrom(dir: string, wrapAnsiDir: string): Plugin {
  return {
    name: 'older-from-wrap-ansi',
    setup(b) {
      b.onResolve({ filter: /^older$/ }, () => ({ path: path.join(dir, 'older.mjs') }));
      b.onResolve({ filter: /^string-width$/ }, async (args) => {
        if (!args.importer.endsWith('older.mjs')) return undefined;
        const real = await b.resolve('string-width', { kind: args.kind, resolveDir: wrapAnsiDir, pluginData: 'real' });
        return { path: real.path, namespace: 'fast-string-width' };
      });
    },
  };
}

describe('string-width as the bundles get it (the fast path, the package loaded on first need)', () => {
  it('measures any text as both versions of the package do', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prep-sw-'));
    try {
      // Bundled like the CLI: Ink's copy through `string-width`, wrap-ansi's own from its folder.
      const entry = path.join(dir, 'entry.mjs');
      const wrapAnsiDir = path.resolve('node_modules/wrap-ansi');
      fs.writeFileSync(entry, "export { default as newer } from 'string-width';\n");
      fs.writeFileSync(path.join(dir, 'older.mjs'), "export { default as older } from 'string-width';\n");
      const outfile = path.join(dir, 'out.mjs');
      await build({
        stdin: { contents: "export { newer } from './entry.mjs'; export { older } from 'older';", resolveDir: dir },
        bundle: true,
        format: 'esm',
        platform: 'node',
        outfile,
        logLevel: 'silent',
        nodePaths: [path.resolve('node_modules')],
        plugins: [olderFrom(dir, wrapAnsiDir), fastStringWidth as Plugin],
      });
      const bundled = (await import(pathToFileURL(outfile).href)) as { newer: typeof stringWidth; older: typeof stringWidth };
      const pieces = ['a', 'Go', ' ', '·', '—', '─', '█', '©', '\u00ad', '\u0301', '字', '한', '😀', '👍🏽', '❤️', '1️⃣', '\x1b[31m', '\x1b[0m', '\t', 'ｱ', '\u200b'];
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 20 }).map((p) => p.join('')), (t) => {
          expect(bundled.newer(t)).toBe(stringWidth(t));
          expect(bundled.older(t)).toBe(older(t));
        }),
        { numRuns: 1500 },
      );
      expect(bundled.newer('字😀')).toBe(4);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
