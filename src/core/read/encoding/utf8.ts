// Just enough UTF-8 to judge a few bytes: the length a lead byte announces, whether the
// continuation bytes are allowed (no overlong forms, no surrogates, nothing past U+10FFFF),
// and the code point they spell.

/** Number of bytes a lead byte starts (2–4), or 0 when it cannot start a multi-byte sequence. */
export function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Whether `byte` may stand at `index` (1-based after the lead) of a sequence starting with `lead`. */
export function continuationAllowed(lead: number, index: number, byte: number): boolean {
  if (index === 1) {
    if (lead === 0xe0) return byte >= 0xa0 && byte <= 0xbf;
    if (lead === 0xed) return byte >= 0x80 && byte <= 0x9f;
    if (lead === 0xf0) return byte >= 0x90 && byte <= 0xbf;
    if (lead === 0xf4) return byte >= 0x80 && byte <= 0x8f;
  }
  return byte >= 0x80 && byte <= 0xbf;
}

/** The code point of a valid sequence (checked with `continuationAllowed`). */
export function decodeSequence(bytes: number[]): number {
  const [b0, b1, b2, b3] = bytes;
  switch (bytes.length) {
    case 2:
      return ((b0 & 0x1f) << 6) | (b1 & 0x3f);
    case 3:
      return ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
    default:
      return ((b0 & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f);
  }
}
