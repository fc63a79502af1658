import { describe, expect, it } from 'vitest';
import { importV8Flags } from '../../src/commands/import-flags.js';

// Which V8 flags `prep import` sets on itself, by what the running Node has (see
// test/e2e/import-v8-flags.e2e.test.ts for their effect in a real import).
describe('importV8Flags', () => {
  it('always holds the young generation at its first size', () => {
    for (const maglev of [0, 1, undefined]) expect(importV8Flags({ maglev, options: [] }).split(' ')).toContain('--semi-space-growth-factor=1');
  });

  it('turns TurboFan off only where V8 has Maglev to compile the hot code instead', () => {
    expect(importV8Flags({ maglev: 1, options: [''] })).toBe('--semi-space-growth-factor=1 --no-turbofan');
    expect(importV8Flags({ maglev: 0, options: [''] })).toBe('--semi-space-growth-factor=1');
    expect(importV8Flags({ maglev: undefined, options: [] })).toBe('--semi-space-growth-factor=1');
  });

  it("leaves TurboFan to the user's own choice of compilers, given on the command line or in NODE_OPTIONS", () => {
    expect(importV8Flags({ maglev: 1, options: ['--no-maglev'] })).toBe('--semi-space-growth-factor=1');
    expect(importV8Flags({ maglev: 1, options: ['--stack-size=900', '--max-old-space-size=100 --no-maglev'] })).toBe('--semi-space-growth-factor=1');
    expect(importV8Flags({ maglev: 1, options: ['--turbofan'] })).toBe('--semi-space-growth-factor=1');
    expect(importV8Flags({ maglev: 1, options: ['--no-maglev-inlining'] })).toBe('--semi-space-growth-factor=1 --no-turbofan');
  });
});
