// Reverse tables for the two code pages that UTF-8 text is most often misread as: character →
// byte, built once from iconv-lite's own decoding tables.
import iconv from 'iconv-lite';

export type CodePage = 'windows-1252' | 'macintosh';

export const CODE_PAGES: readonly CodePage[] = ['windows-1252', 'macintosh'];

const tables = new Map<CodePage, Map<number, number>>();

/**
 * Character code → byte for the high half (0x80–0xFF) of a code page. Two gaps are filled in by hand:
 * - Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90, 0x9D undefined; decoders that keep them (the WHATWG
 *   decoder, Python's `latin-1` fallback) produce the C1 controls U+0081…, so those map back to the byte.
 * - Mac Roman 0xF0 is the Apple logo U+F8FF, which iconv-lite leaves undefined.
 */
export function reverseTable(codePage: CodePage): Map<number, number> {
  let table = tables.get(codePage);
  if (table) return table;
  table = new Map();
  for (let b = 0x80; b <= 0xff; b++) {
    const ch = iconv.decode(Buffer.from([b]), codePage);
    const code = ch.charCodeAt(0);
    if (ch.length === 1 && code !== 0xfffd) table.set(code, b);
    else if (codePage === 'windows-1252') table.set(b, b);
    else if (codePage === 'macintosh' && b === 0xf0) table.set(0xf8ff, b);
  }
  tables.set(codePage, table);
  return table;
}

/** Windows-1252's undefined bytes, tried one by one when a decoder replaced them with U+FFFD. */
export const CP1252_UNDEFINED = [0x81, 0x8d, 0x8f, 0x90, 0x9d];
