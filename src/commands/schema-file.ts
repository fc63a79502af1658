import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

// The bundle (dist/prep.js) sits one folder below the package root; this source file sits two.
const CANDIDATES = [new URL('../schema/deck.schema.json', import.meta.url), new URL('../../schema/deck.schema.json', import.meta.url)];

/** The deck JSON Schema shipped with prep (schema/deck.schema.json in the package). */
export function shippedSchemaPath(): string {
  const found = CANDIDATES.find((url) => existsSync(fileURLToPath(url))) ?? CANDIDATES[0];
  return fileURLToPath(found as URL);
}

/**
 * What a deck's `# yaml-language-server: $schema=` line points at: the shipped schema as an
 * absolute file URL, since user decks live outside the package and a relative path would not reach it.
 */
export function schemaRef(): string {
  return pathToFileURL(shippedSchemaPath()).href;
}
