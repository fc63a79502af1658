// dist/prep.js: turns on Node's compile cache where Node has one (22.1 and later), then loads the
// CLI (dist/prep-cli.js). With the cache, a start reads V8's compiled code for the 600 KB bundle
// from prep's cache folder instead of compiling it again. It must be on before the bundle loads,
// hence this small first file. Node 20 has no compile cache and simply loads the CLI.
import fs from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { resolvePaths } from './core/store/paths.js';

/**
 * Commands that save the user's work anyway (progress, decks) may also write compiled code.
 * The read-only ones (list, stats, lint, schema, --help...) write nothing, not even this cache.
 */
const WRITING = new Set(['drill', 'review', 'weak', 'pitch', 'mock', 'new', 'import']);
/** Options that make one of those commands only look (`pitch --history`, `mock --last`, `--json`, help). */
const LOOKING = new Set(['--history', '--last', '--json', '--help', '-h']);

// Node 22.1+; this project's Node 20 types do not know it yet.
const { enableCompileCache } = module as { enableCompileCache?: (dir: string) => unknown };

/** `<cache folder>/node-compile-cache`, when Node has a compile cache and prep can write there. */
function compileCacheDir(): string | undefined {
  if (!enableCompileCache || !WRITING.has(process.argv[2] ?? '')) return undefined;
  if (process.argv.slice(3).some((a) => LOOKING.has(a))) return undefined;
  try {
    const dir = path.join(resolvePaths().cacheDir, 'node-compile-cache');
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.accessSync(dir, fs.constants.W_OK);
    return dir;
  } catch {
    // A read-only or missing home: start without the cache, only slower.
    return undefined;
  }
}

function hideFetch(): void {
  const fetch = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (fetch?.configurable) delete (globalThis as { fetch?: unknown }).fetch;
}

// Import keeps V8's young generation at its first size (see commands/import-heap.ts), set here
// before the CLI loads, while it is still at its smallest; other commands never load node:v8.
if (process.argv[2] === 'import') (await import('node:v8')).setFlagsFromString('--semi-space-growth-factor=1');
const dir = compileCacheDir();
if (dir && enableCompileCache) enableCompileCache(dir);
// prep never fetches anything, but Ink's layout engine loads its WebAssembly with `fetch` when
// the global exists, and merely touching Node's `fetch` loads Node's whole HTTP client (undici)
// to read a data: URL: tens of milliseconds of every start. Without it the engine decodes the
// same bytes directly.
hideFetch();
await import('./cli.js');
