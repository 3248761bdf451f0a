// The linear scanner of DESIGN §9: remark-parse grows faster than linearly on large documents, so the
// text is cut at top-level ATX headings and each piece is parsed alone. A heading only starts a chunk
// when no construct that could swallow it is open (a fenced code block or an HTML block), so a chunk
// always parses exactly as it would inside the whole document. When unsure the scanner does not cut:
// a larger chunk is slower but never wrong.
import { partitionPoint } from '../util/partition';

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

/** The fence `line` opens, if it opens one. */
function openedFence(line: string): { char: string; length: number } | undefined {
  const f = FENCE_OPEN.exec(line);
  return f && !(f[1][0] === '`' && f[2].includes('`')) ? { char: f[1][0], length: f[1].length } : undefined;
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

/** What is open at a line, under one reading of the lines that look like the start of an HTML block. */
interface Open {
  fence?: { char: string; length: number };
  html?: RegExp | 'blank';
}

/**
 * Moves `open` past `line`. A line that may start an HTML block ending at a blank line (CommonMark's
 * types 6 and 7) starts one only when `blankEnded` is set; the other types always do.
 */
function step(open: Open, line: string, blankEnded: boolean): void {
  if (open.fence) {
    const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
    if (close && close[1][0] === open.fence.char && close[1].length >= open.fence.length) open.fence = undefined;
  } else if (open.html) {
    if (open.html === 'blank' ? line.trim() === '' : open.html.test(line)) open.html = undefined;
  } else {
    open.fence = openedFence(line);
    if (!open.fence && HTML_START.test(line)) {
      const end = htmlEnd(line);
      if (end === 'blank' ? blankEnded : !end.test(line.slice(line.indexOf('<') + 1))) open.html = end;
    }
  }
}

/**
 * Offsets where chunks start, scanning from `from` (a line start where nothing is open). When `stop` is
 * given, the scan ends at the first cut for which it returns true, and that cut is the last one returned:
 * from a cut nothing is open, so the rest of an unchanged text would cut exactly as before.
 *
 * A line like `<details>` or `<b>x</b>` starts an HTML block whose lines are raw until a blank line,
 * unless it continues a paragraph (`<b>x</b> and more` never starts one), and then a fence under it is
 * real. The scanner follows both readings and cuts only where neither has anything open.
 */
export function scanCuts(text: string, from: number, stop?: (cut: number) => boolean): { cuts: number[]; stopped: boolean } {
  const cuts: number[] = [from];
  const asBlock: Open = {};
  const asText: Open = {};
  let pos = from;
  // The next CR is remembered: searching for it afresh on every line would be quadratic in LF-only text.
  let cr = text.indexOf('\r', pos);
  while (pos < text.length) {
    let next = text.indexOf('\n', pos);
    if (cr !== -1 && cr < pos) cr = text.indexOf('\r', pos);
    if (cr !== -1 && (next === -1 || cr < next)) next = cr;
    const lineEnd = next === -1 ? text.length : next;
    const first = text.charCodeAt(pos);
    const closed = !asBlock.fence && !asBlock.html && !asText.fence && !asText.html;
    // Most lines start with a letter: nothing to check unless the line can open or close something.
    if (!closed || first === 35 /* # */ || first === 32 || first === 96 || first === 126 || first === 60) {
      const line = text.slice(pos, lineEnd);
      if (closed && HEADING.test(line)) {
        if (pos > from) {
          cuts.push(pos);
          if (stop?.(pos)) return { cuts, stopped: true };
        }
      } else {
        step(asBlock, line, true);
        step(asText, line, false);
      }
    }
    if (next === -1) break;
    pos = next + (text.charCodeAt(next) === 13 && text.charCodeAt(next + 1) === 10 ? 2 : 1);
  }
  return { cuts, stopped: false };
}

/** The chunks that start at `cuts`, the last running to `end`. */
export function toChunks(text: string, cuts: number[], end = text.length): Chunk[] {
  return cuts.map((start, i) => ({ start, text: text.slice(start, cuts[i + 1] ?? end) }));
}

/** Splits `text` from offset `from` (past front matter and BOM) into chunks at safe top-level headings. */
export function splitChunks(text: string, from = 0, whole = false): Chunk[] {
  if (whole) return [{ start: from, text: text.slice(from) }];
  return toChunks(text, scanCuts(text, from).cuts);
}

/** Index of the last chunk that starts at or before `offset` (0 when none does). */
export function chunkAt(chunks: readonly Chunk[], offset: number): number {
  return Math.max(0, partitionPoint(chunks.length, (i) => chunks[i].start <= offset) - 1);
}
