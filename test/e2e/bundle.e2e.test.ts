import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { PREP } from '../helpers/run-cli.js';

// What scripts/build.mjs trims from the bundle, because every start compiles all of it. That the
// trimmed bundle still works is shown by the other e2e tests: typed answers are scored with the
// English stop words (type-answer), and settings and snapshots are written through conf
// (review: --interview is remembered; damaged-storage: snapshots).
describe('the built bundle', () => {
  const bundle = readFileSync(PREP, 'utf8');
  const has = (text: string) => bundle.includes(text);

  it('holds the English stop-word list and none of the other languages', () => {
    expect(has('"about","after","all","also"')).toBe(true);
    expect(has('fussions'), 'a French stop word').toBe(false);
    expect(has('allerdings'), 'a German stop word').toBe(false);
  });

  it("leaves out conf's schema validation (ajv) and migrations (semver), which prep does not use", () => {
    expect(has('$dynamicRef'), 'an ajv keyword').toBe(false);
    expect(has('SEMVER_SPEC_VERSION'), 'a semver constant').toBe(false);
    expect(has('prep bundles conf without schema validation and migrations')).toBe(true);
  });
});
