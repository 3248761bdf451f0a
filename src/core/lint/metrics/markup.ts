// Markdown emphasis between the parts of a metric (`from 450ms to **180ms (60% improvement)**`)
// must not break it. Masking replaces emphasis markers with spaces of the same length, so every
// offset found in the masked text is also an offset in the original.

const WORD_CHAR = /[\p{L}\p{N}]/u;
const MARKERS = /[*`]|~~|_/g;

export function maskMarkup(text: string): string {
  if (!/[*`_~]/.test(text)) return text;
  return text.replace(MARKERS, (marker: string, offset: number) => {
    // snake_case stays; `_emphasis_` goes. `~60%` stays; `~~strike~~` goes.
    if (marker === '_' && WORD_CHAR.test(text[offset - 1] ?? '') && WORD_CHAR.test(text[offset + 1] ?? '')) return marker;
    return ' '.repeat(marker.length);
  });
}
