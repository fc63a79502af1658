import * as z from 'zod';
import { deckSchema } from './schema.js';

/** Where the JSON Schema is published inside the package, relative to the package root. */
export const DECK_JSON_SCHEMA_FILE = 'schema/deck.schema.json';

/**
 * The deck format as JSON Schema (draft 2020-12), exported from the same zod schema the loader
 * validates with, so editors and prep can never disagree about the shape of a deck. It describes
 * the file as written (`io: 'input'`): optional keys stay optional, defaults are not filled in.
 */
export function deckJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(deckSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  return { $schema, title: 'prep deck', ...rest };
}

/** {@link deckJsonSchema} as the text of `schema/deck.schema.json`: two-space JSON and a final newline. */
export function deckJsonSchemaText(): string {
  return `${JSON.stringify(deckJsonSchema(), null, 2)}\n`;
}
