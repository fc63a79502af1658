import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lexicon, lexiconPath, parseLexicon } from '../../../src/core/answer/lexicon.js';
import { keyOf } from '../../../src/core/answer/words.js';

const PREP_JS = fileURLToPath(new URL('../../../dist/prep-cli.js', import.meta.url));

describe('the WordNet synonym sets', () => {
  it('a word matches only words of its own sets, by their comparison keys', () => {
    const lx = parseLexicon('# comment\napace quickly rapidly speedily\ncapability capacity\n');
    expect(lx.size).toBe(2);
    expect([...lx.synonyms('quickly', keyOf('quickly'))].sort()).toEqual(['apac', keyOf('rapidly'), keyOf('speedily')].sort());
    // Plural and tense endings find the dictionary form.
    expect(lx.synonyms('capacities', keyOf('capacities')).has(keyOf('capability'))).toBe(true);
    expect(lx.synonyms('network', keyOf('network')).size).toBe(0);
  });

  it('the shipped file is found and read, with thousands of sets', () => {
    expect(lexiconPath()).toBeDefined();
    expect(lexicon().size).toBeGreaterThan(10_000);
  });

  it.skipIf(!existsSync(PREP_JS))('is not part of the bundle every start compiles', () => {
    const bundle = readFileSync(PREP_JS, 'utf8');
    expect(bundle).toContain('wordnet-synonyms.txt');
    expect(bundle).not.toContain('apace quickly rapidly speedily');
  });
});
