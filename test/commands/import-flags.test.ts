import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { importV8Flags, inputV8Flags, MAGLEV_ONLY, NO_TURBOFAN_UP_TO, SMALL_HEAP_STEPS, startImportFlags, TURBOFAN_SMALL } from '../../src/commands/import-flags.js';

// Which V8 flags `prep import` sets on itself, by what the running Node has (see
// test/e2e/import-v8-flags.e2e.test.ts for their effect in a real import).
function node(maglev: unknown, execArgv: string[] = [], nodeOptions?: string) {
  return { config: { variables: { v8_enable_maglev: maglev } }, execArgv, env: { NODE_OPTIONS: nodeOptions } };
}

describe('importV8Flags', () => {
  it('always holds the young generation at its first size', () => {
    for (const maglev of [0, 1, undefined]) expect(importV8Flags(node(maglev)).split(' ')).toContain('--semi-space-growth-factor=1');
  });

  it('turns TurboFan off and compiles on the main thread where V8 has Maglev to compile the hot code instead', () => {
    expect(importV8Flags(node(1))).toBe('--semi-space-growth-factor=1 --optimize-for-size --no-turbofan --efficiency-mode --no-single-threaded-gc-in-background');
  });

  it('keeps TurboFan, without inlining, where V8 has no Maglev', () => {
    expect(importV8Flags(node(0))).toBe('--semi-space-growth-factor=1 --optimize-for-size --no-turbo-inlining');
    expect(importV8Flags({ config: { variables: {} }, execArgv: [], env: {} })).toBe('--semi-space-growth-factor=1 --optimize-for-size --no-turbo-inlining');
  });

  it('grows the old generation in small steps on every Node, unless the user set that in NODE_OPTIONS', () => {
    for (const maglev of [0, 1, undefined]) expect(importV8Flags(node(maglev)).split(' ')).toContain('--optimize-for-size');
    for (const maglev of [0, 1]) {
      expect(importV8Flags(node(maglev, [], '--no-optimize-for-size')).split(' ')).not.toContain('--optimize-for-size');
      expect(importV8Flags(node(maglev, ['--optimize-for-size'])).split(' ')).not.toContain('--optimize-for-size');
    }
    // The user's choice of compilers keeps the small steps, and the reverse.
    expect(importV8Flags(node(0, ['--no-turbo-inlining']))).toBe('--semi-space-growth-factor=1 --optimize-for-size');
    expect(importV8Flags(node(0, [], '--no-optimize-for-size'))).toBe(`--semi-space-growth-factor=1 ${TURBOFAN_SMALL}`);
  });

  it('sets only flags the running Node knows (V8 ignores an unknown one without a word)', () => {
    const known = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    const flags = importV8Flags({ config: process.config, execArgv: [], env: {} }).split(' ');
    expect(flags).toContain(SMALL_HEAP_STEPS);
    for (const flag of flags) expect(known).toContain(`  ${flag.replace(/^--no-/, '--').replace(/=.*$/, '')} (`);
  });

  it("leaves the compilers to the user's own choice, given on the command line or in NODE_OPTIONS", () => {
    for (const maglev of [0, 1]) {
      expect(importV8Flags(node(maglev, ['--no-maglev']))).toBe('--semi-space-growth-factor=1 --optimize-for-size');
      expect(importV8Flags(node(maglev, ['--stack-size=900'], '--max-old-space-size=100 --no-maglev'))).toBe('--semi-space-growth-factor=1 --optimize-for-size');
      expect(importV8Flags(node(maglev, ['--turbofan']))).toBe('--semi-space-growth-factor=1 --optimize-for-size');
      expect(importV8Flags(node(maglev, [], '--no-turbofan'))).toBe('--semi-space-growth-factor=1 --optimize-for-size');
      expect(importV8Flags(node(maglev, ['--turbo-inlining']))).toBe('--semi-space-growth-factor=1 --optimize-for-size');
      expect(importV8Flags(node(maglev, ['--no-efficiency-mode']))).toBe('--semi-space-growth-factor=1 --optimize-for-size');
      expect(importV8Flags(node(maglev, [], '--efficiency-mode=false'))).toBe('--semi-space-growth-factor=1 --optimize-for-size');
    }
    // Other compiler settings are not a choice of compilers.
    expect(importV8Flags(node(1, ['--no-maglev-inlining'], '--turbofan-verify'))).toBe(`--semi-space-growth-factor=1 ${SMALL_HEAP_STEPS} ${MAGLEV_ONLY}`);
    expect(importV8Flags(node(0, ['--max-inlined-bytecode-size=100'], '--turbo-inline-array-builtins'))).toBe(`--semi-space-growth-factor=1 ${SMALL_HEAP_STEPS} ${TURBOFAN_SMALL}`);
  });
});

describe('inputV8Flags: the compilers for an input of known size', () => {
  const mark = Symbol.for('prep.import.process');
  afterEach(() => delete (globalThis as Record<symbol, unknown>)[mark]);

  it('changes nothing in a process that is not `prep import` (importDeck called by another command or a test)', () => {
    for (const maglev of [0, 1]) for (const bytes of [0, 1024, NO_TURBOFAN_UP_TO, NO_TURBOFAN_UP_TO + 1]) expect(inputV8Flags(bytes, node(maglev))).toBeUndefined();
  });

  it('turns TurboFan off for an input up to 2 MB where V8 has no Maglev, and leaves it on above', () => {
    startImportFlags(node(0));
    expect(NO_TURBOFAN_UP_TO).toBe(2 * 1024 * 1024);
    for (const bytes of [0, 50 * 1024, 1024 * 1024, NO_TURBOFAN_UP_TO]) expect(inputV8Flags(bytes, node(0))).toBe('--no-turbofan');
    for (const bytes of [NO_TURBOFAN_UP_TO + 1, 15 * 1024 * 1024]) expect(inputV8Flags(bytes, node(0))).toBeUndefined();
  });

  it('changes nothing where V8 has Maglev (TurboFan is off there already) or the user chose the compilers', () => {
    startImportFlags(node(1));
    expect(inputV8Flags(1024, node(1))).toBeUndefined();
    for (const [argv, options] of [[['--turbofan']], [[], '--turbo-inlining'], [['--no-maglev']]] as const) {
      startImportFlags(node(0, [...argv], options));
      expect(inputV8Flags(1024, node(0, [...argv], options))).toBeUndefined();
    }
  });

  it('names a flag the running Node knows', () => {
    startImportFlags(node(0));
    const known = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    expect(known).toContain(`  ${inputV8Flags(1, node(0))?.replace(/^--no-/, '--')} (`);
  });
});
