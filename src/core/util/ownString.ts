/**
 * `text` as a string of its own, never a view into a larger one: a slice kept in a cache would keep
 * the whole text it was cut from alive (every edited version of a document, for the analyser's cache).
 * V8 slices the half of a concatenation that holds the range, so `(' ' + text).slice(1)` would not do;
 * a UTF-16 round trip through a buffer copies every code unit (lone surrogates too), several times
 * faster than a JSON round trip.
 */
export function ownString(text: string): string {
  return text.length > 12 ? Buffer.from(text, 'utf16le').toString('utf16le') : text;
}
