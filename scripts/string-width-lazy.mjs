// The esbuild side of scripts/string-width-fast.mjs (see there): used by scripts/build.mjs, and
// by test/scripts/string-width-fast.test.ts to bundle the wrapper the way the CLI gets it.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Every import of string-width goes through scripts/string-width-fast.mjs (see there), each on
 * top of the version its importer would have had (Ink's, and wrap-ansi's own older one). The
 * package's own code is wrapped in a function run the first time a string needs it: its
 * top-level grapheme segmenter and Unicode-property regular expressions cost every start of an
 * Ink screen about 10 ms to build, and most starts never need them.
 */
export function lazyStringWidth(realFile) {
  const source = readFileSync(realFile, 'utf8');
  const imports = source.match(/^import .*;$/gm) ?? [];
  const body = source.replace(/^import .*;$/gm, '');
  const head = 'export default function stringWidth(';
  if (body.split(head).length !== 2 || /^export /m.test(body.replace(head, ''))) {
    throw new Error(`${realFile}: not the shape the string-width wrapper expects (one default export, stringWidth)`);
  }
  return [
    ...imports,
    `import { narrowWidth } from ${JSON.stringify(fileURLToPath(new URL('./string-width-fast.mjs', import.meta.url)))};`,
    'let real;',
    `function load() {${body.replace(head, 'function stringWidth(')}\nreturn stringWidth;\n}`,
    'export default function fastStringWidth(text, options) { return narrowWidth(text, options) ?? (real ??= load())(text, options); }',
  ].join('\n');
}

/** The esbuild plugin that routes every `string-width` import through {@link lazyStringWidth}. */
export const fastStringWidth = {
  name: 'fast-string-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.pluginData === 'real') return undefined;
      const real = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'real' });
      return { path: real.path, namespace: 'fast-string-width' };
    });
    b.onLoad({ filter: /.*/, namespace: 'fast-string-width' }, (args) => ({ resolveDir: dirname(args.path), contents: lazyStringWidth(args.path) }));
  },
};
