// Reverse tables for the two code pages that UTF-8 text is most often misread as: character →
// byte. Each code page's high half is written out here, as iconv-lite decodes it (the unit tests check
// that against iconv-lite): loading iconv-lite and building its codecs cost every process about 20 ms.

export type CodePage = 'windows-1252' | 'macintosh';

export const CODE_PAGES: readonly CodePage[] = ['windows-1252', 'macintosh'];

/** Bytes 0x80–0xFF of each code page as characters; U+FFFD where iconv-lite leaves a byte undefined. */
const HIGH_HALF: Record<CodePage, string> = {
  'windows-1252':
    '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178' +
    String.fromCharCode(...Array.from({ length: 96 }, (_, i) => 0xa0 + i)),
  macintosh:
    '\u00c4\u00c5\u00c7\u00c9\u00d1\u00d6\u00dc\u00e1\u00e0\u00e2\u00e4\u00e3\u00e5\u00e7\u00e9\u00e8\u00ea\u00eb\u00ed\u00ec\u00ee\u00ef\u00f1\u00f3\u00f2\u00f4\u00f6\u00f5\u00fa\u00f9\u00fb\u00fc\u2020\u00b0\u00a2\u00a3\u00a7\u2022\u00b6\u00df\u00ae\u00a9\u2122\u00b4\u00a8\u2260\u00c6\u00d8\u221e\u00b1\u2264\u2265\u00a5\u00b5\u2202\u2211\u220f\u03c0\u222b\u00aa\u00ba\u2126\u00e6\u00f8' +
    '\u00bf\u00a1\u00ac\u221a\u0192\u2248\u2206\u00ab\u00bb\u2026\u00a0\u00c0\u00c3\u00d5\u0152\u0153\u2013\u2014\u201c\u201d\u2018\u2019\u00f7\u25ca\u00ff\u0178\u2044\u00a4\u2039\u203a\ufb01\ufb02\u2021\u00b7\u201a\u201e\u2030\u00c2\u00ca\u00c1\u00cb\u00c8\u00cd\u00ce\u00cf\u00cc\u00d3\u00d4\ufffd\u00d2\u00da\u00db\u00d9\u0131\u02c6\u02dc\u00af\u02d8\u02d9\u02da\u00b8\u02dd\u02db\u02c7',
};

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
    const code = HIGH_HALF[codePage].charCodeAt(b - 0x80);
    if (code !== 0xfffd) table.set(code, b);
    else if (codePage === 'windows-1252') table.set(b, b);
    else if (codePage === 'macintosh' && b === 0xf0) table.set(0xf8ff, b);
  }
  tables.set(codePage, table);
  return table;
}

/** Windows-1252's undefined bytes, tried one by one when a decoder replaced them with U+FFFD. */
export const CP1252_UNDEFINED = [0x81, 0x8d, 0x8f, 0x90, 0x9d];
