// What only a changed deck and the writing commands need: the YAML parser, the schema library
// and the importers' Markdown, CSV and HTML-entity readers. scripts/build.mjs bundles this
// module on its own (dist/prep-authoring.js), so that `prep drill` does not compile them at
// every start; it loads them when a deck must be parsed again or a writing command runs.
export { loadDeckFile } from '../core/deck/load-deck.js';
export { lint } from './lint.js';
export { newDeck } from './new.js';
export { importDeck } from './import.js';
export { schema } from './schema.js';
export { editDeck } from './edit.js';
export { renameDeck } from './rename.js';
export { removeDeck } from './remove.js';
