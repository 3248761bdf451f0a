// Inline half of the plain reader (see plainReader.ts): the text of one paragraph or heading, read
// into the mdast nodes remark would build — text, strong, emphasis, inline code, hard breaks and
// plain links (`[text](#anchor)`, as in a table of contents) — or undefined when it holds anything else
// (escapes, entities, HTML and autolinks, other links, images and full references, code spans over
// several lines). Nodes carry their offsets into the chunk as
// `start` and `end` (remark's `position.start.offset` and `position.end.offset`).
//
// The rules replicated are micromark's (remark's tokenizer), not only CommonMark's where they differ:
// a character next to `*` is classified by its UTF-16 code unit (an emoji is neither punctuation nor
// whitespace to micromark, although CommonMark counts symbols as punctuation).

/** Where a node is in the chunk: the offsets remark gives as `position.start.offset` and `position.end.offset`. */
export interface At {
  start: number;
  end: number;
}

export type PlainInline =
  | (At & { type: 'text' | 'inlineCode'; value: string })
  | (At & { type: 'strong' | 'emphasis' | 'link'; children: PlainInline[] })
  | (At & { type: 'break' });

/** A run of `*` or `_` that may open or close emphasis; [start, end) shrinks as its markers are used. */
interface Run {
  type: 'run';
  marker: number;
  start: number;
  end: number;
  open: boolean;
  close: boolean;
}

/** Source text between constructs, made into a text node once its neighbours are known. */
interface Span {
  type: 'span';
  start: number;
  end: number;
}

type Piece = PlainInline | Run | Span;

/** Emphasis nested deeper than this is left to remark. */
const MAX_NESTING = 32;
const WHITESPACE = 1;
const PUNCTUATION = 2;
const OTHER = 0;
const UNICODE_WHITESPACE = /\s/;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const UNICODE_PUNCTUATION = /\p{P}|\p{S}/u;

/** micromark's `classifyCharacter`, one UTF-16 code unit at a time (`NaN`: the edge of the text). */
function classify(code: number): number {
  if (Number.isNaN(code)) return WHITESPACE;
  const char = String.fromCharCode(code);
  if (code < 128) return code === 32 || (code >= 9 && code <= 13) ? WHITESPACE : ASCII_PUNCTUATION.test(char) ? PUNCTUATION : OTHER;
  if (UNICODE_WHITESPACE.test(char)) return WHITESPACE;
  return UNICODE_PUNCTUATION.test(char) ? PUNCTUATION : OTHER;
}

/** What the loop in `readInline` acts on: emphasis, code, escapes, NUL, maybe a tag, link or entity, a hard break. */
const INLINE_SYNTAX = /[*_`\\\0<\]&]| {2}\n/;

/** After `<`, what may start an autolink or HTML; anything else leaves `<` as text. */
export const MAYBE_TAG = /^[A-Za-z/!?]/;

/**
 * A link whose every part reads one way only: its text on one line with no brackets, code, emphasis,
 * tags, escapes or entities in it, a destination of URL characters, no title. The nearest `[` before
 * a `]` opens the link in CommonMark, and a text without `[` makes this `[` the nearest.
 */
const PLAIN_LINK = /\[([^[\]\n`*_<\\&]+)\]\([\w#/:.~?=%+@$,;'-]+\)/y;

/** What remark would read as a character reference (conservative: any such shape declines). */
const ENTITY = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/;

function runLength(text: string, from: number, to: number, code: number): number {
  let end = from;
  while (end < to && text.charCodeAt(end) === code) end++;
  return end - from;
}

/**
 * Where each backtick run in [from, to) closes: the start of the next run of the same length, or -1.
 * Found in one pass from the end, so that many unclosed runs do not make the reading quadratic.
 */
function backtickClosers(text: string, from: number, to: number): Map<number, number> {
  const runs: [start: number, length: number][] = [];
  for (let i = text.indexOf('`', from); i !== -1 && i < to; i = text.indexOf('`', i)) {
    const n = runLength(text, i, to, 96);
    runs.push([i, n]);
    i += n;
  }
  const closers = new Map<number, number>();
  const next = new Map<number, number>();
  for (let k = runs.length - 1; k >= 0; k--) {
    const [start, length] = runs[k];
    closers.set(start, next.get(length) ?? -1);
    next.set(length, start);
  }
  return closers;
}

/**
 * Inline nodes of `text` in [from, to): a paragraph's content from its first character to its last
 * that is not a space (line breaks in between are `\n`, continuation lines may be indented), in a
 * list item or not.
 */
export function readInline(text: string, from: number, to: number, inListItem: boolean): PlainInline[] | undefined {
  // Most paragraphs and headings are plain text: one node, found with one native scan.
  if (!INLINE_SYNTAX.test(text.slice(from, to))) return [textNode(text, from, to)];
  const pieces: Piece[] = [];
  let closers: Map<number, number> | undefined;
  let link: PlainInline | undefined;
  let pending = from;
  const flush = (end: number) => {
    if (end > pending) pieces.push({ type: 'span', start: pending, end });
  };
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    if (code === 42 /* * */ || code === 95 /* _ */) {
      const length = runLength(text, i, to, code);
      const previous = i === from ? NaN : text.charCodeAt(i - 1);
      const next = i + length === to ? NaN : text.charCodeAt(i + length);
      const before = classify(previous);
      const after = classify(next);
      // micromark's flanking rules, with its quirk: a `*` or `_` on the other side always allows it.
      const open = after === OTHER || (after === PUNCTUATION && before !== OTHER) || next === 42 || next === 95;
      const close = before === OTHER || (before === PUNCTUATION && after !== OTHER) || previous === 42 || previous === 95;
      const run: Run = {
        type: 'run',
        marker: code,
        start: i,
        end: i + length,
        open: code === 42 ? open : open && (before !== OTHER || !close),
        close: code === 42 ? close : close && (after !== OTHER || !open),
      };
      i += length;
      if (!run.open && !run.close) continue;
      flush(run.start);
      pieces.push(run);
      pending = i;
    } else if (code === 96 /* ` */) {
      const length = runLength(text, i, to, 96);
      closers ??= backtickClosers(text, i, to);
      const close = closers.get(i)!;
      if (close === -1) {
        // micromark's failed search for the closing run ends the line endings it crossed after the
        // next line's list indentation: inside a list item, left to remark.
        if (inListItem && text.lastIndexOf('\n', to - 1) > i) return undefined;
        i += length;
        continue;
      }
      let value = text.slice(i + length, close);
      if (value.includes('\n')) return undefined;
      if (value.length > 2 && value.charCodeAt(0) === 32 && value.charCodeAt(value.length - 1) === 32 && /[^ ]/.test(value)) value = value.slice(1, -1);
      flush(i);
      pieces.push({ type: 'inlineCode', value, start: i, end: close + length });
      i = pending = close + length;
    } else if (code === 10) {
      let spaces = 0;
      while (text.charCodeAt(i - spaces - 1) === 32) spaces++;
      i++;
      if (spaces >= 2) {
        flush(i - 1 - spaces);
        pieces.push({ type: 'break', start: i - 1 - spaces, end: i });
        while (text.charCodeAt(i) === 32) i++;
        pending = i;
      }
    } else if (code === 92 /* \ */ || code === 0) {
      return undefined;
    } else if (code === 60 /* < */ && MAYBE_TAG.test(text.charAt(i + 1))) {
      return undefined;
    } else if (code === 91 /* [ */ && text.charCodeAt(i - 1) !== 33 /* ! */ && (link = plainLinkAt(text, i, to))) {
      flush(i);
      pieces.push(link);
      i = pending = link.end;
    } else if (code === 93 /* ] */ && (text.charCodeAt(i + 1) === 40 /* ( */ || text.charCodeAt(i + 1) === 91 /* [ */)) {
      // Any other link, an image or a full reference: `[a]` alone is text when the chunk defines no label.
      return undefined;
    } else if (code === 38 /* & */ && ENTITY.test(text.slice(i, i + 40))) {
      return undefined;
    } else i++;
  }
  flush(to);
  const resolved = resolveEmphasis(text, pieces);
  return resolved && finish(text, resolved);
}

function plainLinkAt(text: string, at: number, to: number): PlainInline | undefined {
  PLAIN_LINK.lastIndex = at;
  const match = PLAIN_LINK.exec(text);
  if (!match || at + match[0].length > to) return undefined;
  return { type: 'link', start: at, end: at + match[0].length, children: [{ type: 'text', value: match[1], start: at + 1, end: at + 1 + match[1].length }] };
}

/**
 * Pairs `*` and `_` runs into emphasis and strong nodes as micromark does (CommonMark's algorithm on
 * the runs' current lengths): each closer, left to right, takes the nearest opener of its marker that
 * the rule of three allows, two markers from each when both have two. Undefined when it would take
 * more than a few steps per run (micromark's walk back is quadratic on runs that never close) or nest
 * deeper than MAX_NESTING (the chunk reader walks inline nodes recursively).
 */
function resolveEmphasis(text: string, pieces: Piece[]): Piece[] | undefined {
  let budget = 16 * pieces.length + 256;
  const depth = new Map<Piece, number>();
  // The pieces read so far, closers resolved: a closer only ever looks back.
  const out: Piece[] = [];
  for (const piece of pieces) {
    out.push(piece);
    if (piece.type !== 'run' || !piece.close) continue;
    const closer = piece;
    for (let o = out.length - 2; o >= 0 && closer.end > closer.start; o--) {
      if (--budget < 0) return undefined;
      const opener = out[o];
      if (opener.type !== 'run' || !opener.open || opener.marker !== closer.marker) continue;
      const openLength = opener.end - opener.start;
      const closeLength = closer.end - closer.start;
      if ((opener.close || closer.open) && closeLength % 3 !== 0 && (openLength + closeLength) % 3 === 0) continue;
      const use = openLength > 1 && closeLength > 1 ? 2 : 1;
      opener.end -= use;
      closer.start += use;
      const inside = out.slice(o + 1, out.length - 1);
      budget -= inside.length;
      const node: PlainInline = { type: use === 2 ? 'strong' : 'emphasis', children: finish(text, inside), start: opener.end, end: closer.start };
      let nesting = 1;
      for (const p of inside) nesting = Math.max(nesting, 1 + (depth.get(p) ?? 0));
      if (nesting > MAX_NESTING) return undefined;
      depth.set(node, nesting);
      out.length = opener.end > opener.start ? o + 1 : o;
      out.push(node);
      // The closer's markers left, if any, look back again from here.
      if (closer.end > closer.start) out.push(closer);
      o = out.length - 1;
    }
  }
  return out;
}

/** Unpaired runs become text, and neighbouring text is one node, as in remark. */
function finish(text: string, pieces: Piece[]): PlainInline[] {
  const out: PlainInline[] = [];
  let start = -1;
  let end = -1;
  for (const p of pieces) {
    if (p.type === 'run' || p.type === 'span') {
      if (p.start !== end) {
        if (end > start) out.push(textNode(text, start, end));
        start = p.start;
      }
      end = p.end;
      continue;
    }
    if (end > start) out.push(textNode(text, start, end));
    start = end = -1;
    out.push(p);
  }
  if (end > start) out.push(textNode(text, start, end));
  return out;
}

/**
 * A text node over [start, end): spaces that end a line or indent the next are not part of its value,
 * and its position does not start on the first nor end on the second.
 */
function textNode(text: string, start: number, end: number): PlainInline {
  let s = start;
  while (text.charCodeAt(s) === 32) s++;
  if (s === start || text.charCodeAt(s) !== 10 || s >= end) s = start;
  let e = end;
  while (e > s && text.charCodeAt(e - 1) === 32) e--;
  if (e === end || text.charCodeAt(e - 1) !== 10) e = end;
  return { type: 'text', value: withoutLineSpaces(text.slice(s, e)), start: s, end: e };
}

/** `raw` without the spaces that end a line or indent the next (a regular expression would backtrack over long runs of spaces). */
function withoutLineSpaces(raw: string): string {
  if (!raw.includes(' \n') && !raw.includes('\n ')) return raw;
  return raw
    .split('\n')
    .map((line, i, lines) => {
      let from = 0;
      let to = line.length;
      if (i > 0) while (line.charCodeAt(from) === 32) from++;
      if (i < lines.length - 1) while (to > from && line.charCodeAt(to - 1) === 32) to--;
      return line.slice(from, to);
    })
    .join('\n');
}
