/**
 * Splits an $EDITOR value into a program and its arguments the way a POSIX shell splits words
 * (spaces separate; '…' keeps everything; "…" and \ escape), without running a shell: the
 * value is never evaluated, so `code --wait` and `"/Applications/My Editor/bin/ed" -w` work and
 * `vi; rm -rf ~` is just a program name that does not exist. Returns null for an unclosed quote.
 */
export function splitCommand(value: string): string[] | null {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === '\\' && i + 1 < value.length && '"\\$`'.includes(value[i + 1]!)) word += value[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < value.length) {
      word += value[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) return null;
  if (inWord) words.push(word);
  return words;
}
