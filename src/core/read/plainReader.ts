// The plain reader: most of a story bank is headings, paragraphs, bold labels and lists, and reading
// those does not need remark. This reads a chunk into the same mdast nodes remark would (those the
// chunk reader looks at, with the same offsets) when the chunk holds only the constructs below, and
// returns undefined — so remark reads it — as soon as it meets anything else:
//
// - ATX and setext headings, paragraphs (with lazy continuation lines), thematic breaks;
// - lists (`-`, `*`, `+`, `1.`, `1)`) nested by indentation, each item starting with content;
// - fenced code, closed before the chunk (or its list item) ends; indented code outside lists;
// - inline: text, `*`/`**` emphasis, inline code, hard breaks (plainInline.ts).
//
// Not handled: tabs, CR line endings, NUL, block quotes, HTML, label definitions, empty list items,
// and every inline construct plainInline.ts declines. test/unit/plainReader.test.ts checks that whenever
// this reader accepts a chunk its facts equal remark's, on the fixtures, the bench corpus and generated
// near-plain Markdown.
import { MAYBE_TAG, readInline, type At, type PlainInline } from './plainInline';

export type PlainBlock =
  | (At & { type: 'heading'; depth: number; children: PlainInline[] })
  | (At & { type: 'paragraph'; children: PlainInline[] })
  | PlainList
  | (At & { type: 'code' | 'thematicBreak' });
export type PlainList = At & { type: 'list'; children: PlainListItem[] };
export type PlainListItem = At & { type: 'listItem'; children: PlainBlock[] };

/** Thrown (and caught in `readPlainTree`) when the text holds something this reader does not handle. */
const DECLINE = Symbol('decline');

const UNHANDLED = /[\r\t\0]/;
const MAX_DEPTH = 16;
const ATX = /^#{1,6}(?= |$)/;
const FENCE = /^(?:`{3,}|~{3,})/;
const SETEXT = /^(?:=+|-+) *$/;
const THEMATIC = /^([-*_])(?: *\1){2,} *$/;
const DEFINITION = /^\[[^\]]*\]:/;
/** The first characters of every block but paragraph text (ATX, fences, setext, breaks, list markers). */
const BLOCK_START = /[#`~=\-*_+0-9]/;
const LIST_MARKER = /^(?:([-+*])|([0-9]{1,9})([.)]))( *)/;

interface OpenItem {
  node: PlainListItem;
  list: PlainList;
  /** Column where the item's content starts: lines indented this far continue it. */
  contentCol: number;
}

interface OpenList {
  node: PlainList;
  /** The bullet, or the delimiter after an ordered item's number: another marker starts another list. */
  marker: string;
}

class BlockReader {
  readonly root: PlainBlock[] = [];
  /** Open list items, outermost first; level k (0 = the chunk) is the content of items[k - 1]. */
  private readonly items: OpenItem[] = [];
  /** The list still open as the last block of each level, which an item at that level joins. */
  private readonly lists: (OpenList | undefined)[] = [undefined];
  /** The open paragraph (always in the innermost level): its first character and the end of its last line. */
  private paragraph?: { start: number; end: number };
  private fence?: { start: number; level: number; char: number; length: number };
  /** Open indented code (at the top level): where it starts and the end of its last line indented enough. */
  private indented?: { start: number; end: number };

  constructor(private readonly text: string) {}

  read(): PlainBlock[] {
    const { text } = this;
    for (let pos = 0; pos < text.length; ) {
      let end = text.indexOf('\n', pos);
      if (end === -1) end = text.length;
      this.line(pos, end);
      pos = end + 1;
    }
    // An unclosed fence runs to the end of the document: left to remark.
    if (this.fence) throw DECLINE;
    if (this.indented) this.add(0, { type: 'code', ...this.indented });
    this.closeParagraph();
    this.closeTo(0);
    return this.root;
  }

  private line(pos: number, end: number): void {
    const { text } = this;
    let indent = 0;
    while (text.charCodeAt(pos + indent) === 32) indent++;
    const blank = pos + indent === end;
    if (this.fence) {
      const { fence } = this;
      const base = this.contentCol(fence.level);
      // A list item that ends inside its fence ends the code too: left to remark.
      if (blank) return;
      if (indent < base) throw DECLINE;
      const close = /^ {0,3}(`{3,}|~{3,}) *$/.exec(text.slice(pos + base, end));
      if (close && close[1].charCodeAt(0) === fence.char && close[1].length >= fence.length) {
        this.add(fence.level, { type: 'code', start: fence.start, end });
        this.fence = undefined;
      }
      return;
    }
    // Lines indented four columns continue indented code (whitespace-only ones too); blank lines may
    // sit between them. The line after it is read as if it interrupted a paragraph.
    let afterCode = false;
    if (this.indented) {
      if (indent >= 4) {
        this.indented.end = end;
        return;
      }
      if (blank) return;
      this.add(0, { type: 'code', ...this.indented });
      this.indented = undefined;
      afterCode = true;
    }
    if (blank) {
      this.closeParagraph();
      return;
    }
    let level = 0;
    while (level < this.items.length && this.items[level].contentCol <= indent) level++;
    this.block(pos, end, level, indent, afterCode);
  }

  /**
   * The line from column `indent` on, inside the first `level` open items. A list marker opens an
   * item and the rest of the line is read inside it (a loop: a line of markers nests deeply).
   */
  private block(lineStart: number, end: number, level: number, indent: number, afterCode: boolean): void {
    const { text } = this;
    // A line that would continue the open paragraph can only interrupt it: with every list item it opens.
    const interrupts = afterCode || (this.paragraph !== undefined && level === this.items.length);
    for (;;) {
      const start = lineStart + indent;
      const relative = indent - this.contentCol(level);
      const innermost = level === this.items.length;
      if (relative >= 4) {
        // Indented code, unless it continues (or lazily continues) a paragraph.
        if (this.paragraph) this.paragraph.end = end;
        // Indented code in or after a list item meets micromark's lazy-line handling: left to remark.
        else if (this.items.length > 0) throw DECLINE;
        else this.indented = { start: lineStart, end };
        return;
      }
      const first = text.charCodeAt(start);
      if (first === 62 /* > */ || (first === 60 /* < */ && MAYBE_TAG.test(text.charAt(start + 1)))) throw DECLINE;
      // Most lines start with a letter: nothing but paragraph text can start so.
      if (!BLOCK_START.test(text.charAt(start))) {
        this.paragraphLine(level, start, end);
        return;
      }
      const line = text.slice(start, end);
      if (first === 35 /* # */ && ATX.test(line)) {
        this.closeParagraph();
        this.closeTo(level);
        this.add(level, this.heading(start, end));
        return;
      }
      if ((first === 96 || first === 126) && FENCE.test(line)) {
        // A backtick fence whose info string holds a backtick is not a fence (but inline code): left to remark.
        if (first === 96 && line.replace(/^`+/, '').includes('`')) throw DECLINE;
        this.closeParagraph();
        this.closeTo(level);
        this.fence = { start, level, char: first, length: /^(`+|~+)/.exec(line)![1].length };
        return;
      }
      if (this.paragraph && innermost && (first === 61 || first === 45) && SETEXT.test(line)) {
        this.closeParagraph(first === 61 ? 1 : 2, end);
        return;
      }
      if ((first === 45 || first === 42 || first === 95) && THEMATIC.test(line)) {
        this.closeParagraph();
        this.closeTo(level);
        this.add(level, { type: 'thematicBreak', start, end });
        return;
      }
      const marker = LIST_MARKER.exec(line);
      if (marker) {
        const spaces = marker[4].length;
        if (start + marker[0].length === end || spaces >= 5) throw DECLINE; // empty item, or indented code in an item
        // An ordered item interrupts a paragraph only if it starts at 1.
        if (spaces > 0 && !(interrupts && marker[2] !== undefined && marker[2] !== '1')) {
          // Stories nest lists a few levels deep; deeper nesting is left to remark (and its watchdog),
          // which keeps the work per line here bounded.
          if (level === MAX_DEPTH) throw DECLINE;
          this.closeParagraph();
          this.closeTo(level);
          indent += marker[0].length;
          this.openItem(level, start, marker[1] ?? marker[3], indent);
          level++;
          continue;
        }
      }
      this.paragraphLine(level, start, end);
      return;
    }
  }

  /** A line of paragraph text: it continues the open paragraph (lazily, if need be) or starts one. */
  private paragraphLine(level: number, start: number, end: number): void {
    if (this.paragraph) {
      this.paragraph.end = end;
      return;
    }
    this.closeTo(level);
    this.paragraph = { start, end };
  }

  /** Column where the content of `level` starts. */
  private contentCol(level: number): number {
    return level === 0 ? 0 : this.items[level - 1].contentCol;
  }

  private heading(start: number, end: number): PlainBlock {
    const { text } = this;
    let depth = 0;
    while (text.charCodeAt(start + depth) === 35) depth++;
    let from = start + depth;
    while (text.charCodeAt(from) === 32) from++;
    let to = end;
    while (to > from && text.charCodeAt(to - 1) === 32) to--;
    // A closing sequence of `#`s (after a space, or the whole content) is not part of the text.
    let hashes = to;
    while (hashes > from && text.charCodeAt(hashes - 1) === 35) hashes--;
    if (hashes < to && (hashes === from || text.charCodeAt(hashes - 1) === 32)) {
      to = hashes;
      while (to > from && text.charCodeAt(to - 1) === 32) to--;
    }
    return { type: 'heading', depth, children: this.inline(from, to), start, end };
  }

  private inline(from: number, to: number): PlainInline[] {
    if (from === to) return [];
    const children = readInline(this.text, from, to, this.items.length > 0);
    if (!children) throw DECLINE;
    return children;
  }

  /** Ends the open paragraph, as a paragraph or (`depth`) as a setext heading whose underline ends at `end`. */
  private closeParagraph(depth?: number, end?: number): void {
    const p = this.paragraph;
    if (!p) return;
    this.paragraph = undefined;
    let to = p.end;
    while (this.text.charCodeAt(to - 1) === 32) to--;
    // A paragraph opening with a label definition defines it for the chunk: left to remark.
    if (this.text.charCodeAt(p.start) === 91 && DEFINITION.test(this.text.slice(p.start, to))) throw DECLINE;
    const children = this.inline(p.start, to);
    const level = this.items.length;
    if (depth) this.add(level, { type: 'heading', depth, children, start: p.start, end: end! });
    else this.add(level, { type: 'paragraph', children, start: p.start, end: p.end });
  }

  private openItem(level: number, start: number, marker: string, contentCol: number): void {
    let list = this.lists[level];
    if (!list || list.marker !== marker) {
      list = { node: { type: 'list', children: [], start, end: start }, marker };
      this.add(level, list.node);
      this.lists[level] = list;
    }
    const node: PlainListItem = { type: 'listItem', children: [], start, end: start };
    list.node.children.push(node);
    this.items.push({ node, list: list.node, contentCol });
    this.lists.push(undefined);
  }

  /** Closes the items deeper than `level`: each (and its list, so far) ends where its last block ends. */
  private closeTo(level: number): void {
    for (let k = this.items.length - 1; k >= level; k--) {
      const { node, list } = this.items[k];
      node.end = list.end = node.children[node.children.length - 1].end;
    }
    // Setting an array's length is slow in V8 even when it does not change.
    if (this.items.length > level) this.items.length = level;
    if (this.lists.length > level + 1) this.lists.length = level + 1;
  }

  private add(level: number, block: PlainBlock): void {
    (level === 0 ? this.root : this.items[level - 1].node.children).push(block);
    if (block.type !== 'list') this.lists[level] = undefined;
  }
}

/** The chunk's blocks as remark would read them, or undefined when the chunk needs remark. */
export function readPlainTree(chunk: string): PlainBlock[] | undefined {
  if (UNHANDLED.test(chunk)) return undefined;
  try {
    return new BlockReader(chunk).read();
  } catch (error) {
    if (error === DECLINE) return undefined;
    throw error;
  }
}
