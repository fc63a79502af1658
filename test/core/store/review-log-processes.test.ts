import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewLog } from '../../../src/core/store/review-log.js';
import { makeTempHome, useTempHome, type TempHome } from '../../helpers/temp-home.js';

// Children run the real module: bundled once from the TypeScript source, since plain Node
// cannot import .ts files.
const here = path.dirname(fileURLToPath(import.meta.url));
const CHILD = path.resolve(here, '../../fixtures/store/append-child.mjs');
const SOURCE = path.resolve(here, '../../../src/core/store/review-log.ts');
let bundleDir: TempHome;
let bundle: string;

beforeAll(async () => {
  bundleDir = makeTempHome('prep-bundle-');
  bundle = path.join(bundleDir.dir, 'review-log.mjs');
  await build({ entryPoints: [SOURCE], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: bundle, logLevel: 'silent' });
});

afterAll(() => {
  bundleDir.cleanup();
});

const home = useTempHome();

interface Child {
  /** Ids the child printed, i.e. whose append() had returned. */
  ids: string[];
  /** Resolves with the exit code (or signal) once stdout is fully read. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  kill(): void;
  /** Resolves once the child has printed at least `n` ids. */
  printed(n: number): Promise<void>;
}

function startChild(file: string, count: number | 'forever', typedLength: number): Child {
  const proc = spawn(process.execPath, [CHILD, bundle, file, String(count), String(typedLength)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ids: string[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  let pending = '';
  let stderr = '';
  proc.stdout.setEncoding('utf8');
  proc.stdout.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    // Only whole lines count: a half-printed id was not reported as saved.
    pending = lines.pop() ?? '';
    ids.push(...lines);
    for (const w of waiters.filter((w) => ids.length >= w.n)) w.resolve();
  });
  proc.stderr.setEncoding('utf8');
  proc.stderr.on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    proc.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  return {
    ids,
    done,
    kill: () => proc.kill('SIGKILL'),
    printed: (n) =>
      new Promise<void>((resolve, reject) => {
        if (ids.length >= n) return resolve();
        waiters.push({ n, resolve });
        void done.then(({ stderr: err }) => reject(new Error(`child ended after ${ids.length} ids: ${err}`)));
      }),
  };
}

describe('ReviewLog across processes', () => {
  it('keeps every grade reported as saved when the process is killed with SIGKILL', async () => {
    const file = path.join(home().dir, 'logs', 'coder.jsonl');
    // Large records make it likelier that the kill lands in the middle of a write.
    const child = startChild(file, 'forever', 20_000);
    await child.printed(50);
    child.kill();
    const { signal } = await child.done;
    expect(signal).toBe('SIGKILL');

    const { records, warnings } = ReviewLog.open(file);
    const saved = new Set(records.map((r) => r.id));
    expect(child.ids.length).toBeGreaterThanOrEqual(50);
    expect(child.ids.filter((id) => !saved.has(id))).toEqual([]);
    // A kill can cut the very last line, and nothing else.
    expect(warnings.length).toBeLessThanOrEqual(1);
    for (const w of warnings) expect(w).toMatch(/cut off/);
    expect(ReviewLog.open(file).warnings).toEqual([]);
  });

  it('loses nothing and mixes no lines when two processes append at once', async () => {
    const file = path.join(home().dir, 'logs', 'coder.jsonl');
    // Records spanning several pages: a non-atomic append would interleave them.
    const children = [startChild(file, 200, 6_000), startChild(file, 200, 6_000)];
    const results = await Promise.all(children.map((c) => c.done));
    // A child that opens the log while the other is midway through a long append sees that line
    // half written, waits, and if the other is still writing leaves it alone and says so: never
    // anything else on stderr.
    for (const r of results) {
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/^(.*: skipped an unfinished last line\n)?$/);
    }

    const { records, warnings } = ReviewLog.open(file);
    expect(warnings).toEqual([]);
    expect(records).toHaveLength(400);
    expect(new Set(records.map((r) => r.id))).toEqual(new Set([...children[0]!.ids, ...children[1]!.ids]));
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(400);
  });
});
