/** Longest slug we make; longer text is cut at the last word boundary before this. */
export const MAX_SLUG_LENGTH = 48;

// Letters that Unicode decomposition does not fold to ASCII on its own.
const EXTRA_FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/**
 * Makes a card id from free text: accents folded, lowercase ASCII letters and digits, every other
 * run of characters turned into one '-' (apostrophes dropped), trimmed of '-', and cut at a word
 * boundary to at most {@link MAX_SLUG_LENGTH} characters. Returns '' when the text has no letters or digits.
 *
 * `slugify("Why Coder?")` -> `"why-coder"`.
 */
export function slugify(text: string): string {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => EXTRA_FOLDS[c] ?? c);
  // Apostrophes join words ("what's" -> "whats") instead of splitting them.
  const slug = folded
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.lastIndexOf('-', MAX_SLUG_LENGTH);
  // One very long word has no boundary to cut at: cut it hard.
  return cut > 0 ? slug.slice(0, cut) : slug.slice(0, MAX_SLUG_LENGTH);
}
