// dist/prep.js: runs the CLI bundle (dist/prep-cli.js, a script holding one async function; see
// scripts/bundle-as-script.mjs) through node:vm, with V8's compiled code of it kept in prep's
// cache folder. The code is saved after a command has run, so it holds every function the
// command compiled on the way, not only what V8 compiles before the bundle runs (all that Node's
// own compile cache keeps): a warm start of a drill compiles almost nothing. Node's compile
// cache (22.1+) is still turned on, for the bundles loaded later (prep-authoring.js, prep-sync.js).
import fs from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { type Crc32, decodeCodeCache, encodeCodeCache, readCacheFile, writeCacheFile } from './code-cache.js';
import { CODE_BEFORE_FLAGS, startImportFlags } from './commands/import-flags.js';
import { resolvePaths } from './core/store/paths.js';

/**
 * Commands that save the user's work anyway (progress, decks) may also write compiled code.
 * The read-only ones (list, stats, lint, schema, --help...) write nothing, not even this cache.
 */
const WRITING = new Set(['drill', 'review', 'weak', 'pitch', 'mock', 'new', 'import']);
/**
 * Reports that are done once their text is out. Their run leaves a heap of a few tens of MB (the
 * snapshot, the deck's index) on which V8 has often begun marking; a process that ends by
 * emptying its event loop waits for that marking and a full collection first, 60-100 ms of
 * `prep stats` at 10,000 cards. These end as soon as what they printed has been handed over.
 */
const DONE_WHEN_PRINTED = new Set(['stats', 'list']);
/** Options that make one of those commands only look (`pitch --history`, `mock --last`, `--json`, help). */
const LOOKING = new Set(['--history', '--last', '--json', '--help', '-h']);

// Node 22.1+; this project's Node 20 types do not know it yet.
const { enableCompileCache } = module as { enableCompileCache?: (dir: string) => unknown };

/** Whether this command may write to prep's cache folder. */
function writes(command: string): boolean {
  return WRITING.has(command) && !process.argv.slice(3).some((a) => LOOKING.has(a));
}

/** prep's cache folder, made if need be, when it can be written. */
function writableCacheDir(): string | undefined {
  try {
    const dir = resolvePaths().cacheDir;
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.accessSync(dir, fs.constants.W_OK);
    return dir;
  } catch {
    // A read-only or missing home: start without the caches, only slower.
    return undefined;
  }
}

/**
 * The file of V8's code for `command`: one per command (each holds what that command's start
 * compiles) and per Node, as Node's own cache has (two Nodes in turn would otherwise keep
 * replacing each other's). A command that writes nothing reads the drill's file: most of what it
 * runs (the store, the deck cache, commander, Ink for a screen) is in there.
 */
function codeCacheFile(command: string, mayWrite: boolean): string | undefined {
  try {
    return path.join(resolvePaths().cacheDir, 'v8-code', `${process.version}-${process.arch}`, `${mayWrite ? command : 'drill'}.bin`);
  } catch {
    return undefined;
  }
}

/** zlib's CRC-32, where Node has it (20.15+, 22.2+), loaded only when a cache is in play. */
function crc32(): Crc32 | undefined {
  const zlib = module.createRequire(import.meta.url)('node:zlib') as { crc32?: Crc32 };
  return typeof zlib.crc32 === 'function' ? zlib.crc32 : undefined;
}

function hideFetch(): void {
  const fetch = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (fetch?.configurable) delete (globalThis as { fetch?: unknown }).fetch;
}

type Cli = (require: NodeJS.Require, url: string, importer: (specifier: string) => Promise<unknown>) => Promise<void>;

const command = process.argv[2] ?? '';
// Import keeps V8's young generation at its first size (see commands/import-heap.ts) and, where
// V8 has Maglev, compiles hot code once, on the main thread (see commands/import-flags.ts), set
// here before the CLI loads, while the young generation is still at its smallest and nothing is
// compiled yet, and before V8 reads or makes import's code cache (V8 checks the flags a cache
// was made with).
// Other commands never load node:v8.
if (command === 'import') (await import('node:v8')).setFlagsFromString(startImportFlags(process));
const dir = writes(command) ? writableCacheDir() : undefined;
if (dir && enableCompileCache) enableCompileCache(path.join(dir, 'node-compile-cache'));
// prep never fetches anything, but Ink's layout engine loads its WebAssembly with `fetch` when
// the global exists, and merely touching Node's `fetch` loads Node's whole HTTP client (undici)
// to read a data: URL: tens of milliseconds of every start. Without it the engine decodes the
// same bytes directly.
hideFetch();

const cli = new URL('./prep-cli.js', import.meta.url);
const source = fs.readFileSync(cli);
const cacheFile = codeCacheFile(command, dir !== undefined);
const file = cacheFile ? readCacheFile(cacheFile) : undefined;
const crc = file || dir ? crc32() : undefined;
const cachedData = file && crc ? decodeCodeCache(file, source, crc) : undefined;
const script = new vm.Script(source.toString('utf8'), { filename: fileURLToPath(cli), cachedData });
// Saved when there was none or V8 turned it down (another Node's, other flags). Import takes it
// before it changes V8's flags mid-run (see commands/import-flags.ts): V8 turns down code cached
// after that.
const saving = !cachedData || script.cachedDataRejected === true;
let code: Buffer | undefined;
if (saving) (globalThis as Record<symbol, unknown>)[CODE_BEFORE_FLAGS] = () => void (code ??= script.createCachedData());
const run = script.runInThisContext() as Cli;
await run(module.createRequire(cli), cli.href, (specifier) => import(new URL(specifier, cli).href));
// Only after a command that went well: one that stopped at an error compiled little of what it needs.
if (dir && cacheFile && crc && saving && !process.exitCode) {
  // A file is saved after a new Node or a new prep, which leaves the old files useless: they go
  // now, after the command, rather than costing every start a look at the folder; the code
  // that does it is loaded only then (dist/prep-prune.js).
  if (writeCacheFile(cacheFile, encodeCodeCache(source, code ?? script.createCachedData(), crc))) {
    await import('./prune-code-cache.js').then(
      ({ pruneCodeCache }) => pruneCodeCache(path.dirname(path.dirname(cacheFile)), path.basename(path.dirname(cacheFile)), source, crc),
      () => undefined, // Pruning is housekeeping: without it the folder is only bigger.
    );
  }
}
if (DONE_WHEN_PRINTED.has(command)) {
  // A write's callback runs once the text before it is with the system (a pipe can be
  // asynchronous, as on macOS): then nothing is left to lose.
  await new Promise((done) => process.stdout.write('', done));
  await new Promise((done) => process.stderr.write('', done));
  process.exit();
}
