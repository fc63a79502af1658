// The matcher reads WordNet's synonym sets from dist/, which the build writes; a test run
// without a build first (npx vitest run one-file) makes the file here so synonyms still work.
import { existsSync } from 'node:fs';
// @ts-expect-error: a plain .mjs build script without types
import { LEXICON_FILE, writeLexicon } from '../../scripts/make-lexicon.mjs';

export default function setup(): void {
  if (!existsSync(LEXICON_FILE as string)) (writeLexicon as () => void)();
}
