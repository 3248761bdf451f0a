// The linear scanner of DESIGN §9: remark-parse grows faster than linearly on large documents, so the
// text is cut at top-level ATX headings and each piece is parsed alone. A heading only starts a chunk
// when no construct that could swallow it is open (a fenced code block or an HTML block), so a chunk
// always parses exactly as it would inside the whole document. When unsure the scanner does not cut:
// a larger chunk is slower but never wrong.

export interface Chunk {
  /** Offset of the chunk in the document. */
  start: number;
  text: string;
}

export interface FrontMatterBlock {
  start: number;
  end: number;
  body: string;
}

const HEADING = /^#{1,6}(?:[ \t]|$)/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const HTML_START = /^ {0,3}</;
const HTML_RAW = /^ {0,3}<(script|pre|style|textarea)(?=[\s>]|$)/i;

/** The YAML front matter at the very start of a document (after an optional BOM), if any. */
export function findFrontMatter(text: string): FrontMatterBlock | undefined {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const open = /^---[ \t]*(?:\r\n|\r|\n)/.exec(text.slice(start, start + 8));
  if (!open) return undefined;
  const close = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|\r|$)/m;
  const bodyStart = start + open[0].length;
  const rest = text.slice(bodyStart);
  const m = close.exec(rest);
  if (!m) return undefined;
  return { start, end: bodyStart + m.index + m[0].length, body: rest.slice(0, m.index) };
}

/** HTML block end marker for types 1–5 of CommonMark, or `blank` for types 6 and 7. */
function htmlEnd(line: string): RegExp | 'blank' {
  const raw = HTML_RAW.exec(line);
  if (raw) return new RegExp(`</${raw[1]}>`, 'i');
  const t = line.trimStart();
  if (t.startsWith('<!--')) return /-->/;
  if (t.startsWith('<?')) return /\?>/;
  if (t.startsWith('<![CDATA[')) return /\]\]>/;
  if (/^<![A-Za-z]/.test(t)) return />/;
  return 'blank';
}

/** Splits `text` from offset `from` (past front matter and BOM) into chunks at safe top-level headings. */
export function splitChunks(text: string, from = 0, whole = false): Chunk[] {
  if (whole) return [{ start: from, text: text.slice(from) }];
  const cuts: number[] = [from];
  let fence: { char: string; length: number } | undefined;
  let html: RegExp | 'blank' | undefined;
  let pos = from;
  while (pos < text.length) {
    let next = text.indexOf('\n', pos);
    const cr = text.indexOf('\r', pos);
    if (cr !== -1 && (next === -1 || cr < next)) next = cr;
    const lineEnd = next === -1 ? text.length : next;
    const line = text.slice(pos, lineEnd);
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (close && close[1][0] === fence.char && close[1].length >= fence.length) fence = undefined;
    } else if (html) {
      if (html === 'blank' ? line.trim() === '' : html.test(line)) html = undefined;
    } else if (HEADING.test(line)) {
      if (pos > from) cuts.push(pos);
    } else {
      const f = FENCE_OPEN.exec(line);
      if (f && !(f[1][0] === '`' && f[2].includes('`'))) {
        fence = { char: f[1][0], length: f[1].length };
      } else if (HTML_START.test(line)) {
        const end = htmlEnd(line);
        if (end === 'blank' || !end.test(line.slice(line.indexOf('<') + 1))) html = end;
      }
    }
    if (next === -1) break;
    pos = next + (text.charCodeAt(next) === 13 && text.charCodeAt(next + 1) === 10 ? 2 : 1);
  }
  return cuts.map((start, i) => ({ start, text: text.slice(start, cuts[i + 1] ?? text.length) }));
}
