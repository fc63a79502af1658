/**
 * Syllables of an English word by its vowel groups: a silent final "e" (not "-le") does not
 * count, nor does the "e" of a final "-es"/"-ed" after most consonants; every word has at least one.
 * Digits count as a syllable each ("7" ~ "seven" is two, "2026" is four: close enough for a rate);
 * in a word of letters and digits ("web3", "2fa") only the letters count.
 */
export function syllablesInWord(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (!w) return 0;
  if (/^\d+$/.test(w)) return w.length;
  // Stryker disable next-line ArrayDeclaration: with no vowel group n is 0 or 1, and both end as 1
  let n = (w.replace(/\d/g, '').match(/[aeiouy]+/g) ?? []).length;
  // A silent "e" is dropped; a word whose only vowel it is still gets its one syllable below.
  if (/[^aeiouy]e$/.test(w) && !/[^aeiouy]le$/.test(w)) n--;
  else if (/[^aeiouytdsxzc]e[sd]$/.test(w)) n--;
  return Math.max(1, n);
}

/** Average syllables per spoken word of a script (1.5 for a script with no words). */
export function syllablesPerWord(script: string): number {
  // Stryker disable next-line Regex: splitting on each space leaves empty words, which the filter drops
  const words = script.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) return 1.5;
  return words.reduce((sum, w) => sum + syllablesInWord(w), 0) / words.length;
}
