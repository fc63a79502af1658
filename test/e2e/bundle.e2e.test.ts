import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { PREP } from '../helpers/run-cli.js';

const AUTHORING = PREP.replace(/prep\.js$/, 'prep-authoring.js');
const CLI = PREP.replace(/prep\.js$/, 'prep-cli.js');

/** Where the first byte above 0x7f of `file` is, with the text around it, or undefined when it is all ASCII. */
function firstNonAscii(file: string): string | undefined {
  const bytes = readFileSync(file);
  const at = bytes.findIndex((b) => b > 0x7f);
  if (at === -1) return undefined;
  const char = bytes.subarray(at, at + 4).toString('utf8').codePointAt(0)!;
  const around = bytes.subarray(Math.max(0, at - 40), at + 40).toString('utf8');
  return `dist/${basename(file)}: byte ${at} is U+${char.toString(16).toUpperCase().padStart(4, '0')}, not ASCII, in ${JSON.stringify(around)}`;
}

// What scripts/build.mjs keeps out of dist/prep-cli.js (which dist/prep.js runs, with its
// compiled code kept in prep's cache folder), because a start without that cache compiles all of it. That
// the result still works is shown by the other e2e tests: typed answers are scored with the
// English stop words (type-answer); settings and snapshots are written by prep's own small
// atomic writer, not conf (review: --interview is remembered; damaged-storage: snapshots); first runs parse their deck, and lint,
// import, new and schema run, from prep-authoring.js (drill, hostile-decks-cli, writing-cli).
describe('the built bundle', () => {
  const bundle = readFileSync(CLI, 'utf8');
  const has = (text: string) => bundle.includes(text);

  it('starts from a small first file that turns on the compile cache, then loads the CLI', () => {
    const first = readFileSync(PREP, 'utf8');
    // Compiled on every start before any cache of prep's can help: a few KB, not the CLI. 4.5 KB
    // since the reports' early exit and import's V8 flags joined the code-cache reader there.
    expect(first.length).toBeLessThan(4500);
    expect(first).toContain('enableCompileCache');
    expect(first).toContain('./prep-cli.js');
  });

  it('holds the CLI as a script node:vm can compile (no import statements), so its compiled code can be kept', () => {
    expect(bundle.startsWith('(async function(require,__prepUrl,__prepImport){')).toBe(true);
    expect(() => new Script(bundle, { filename: CLI })).not.toThrow();
  });

  it('holds the English stop-word list and none of the other languages', () => {
    expect(has('"about","after","all","also"')).toBe(true);
    expect(has('fussions'), 'a French stop word').toBe(false);
    expect(has('allerdings'), 'a German stop word').toBe(false);
  });

  it('leaves the YAML parser, zod and the importers to prep-authoring.js, loaded only when needed', () => {
    const authoring = readFileSync(AUTHORING, 'utf8');
    const markers: Array<[string, string]> = [
      ['the YAML parser', 'Implicit keys need to be on a single line'],
      ['zod', 'ZodError'],
      ['the CSV reader', 'CSV_'],
    ];
    for (const [what, marker] of markers) {
      expect(has(marker), `${what} in prep.js`).toBe(false);
      expect(authoring.includes(marker), `${what} in prep-authoring.js`).toBe(true);
    }
    expect(has('./prep-authoring.js')).toBe(true);
  });

  it("leaves the code cache's pruning to prep-prune.js, loaded only after a start saved a cache file", () => {
    const first = readFileSync(PREP, 'utf8');
    const prune = readFileSync(PREP.replace(/prep\.js$/, 'prep-prune.js'), 'utf8');
    // The 30 days another Node's files are kept, as minified: a number only the pruning uses.
    expect(first.includes('30*864e5'), 'pruning in prep.js').toBe(false);
    expect(prune.includes('30*864e5')).toBe(true);
    expect(first).toContain('./prep-prune.js');
  });

  it('leaves prep sync to prep-sync.js, loaded only by `prep sync`', () => {
    const sync = readFileSync(PREP.replace(/prep\.js$/, 'prep-sync.js'), 'utf8');
    expect(has('logs/*.jsonl merge=union'), 'the sync repository files in prep.js').toBe(false);
    expect(sync.includes('logs/*.jsonl merge=union')).toBe(true);
    expect(has('./prep-sync.js')).toBe(true);
  });

  it("draws frames through the stand-in for Ink's frame-to-text step, which skips cells styled alike", () => {
    // scripts/ansi-tokenize-fast.mjs: its comparison of two cells' styles, as minified.
    expect(bundle).toMatch(/\w+\[\w+\]\.code!==\w+\[\w+\]\.code\|\|\w+\[\w+\]\.endCode!==\w+\[\w+\]\.endCode/);
  });

  it('splits graphemes through the stand-in that makes Intl.Segmenter only for a string that needs it', () => {
    // scripts/graphemes-fast.mjs: Ink's tokenizer and slice-ansi made one each when they loaded.
    expect(bundle.split('new Intl.Segmenter(void 0,{granularity:"grapheme"})')).toHaveLength(2);
    expect(bundle).toMatch(/new Intl\.Segmenter\(void 0,\{granularity:"grapheme"\}\),\w+\.segment\(\w+\)/);
  });

  it('is ASCII throughout, in every bundle: one other character makes V8 hold the whole file as a two-byte string', () => {
    const dist = dirname(PREP);
    const files = readdirSync(dist).filter((f) => f.endsWith('.js'));
    expect(files).toEqual(expect.arrayContaining(['prep.js', 'prep-cli.js', 'prep-authoring.js', 'prep-sync.js']));
    const found = files.map((f) => firstNonAscii(join(dist, f))).filter(Boolean);
    expect(found, found.join('\n')).toEqual([]);
  });

  it('holds no settings library: settings and snapshots need neither conf nor its ajv and semver', () => {
    expect(has('$dynamicRef'), 'an ajv keyword').toBe(false);
    expect(has('SEMVER_SPEC_VERSION'), 'a semver constant').toBe(false);
    expect(has('prep bundles conf without schema validation and migrations'), 'the conf stub').toBe(false);
  });
});
