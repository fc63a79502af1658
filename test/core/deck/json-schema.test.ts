import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DECK_JSON_SCHEMA_FILE, deckJsonSchema, deckJsonSchemaText } from '../../../src/core/deck/json-schema.js';
import { parseDeck } from '../../../src/core/deck/load-deck.js';
import { starterDeck } from '../../../src/core/deck/starter-deck.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const read = (file: string) => readFileSync(ROOT + file, 'utf8');

// ajv is CommonJS: its module object is the class, which also carries itself as `.default`.
const validate = new Ajv2020.default({ strict: true, allErrors: true }).compile(deckJsonSchema());

describe('schema/deck.schema.json', () => {
  it('is exactly what the build generates from the zod schema (run `npm run build` after changing the deck format)', () => {
    expect(read(DECK_JSON_SCHEMA_FILE)).toBe(deckJsonSchemaText());
  });

  it('accepts the shipped coder deck and the starter deck', () => {
    expect(validate(parse(read('decks/coder.yaml'))), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(parse(starterDeck({ name: 'acme', schema: 'x' }))), JSON.stringify(validate.errors)).toBe(true);
  });

  it('the shipped deck points editors at the checked-in schema', () => {
    const first = read('decks/coder.yaml').split('\n')[0];
    expect(first).toBe('# yaml-language-server: $schema=../schema/deck.schema.json');
    expect(new URL('../schema/deck.schema.json', new URL('decks/coder.yaml', `file://${ROOT}`)).pathname).toBe(`${ROOT}${DECK_JSON_SCHEMA_FILE}`);
  });

  it.each([
    ['an unknown key', 'title: t\nquestions:\n  - question: q\n    anwser: a\n'],
    ['a missing answer', 'title: t\nquestions:\n  - question: q\n'],
    ['a badly formed id', 'title: t\nquestions:\n  - id: Bad Id\n    question: q\n    answer: a\n'],
    ['a negative target', 'title: t\npitch:\n  seconds: -5\n  script: s\n'],
    ['a wrong interview date format', 'title: t\ninterview: next tuesday\nask: [q]\n'],
    ['an answer that is a list', 'title: t\nquestions:\n  - question: q\n    answer: [a, b]\n'],
  ])('rejects what the loader rejects: %s', (_what, text) => {
    expect(parseDeck(text, { name: 'x', path: '/x.yaml' }).deck).toBeUndefined();
    expect(validate(parse(text))).toBe(false);
  });
});
