// Bundles the CLI: dist/prep.js, a small first file that runs dist/prep-cli.js (every command
// runs from it) with V8's compiled code kept in prep's cache folder (src/start.ts), and turns on
// Node's compile cache (22.1+) for the other bundles; and dist/prep-authoring.js,
// which holds what only re-parsing a deck and the writing commands need (src/commands/
// authoring.ts: the YAML parser, zod, the importers). Unbundled Ink starts about twice as
// slowly, because Node resolves and compiles hundreds of small modules at start-up; and every
// start compiles all of prep.js, so what a drill with a cached deck never runs stays out of it.
import { build } from 'esbuild';
import { fastStringWidth } from './string-width-lazy.mjs';
import { asScript, builtinsThrough } from './bundle-as-script.mjs';
import { lazyGraphemes } from './graphemes-fast.mjs';
import { lazyChildProcess } from './commander-lazy.mjs';
import { asciiRegExps } from './ascii-regexps.mjs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Options shared by prep and the benchmark's minimal Ink app, so the two compare fairly. */
const shared = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  alias: {
    // Ink imports react-devtools-core only when DEV is set; keep it out of the bundle.
    'react-devtools-core': `${root}scripts/devtools-stub.js`,
    // Ink's frame-to-text step, without a style diff per blank cell (see the file).
    '@alcalzone/ansi-tokenize': `${root}scripts/ansi-tokenize-fast.mjs`,
  },
  define: { 'process.env.NODE_ENV': '"production"' },
  // Some dependencies are CommonJS and call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __prepCreateRequire } from 'node:module'; const require = __prepCreateRequire(import.meta.url);",
  },
};

/**
 * For prep's own code only, a trim that every start pays for otherwise (about 200 KB of the
 * bundle to compile): the English stop-word list alone (stopword's CommonJS build is one object
 * holding all 62 languages; its ES module build lets the unused ones be dropped).
 */
const prepAlias = {
  ...shared.alias,
  stopword: `${root}node_modules/stopword/src/stopword.js`,
};

/**
 * In prep.js, the two dynamic imports of the authoring code (cli.tsx's writing commands and
 * open-deck-file.ts's parser, on a cache miss) load dist/prep-authoring.js instead. Only the
 * dynamic ones: a static import would pull the code back into prep.js.
 */
const authoringApart = {
  name: 'authoring-apart',
  setup(b) {
      b.onResolve({ filter: /^\.\/(commands\/authoring|load-deck)\.js$/ }, (args) => {
      const fromCli = args.importer.endsWith('/src/cli.tsx') && args.path === './commands/authoring.js';
      const fromCache = args.importer.endsWith('/src/core/deck/open-deck-file.ts') && args.path === './load-deck.js';
      if (args.kind !== 'dynamic-import' || !(fromCli || fromCache)) return undefined;
      return { path: './prep-authoring.js', external: true };
    });
  },
};

/**
 * `prep sync` (git, merging, the mirror of the config folder) is a bundle of its own,
 * dist/prep-sync.js: no other command needs it, and every start would compile it otherwise.
 */
const syncApart = {
  name: 'sync-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/commands\/sync\.js$/ }, (args) =>
      args.kind === 'dynamic-import' && args.importer.endsWith('/src/cli.tsx') ? { path: './prep-sync.js', external: true } : undefined,
    );
  },
};

/**
 * The code cache's pruning (src/prune-code-cache.ts) is dist/prep-prune.js, loaded by the first
 * file only after it saved a cache file: every start compiles the first file, few prune.
 */
const pruneApart = {
  name: 'prune-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/prune-code-cache\.js$/ }, (args) =>
      args.kind === 'dynamic-import' && args.importer.endsWith('/src/start.ts') ? { path: './prep-prune.js', external: true } : undefined,
    );
  },
};

/**
 * dist/prep.js, an ES module, takes the built-ins it imports through the banner's require too:
 * Node makes an ES module of a built-in the first time one is imported (a module namespace of
 * every export, node:fs has about a hundred), a few ms of every start of every command.
 */
const firstFileBuiltins = builtinsThrough('__prepRequire');

const entries = [
  { in: 'src/start.ts', out: 'dist/prep.js', hashbang: true, alias: prepAlias, plugins: [authoringApart, pruneApart, firstFileBuiltins] },
  { in: 'src/prune-code-cache.ts', out: 'dist/prep-prune.js', alias: prepAlias },
  { in: 'src/cli.tsx', out: 'dist/prep-cli.js', alias: prepAlias, plugins: [authoringApart, syncApart], script: true },
  { in: 'src/commands/authoring.ts', out: 'dist/prep-authoring.js', alias: prepAlias },
  { in: 'src/commands/sync.ts', out: 'dist/prep-sync.js', alias: prepAlias, plugins: [authoringApart] },
];
if (process.argv.includes('--bench')) {
  entries.push({ in: 'bench/minimal-ink.tsx', out: 'dist/bench/minimal-ink.js', alias: shared.alias });
  entries.push({ in: 'bench/grade-latency.ts', out: 'dist/bench/grade-latency.js', alias: prepAlias });
  entries.push({ in: 'bench/matching.ts', out: 'dist/bench/matching.js', alias: prepAlias });
  entries.push({ in: 'bench/audio-analysis.ts', out: 'dist/bench/audio-analysis.js', alias: prepAlias });
}

for (const entry of entries) {
  const options = {
    ...shared,
    alias: entry.alias,
    plugins: [...(entry.plugins ?? []), fastStringWidth, lazyGraphemes, lazyChildProcess],
    entryPoints: [`${root}${entry.in}`],
    outfile: `${root}${entry.out}`,
    banner: entry.hashbang ? { js: `#!/usr/bin/env node\n${shared.banner.js.replace(/;$/, ', __prepRequire = require;')}` } : shared.banner,
  };
  await (entry.script ? asScript(build, options) : build(options));
  // All ASCII, so V8 holds the file as a one-byte string (see the file).
  await asciiRegExps(options.outfile);
}

// schema/deck.schema.json is generated from the zod deck schema on every build.
await import('./schema.mjs');
// dist/wordnet-synonyms.txt: the synonym sets the typed-answer check reads when it first runs.
const { writeLexicon } = await import('./make-lexicon.mjs');
writeLexicon();
