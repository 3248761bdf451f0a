// Words as a speaker says them: runs of letters and digits (`$120K` is one word, `—` none), joined by
// single apostrophes, periods, commas or hyphens (`don't`, `1,000`, `on-call`). Counted in one pass
// without collecting the words: every section of every story is counted.
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const JOINERS: ReadonlySet<number> = new Set([39 /* ' */, 0x2019 /* ’ */, 46 /* . */, 44 /* , */, 45 /* - */]);

/** Length in code units of the letter or digit at `i` (2 for one beyond the BMP), or 0. */
function letterOrDigitAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122) ? 1 : 0;
  const point = text.codePointAt(i)!;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(point)) ? (point > 0xffff ? 2 : 1) : 0;
}

export function wordCount(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; ) {
    const length = letterOrDigitAt(text, i);
    if (length > 0) {
      if (!inWord) words++;
      inWord = true;
      i += length;
    } else {
      inWord = inWord && JOINERS.has(text.charCodeAt(i)) && letterOrDigitAt(text, i + 1) > 0;
      i++;
    }
  }
  return words;
}
