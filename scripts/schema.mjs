// Writes schema/deck.schema.json from the zod deck schema (src/core/deck/json-schema.ts), so the
// JSON Schema editors use and the validator prep runs come from one definition. Run by the build;
// test/core/deck/json-schema.test.ts fails when the checked-in file drifts from this output.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'prep-schema-'));
try {
  const outfile = join(tmp, 'json-schema.mjs');
  await build({
    entryPoints: [`${root}src/core/deck/json-schema.ts`],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  const { deckJsonSchemaText, DECK_JSON_SCHEMA_FILE } = await import(pathToFileURL(outfile).href);
  writeFileSync(join(root, DECK_JSON_SCHEMA_FILE), deckJsonSchemaText());
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
