// Bundles the CLI into one file. Unbundled Ink starts about twice as slowly, because Node
// resolves and compiles hundreds of small modules at start-up.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Options shared by prep and the benchmark's minimal Ink app, so the two compare fairly. */
export const shared = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  // Ink imports react-devtools-core only when DEV is set; keep it out of the bundle.
  alias: { 'react-devtools-core': `${root}scripts/devtools-stub.js` },
  define: { 'process.env.NODE_ENV': '"production"' },
  // Some dependencies are CommonJS and call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __prepCreateRequire } from 'node:module'; const require = __prepCreateRequire(import.meta.url);",
  },
};

const entries = [{ in: 'src/cli.tsx', out: 'dist/prep.js', hashbang: true }];
if (process.argv.includes('--bench')) {
  entries.push({ in: 'bench/minimal-ink.tsx', out: 'dist/bench/minimal-ink.js' });
  entries.push({ in: 'bench/grade-latency.ts', out: 'dist/bench/grade-latency.js' });
}

for (const entry of entries) {
  await build({
    ...shared,
    entryPoints: [`${root}${entry.in}`],
    outfile: `${root}${entry.out}`,
    banner: entry.hashbang ? { js: `#!/usr/bin/env node\n${shared.banner.js}` } : shared.banner,
  });
}

// schema/deck.schema.json is generated from the zod deck schema on every build.
await import('./schema.mjs');
