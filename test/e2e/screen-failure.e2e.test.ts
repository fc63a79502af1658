import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PLAIN_DECK, putDeck } from '../helpers/e2e-home.js';
import { ShellPty } from '../helpers/pty-tools.js';
import { useTempHome } from '../helpers/temp-home.js';
import { cursorRestored } from '../helpers/terminal-scan.js';

// A screen with a bug must not leave the user's terminal unusable: whether it throws on its first
// render, on a later one, in an effect or in a key handler, prep ends with the terminal back in
// its usual mode (raw mode off, the cursor shown), one line saying what failed, exit status 1,
// and no stack trace. The program is the real CLI (src/cli.tsx, bundled here) with only the
// drill screen swapped for one that throws (test/fixtures/screens/faulty-drill-screen.tsx).

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FAULTY = join(ROOT, 'test/fixtures/screens/faulty-drill-screen.tsx');
let dir = '';
let program = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'prep-faulty-'));
  program = join(dir, 'prep-faulty.mjs');
  await build({
    entryPoints: [join(ROOT, 'src/cli.tsx')],
    outfile: program,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    jsx: 'automatic',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    alias: { 'react-devtools-core': join(ROOT, 'scripts/devtools-stub.js') },
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    plugins: [
      {
        name: 'faulty-drill-screen',
        setup(b) {
          b.onResolve({ filter: /\/drill-screen\.js$/ }, (args) => (args.importer.endsWith('commands/drill.tsx') ? { path: FAULTY } : undefined));
        },
      },
    ],
  });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const home = useTempHome('prep-screen-failure-');
let pty: ShellPty | undefined;
afterEach(async () => {
  await pty?.dispose();
  pty = undefined;
});

const FAULTS = [
  { fault: 'first-render', message: 'the first render failed' },
  { fault: 'render-later', message: 'a later render failed', key: 'x' },
  { fault: 'effect', message: 'an effect failed' },
  { fault: 'key', message: 'a key handler failed', key: 'x' },
];

describe('a screen that throws', () => {
  it.each(FAULTS)('$fault: the terminal is put back, one line says what failed, exit 1', async ({ fault, message, key }) => {
    putDeck(home().dir, 'plain', PLAIN_DECK);
    const modes = join(home().dir, 'modes-at-exit.txt');
    pty = new ShellPty(['drill', 'plain'], { env: { ...home().env, PREP_TEST_FAULT: fault, PREP_TEST_MODES: modes }, cols: 200 }, program);
    if (key) {
      await pty.waitFor('A faulty screen is up.');
      await pty.rawMode();
      pty.write(key);
    }
    expect(await pty.exitStatus()).toBe(1);
    const screen = await pty.screen();
    expect(screen).toContain(`prep: the screen stopped on an error: ${message} (everything saved before it is kept)`);
    // No stack trace: neither Ink's error box nor Node's.
    expect(pty.raw).not.toMatch(/ERROR|\bat \S+ \(|file:\/\/|\.mjs:\d+/);
    expect(cursorRestored(pty.raw.slice(0, pty.raw.indexOf('prep exited with')))).toBe(true);
    // Raw mode was off before prep's code ended, not only after Node's own reset at exit.
    const atExit = readFileSync(modes, 'utf8');
    expect(atExit).toMatch(/(^|\s)icanon(\s|$)/);
    expect(atExit).toMatch(/(^|\s)echo(\s|$)/);
    expect(await pty.cooked()).toBe(true);
  });
});
