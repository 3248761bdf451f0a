// Inline half of the plain reader (see plainReader.ts): the text of one paragraph or heading, read
// into the mdast nodes remark would build — text, strong, emphasis, inline code and hard breaks — or
// undefined when it holds anything else (escapes, entities, HTML, links, `_` emphasis, emphasis runs
// that do not pair up evenly). Positions are offsets into the chunk, as in remark's tree.
//
// The rules replicated are micromark's (remark's tokenizer), not only CommonMark's where they differ:
// a character next to `*` is classified by its UTF-16 code unit (an emoji is neither punctuation nor
// whitespace to micromark, although CommonMark counts symbols as punctuation).

export interface At {
  position: { start: { offset: number }; end: { offset: number } };
}

export type PlainInline =
  | (At & { type: 'text' | 'inlineCode'; value: string })
  | (At & { type: 'strong' | 'emphasis'; children: PlainInline[] })
  | (At & { type: 'break' });

export function at(start: number, end: number): At['position'] {
  return { start: { offset: start }, end: { offset: end } };
}

/** A `*` run not (yet) paired: the emphasis algorithm's delimiter. */
interface Run {
  type: 'run';
  start: number;
  length: number;
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

const WHITESPACE = 1;
const PUNCTUATION = 2;
const OTHER = 0;
const UNICODE_WHITESPACE = /\s/;
const UNICODE_PUNCTUATION = /\p{P}|\p{S}/u;

/** micromark's `classifyCharacter`, one UTF-16 code unit at a time (`NaN`: the edge of the text). */
function classify(code: number): number {
  if (Number.isNaN(code) || code === 32 || code === 10) return WHITESPACE;
  const char = String.fromCharCode(code);
  if (UNICODE_WHITESPACE.test(char)) return WHITESPACE;
  return UNICODE_PUNCTUATION.test(char) ? PUNCTUATION : OTHER;
}

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
 * that is not a space (line breaks in between are `\n`, continuation lines may be indented).
 */
export function readInline(text: string, from: number, to: number): PlainInline[] | undefined {
  const pieces: Piece[] = [];
  const openers: number[] = [];
  let closers: Map<number, number> | undefined;
  let pending = from;
  const flush = (end: number) => {
    if (end > pending) pieces.push({ type: 'span', start: pending, end });
  };
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    if (code === 42 /* * */ || code === 95 /* _ */) {
      const length = runLength(text, i, to, code);
      const before = i === from ? WHITESPACE : classify(text.charCodeAt(i - 1));
      const after = i + length === to ? WHITESPACE : classify(text.charCodeAt(i + length));
      const open = after === OTHER || (after === PUNCTUATION && before !== OTHER);
      const close = before === OTHER || (before === PUNCTUATION && after !== OTHER);
      i += length;
      if (code === 95) {
        // `_` between two letters or digits can neither open nor close: literal. Anything else declines.
        if (before !== OTHER || after !== OTHER) return undefined;
        continue;
      }
      if (!open && !close) continue;
      if (length > 2) return undefined;
      flush(i - length);
      pending = i;
      const run: Run = { type: 'run', start: i - length, length, open, close };
      if (close && openers.length > 0) {
        const o = openers.pop()!;
        const opener = pieces[o] as Run;
        // Unequal runs split (`**a*`) and bring in the rule of three: not replicated.
        if (opener.length !== length) return undefined;
        const children = finish(text, pieces.splice(o).slice(1));
        pieces.push({ type: length === 2 ? 'strong' : 'emphasis', children, position: at(opener.start, i) });
      } else if (open) {
        openers.push(pieces.length);
        pieces.push(run);
      } else pieces.push(run);
    } else if (code === 96 /* ` */) {
      const length = runLength(text, i, to, 96);
      closers ??= backtickClosers(text, i, to);
      const close = closers.get(i)!;
      if (close === -1) {
        i += length;
        continue;
      }
      let value = text.slice(i + length, close);
      if (value.includes('\n')) return undefined;
      if (value.length > 2 && value.charCodeAt(0) === 32 && value.charCodeAt(value.length - 1) === 32 && /[^ ]/.test(value)) value = value.slice(1, -1);
      flush(i);
      pieces.push({ type: 'inlineCode', value, position: at(i, close + length) });
      i = pending = close + length;
    } else if (code === 10) {
      let spaces = 0;
      while (text.charCodeAt(i - spaces - 1) === 32) spaces++;
      i++;
      if (spaces >= 2) {
        flush(i - 1 - spaces);
        pieces.push({ type: 'break', position: at(i - 1 - spaces, i) });
        while (text.charCodeAt(i) === 32) i++;
        pending = i;
      }
    } else if (code === 92 /* \ */ || code === 60 /* < */ || code === 91 /* [ */ || code === 0) {
      return undefined;
    } else if (code === 38 /* & */ && ENTITY.test(text.slice(i, i + 40))) {
      return undefined;
    } else i++;
  }
  flush(to);
  return finish(text, pieces);
}

/** Unpaired runs become text, and neighbouring text is one node, as in remark. */
function finish(text: string, pieces: Piece[]): PlainInline[] {
  const out: PlainInline[] = [];
  let span: { start: number; end: number } | undefined;
  const flush = () => {
    if (span) out.push(textNode(text, span.start, span.end));
    span = undefined;
  };
  for (const p of pieces) {
    const start = p.type === 'run' || p.type === 'span' ? p.start : -1;
    if (start === -1) {
      flush();
      out.push(p as PlainInline);
      continue;
    }
    const end = p.type === 'run' ? p.start + p.length : (p as Span).end;
    if (span && span.end === start) span.end = end;
    else {
      flush();
      span = { start, end };
    }
  }
  flush();
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
  const raw = text.slice(s, e);
  return { type: 'text', value: raw.includes('\n') ? raw.replace(/ *\n */g, '\n') : raw, position: at(s, e) };
}
