// Markdown emphasis between the parts of a metric (`from 450ms to **180ms (60% improvement)**`)
// must not break it. Masking replaces emphasis markers with spaces of the same length, so every
// offset found in the masked text is also an offset in the original.

const WORD_CHAR = /[\p{L}\p{N}]/u;

export function maskMarkup(text: string): string {
  let out: string[] | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    let blank = false;
    if (c === '*' || c === '`') blank = true;
    else if (c === '_') {
      // snake_case stays; `_emphasis_` goes.
      blank = !(WORD_CHAR.test(text[i - 1] ?? '') && WORD_CHAR.test(text[i + 1] ?? ''));
    } else if (c === '~' && (text[i + 1] === '~' || text[i - 1] === '~')) blank = true; // ~~strike~~, not ~60%
    if (blank) {
      out ??= Array.from(text.slice(0, i));
      out.push(' ');
    } else if (out) out.push(c);
  }
  return out ? out.join('') : text;
}
