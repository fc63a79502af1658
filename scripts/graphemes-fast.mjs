// A grapheme segmenter for the bundles that builds Intl.Segmenter only when a string needs it.
// Ink turns every line it draws into tokens through @alcalzone/ansi-tokenize, and slice-ansi
// (through Ink's text wrapping) splits strings too; each package makes an Intl.Segmenter when it
// is loaded, and the first one made in a process costs about 8 ms of CPU (ICU loads its break
// rules), at every start of every screen. In a string made only of the characters below, every
// character is a grapheme of its own (none of them joins the one before or after it), so it is
// split without the segmenter; anything else goes to the real one, made on first need.
// test/scripts/graphemes-fast.test.ts compares the two on any mix of characters.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Inclusive ranges of UTF-16 code units that are graphemes on their own next to any other of
 * them: none is a combining mark, joiner, spacing mark, prepend, regional indicator or Hangul
 * jamo, and carriage return (which joins a line feed after it) is left out.
 */
export const ALONE = [
  [0x00, 0x0c],
  [0x0e, 0x2ff], // ASCII (escape codes included), Latin-1, Latin Extended, IPA, spacing modifiers
  [0x2010, 0x2027], // dashes, quotes, bullets, ellipsis
  [0x2030, 0x205e], // per mille, primes, angle quotes, other punctuation
  [0x2190, 0x23ff], // arrows, mathematical operators, technical symbols
  [0x2500, 0x27bf], // box drawing, blocks, shapes, symbols, dingbats
];

const LIMIT = 0x27c0;
const table = new Uint8Array(LIMIT);
for (const [from, to] of ALONE) table.fill(1, from, to + 1);

function alone(text) {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= LIMIT || table[c] === 0) return false;
  }
  return true;
}

/** The segments of a string whose every character is a grapheme: what Intl's Segments give, for such a string. */
class OneEach {
  constructor(input) {
    this.input = input;
  }

  containing(index = 0) {
    const n = Number(index);
    const i = Number.isNaN(n) ? 0 : Math.trunc(n);
    if (i < 0 || i >= this.input.length) return undefined;
    return { segment: this.input[i], index: i, input: this.input };
  }

  *[Symbol.iterator]() {
    for (let i = 0; i < this.input.length; i++) yield { segment: this.input[i], index: i, input: this.input };
  }
}

/** A stand-in for `new Intl.Segmenter(undefined, { granularity: 'grapheme' })`, which it makes only when a string needs it. */
export function graphemeSegmenter() {
  let real;
  return {
    segment(input) {
      const text = String(input);
      if (alone(text)) return new OneEach(text);
      real ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
      return real.segment(text);
    },
  };
}

const SEGMENTER = /new Intl\.Segmenter\(undefined, ?\{ ?granularity: ?["']grapheme["'] ?\}\)/g;
const HERE = fileURLToPath(import.meta.url);

/** A package file's source with its grapheme segmenter made by {@link graphemeSegmenter}. */
export function withLazySegmenter(file) {
  const source = readFileSync(file, 'utf8');
  const found = source.match(SEGMENTER) ?? [];
  if (found.length !== 1) throw new Error(`${file}: expected one grapheme Intl.Segmenter, found ${found.length}`);
  return `import { graphemeSegmenter as __graphemeSegmenter } from ${JSON.stringify(HERE)};\n${source.replace(SEGMENTER, '__graphemeSegmenter()')}`;
}

/** The esbuild plugin that gives Ink's tokenizer and slice-ansi the segmenter above. */
export const lazyGraphemes = {
  name: 'lazy-graphemes',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/](@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize|slice-ansi[\\/]tokenize-ansi)\.js$/ }, (args) => ({
      contents: withLazySegmenter(args.path),
      loader: 'js',
    }));
  },
};
