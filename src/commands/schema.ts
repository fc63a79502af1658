import { readFileSync } from 'node:fs';
import { processIO, type CommandIO } from './command-io.js';
import { shippedSchemaPath } from './schema-file.js';

/** `prep schema`: prints the deck format's JSON Schema (the file shipped as schema/deck.schema.json). */
export async function schema(io: CommandIO = processIO()): Promise<number> {
  io.out(readFileSync(shippedSchemaPath(), 'utf8').trimEnd());
  return 0;
}
