// Reads one chunk's mdast into the few facts story assembly needs. Everything here is relative to the
// chunk, so a chunk that moves in the document (an edit above it) is reused from the cache unchanged.
import type { Heading, List, ListItem, Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { type LabelKind, type Lexicon, lookupLabel, plainLabelAt } from './lexicon';
import { parseMarkdown } from './remark';
import type { At, PlainInline } from './plainInline';
import { readPlainTree, type PlainBlock, type PlainList, type PlainListItem } from './plainReader';

export interface Span {
  start: number;
  end: number;
}

export interface LabelMatch {
  kind: LabelKind;
  keyword: string;
  /** The label as written, without Markdown markers (`SITUATION (Context Setting - 30 seconds)`). */
  text: string;
}

export interface HeadingFact extends Span {
  depth: number;
  text: string;
  label?: LabelMatch;
}

export interface LabelFact extends Span, LabelMatch {
  form: 'bold' | 'list' | 'table';
  /** Where the section's content starts (after a `:` written outside the bold). */
  contentStart: number;
  /** In a table whose header names the sections, the row's title (its first cell): each row is a story. */
  rowTitle?: string;
}

export interface TextFact extends Span {
  text: string;
}

export interface DirectiveFact extends Span {
  comment: string;
}

export interface ChunkFacts {
  headings: HeadingFact[];
  labels: LabelFact[];
  /** Paragraphs, list items and headings that read as a question (used inside follow-up sections). */
  questions: TextFact[];
  /** `Tags: a, b` and `Question: …` lines. */
  meta: (Span & { key: 'tags' | 'question'; value: string })[];
  /** HTML comments: `<!-- star-story -->` opt-ins and `star-stories-…` directives. */
  comments: DirectiveFact[];
  /** Prose text in document order (code blocks and HTML left out), for words and section text. */
  prose: TextFact[];
  /** Fenced and indented code blocks. */
  code: Span[];
}

/** A node of remark's tree or of the plain reader's (the same shapes, for the node types the plain reader builds). */
type AnyNode = Nodes | PlainBlock | PlainListItem | PlainInline;
type Inline = PhrasingContent | PlainInline;

/** What a `Tags:` or `Question:` line needs (most paragraphs have neither). */
const MAYBE_META = /tags|question/i;
const REST_OF_LABEL = /^[ \t]*(\([^()\r\n]*\)|（[^（）\r\n]*）)?[ \t]*([:：\-–—.]|\n|$)/;

// Remark's nodes carry their offsets in `position`, the plain reader's as `start` and `end`.
function startOf(node: AnyNode): number {
  return 'position' in node ? (node.position?.start.offset ?? 0) : (node as At).start;
}

function endOf(node: AnyNode): number {
  return 'position' in node ? (node.position?.end.offset ?? 0) : (node as At).end;
}

function isQuestion(text: string): boolean {
  const t = text.trim();
  return /^Q\s*\d*\s*[:.]/.test(t) || t.endsWith('?');
}

/** Text of the line that follows `index` in a run of inline nodes, up to the next line break (given as `\n` whatever the file uses). */
function restOfLine(nodes: readonly Inline[], index: number): string {
  let rest = '';
  for (let i = index + 1; i < nodes.length; i++) {
    const n = nodes[i];
    if (n.type === 'break') return rest + '\n';
    const value = n.type === 'text' ? n.value : toString(n);
    const nl = value.search(/[\r\n]/);
    if (nl !== -1) return rest + value.slice(0, nl) + '\n';
    rest += value;
  }
  return rest;
}

export class ChunkReader {
  constructor(private readonly lexicon: Lexicon) {}

  /** The chunk's facts, read with remark. */
  read(text: string): ChunkFacts {
    return this.facts(parseMarkdown(text).children, text);
  }

  /** The chunk's facts when the plain reader can read it without remark (the same facts), else undefined. */
  readPlain(text: string): ChunkFacts | undefined {
    const blocks = readPlainTree(text);
    return blocks && this.facts(blocks, text);
  }

  private facts(blocks: readonly (RootContent | PlainBlock)[], source: string): ChunkFacts {
    const facts: ChunkFacts = { headings: [], labels: [], questions: [], meta: [], comments: [], prose: [], code: [] };
    for (const node of blocks) this.block(node, facts, source);
    return facts;
  }

  private block(node: RootContent | PlainBlock, facts: ChunkFacts, source: string): void {
    switch (node.type) {
      case 'heading':
        this.heading(node, facts, source);
        break;
      case 'paragraph':
        this.paragraph(node, facts, source);
        break;
      case 'list':
        this.list(node, facts, source);
        break;
      default:
        collectProse(node, facts, source);
    }
  }

  private heading(node: Heading | Extract<PlainBlock, { type: 'heading' }>, facts: ChunkFacts, source: string): void {
    const text = toString(node);
    const found = lookupLabel(this.lexicon, text);
    facts.headings.push({ start: startOf(node), end: endOf(node), depth: node.depth, text, label: found && { ...found, text } });
    if (isQuestion(text)) facts.questions.push({ start: startOf(node), end: endOf(node), text });
    collectProse(node, facts, source);
  }

  /** Labels of forms 2 and 3: bold text at the start of a line of a top-level paragraph. */
  private paragraph(node: Paragraph | Extract<PlainBlock, { type: 'paragraph' }>, facts: ChunkFacts, source: string): void {
    const nodes: readonly Inline[] = node.children;
    if (source.charCodeAt(startOf(node)) === 124 /* | */ && this.tableLabels(source, startOf(node), endOf(node), facts)) {
      collectProse(node, facts, source);
      return;
    }
    let atLineStart = true;
    nodes.forEach((child, i) => {
      if (atLineStart && child.type === 'strong') this.boldLabel(nodes, i, 'bold', facts);
      if (child.type === 'text') this.plainLabels(source, startOf(child), endOf(child), atLineStart, 'bold', facts);
      atLineStart = child.type === 'break' || (child.type === 'text' && /[\r\n][ \t]*$/.test(child.value));
    });
    const text = toString(node);
    if (isQuestion(text)) facts.questions.push({ start: startOf(node), end: endOf(node), text });
    if (MAYBE_META.test(text)) {
      for (const line of text.split(/\r?\n|\r/)) {
        const meta = /^(tags|question)\s*:\s*(\S.*)$/i.exec(line.trim());
        if (meta) facts.meta.push({ start: startOf(node), end: endOf(node), key: meta[1].toLowerCase() as 'tags' | 'question', value: meta[2].trim() });
      }
    }
    collectProse(node, facts, source);
  }

  /** Labels of form 4: bold text opening an item of a top-level list. */
  private list(node: List | PlainList, facts: ChunkFacts, source: string): void {
    for (const item of node.children as readonly (ListItem | PlainListItem)[]) {
      const first = item.children[0];
      const opening = first?.type === 'paragraph' ? first.children[0] : undefined;
      if (opening?.type === 'strong') this.boldLabel((first as Paragraph).children, 0, 'list', facts);
      else if (opening?.type === 'text') this.plainLabels(source, startOf(opening), endOf(opening), true, 'list', facts, true);
      const text = itemText(item);
      if (isQuestion(text)) facts.questions.push({ start: startOf(item), end: endOf(item), text });
      collectProse(item, facts, source);
    }
  }

  /**
   * Plain labels (`Situation: …`, `S – …`) at the line starts of the source `[start, end)` of a text
   * node: its first line when `atLineStart`, and every line after a line break in it (`firstOnly`: the
   * first line alone, for a list item).
   */
  private plainLabels(source: string, start: number, end: number, atLineStart: boolean, form: 'bold' | 'list', facts: ChunkFacts, firstOnly = false): void {
    // The next `\r` is looked for once and again only when passed: most texts have none.
    let cr = source.indexOf('\r', start);
    for (let pos = start, first = true; pos < end; first = false) {
      if (cr >= 0 && cr < pos) cr = source.indexOf('\r', pos);
      const lf = source.indexOf('\n', pos);
      const next = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
      const lineEnd = next < 0 || next > end ? end : next;
      if (!first || atLineStart) {
        let at = pos;
        while (at < lineEnd && (source.charCodeAt(at) === 32 || source.charCodeAt(at) === 9)) at++;
        const found = plainLabelAt(this.lexicon, source.slice(at, lineEnd));
        if (found) facts.labels.push({ start: at, end: at + found.text.length, kind: found.kind, keyword: found.keyword, text: found.text, form, contentStart: at + found.contentOffset });
      }
      if (firstOnly) return;
      pos = lineEnd + (source.charCodeAt(lineEnd) === 13 && source.charCodeAt(lineEnd + 1) === 10 ? 2 : 1);
    }
  }

  /**
   * Labels in the first column of a two-column table (`| **Situation** | I was… |`): remark without GFM
   * reads a table as a paragraph, whose lines are its rows. Returns false when `[start, end)` is no such
   * table (then its lines are read as a paragraph's).
   */
  private tableLabels(source: string, start: number, end: number, facts: ChunkFacts): boolean {
    const rows = tableRows(source, start, end);
    if (!rows) return false;
    if (rows[0].cells.length > 2) return this.headerRowLabels(source, rows, facts);
    if (rows.some((r) => r.cells.length !== 2)) return false;
    for (const row of rows) {
      const [label, content] = row.cells;
      const written = cellText(source, label);
      const found = lookupLabel(this.lexicon, written);
      if (found) facts.labels.push({ start: label.start, end: label.end, ...found, text: written, form: 'table', contentStart: content.start });
    }
    return true;
  }

  /**
   * A table whose header row names the sections (`| Question | Situation | Task | Action | Result |`):
   * each body row is a story, titled by its first cell, each cell under a label column a section.
   */
  private headerRowLabels(source: string, rows: { cells: Cell[] }[], facts: ChunkFacts): boolean {
    const columns = rows[0].cells.map((c) => lookupLabel(this.lexicon, cellText(source, c)));
    const titled = !columns[0];
    if (new Set(columns.filter((c) => c && c.kind !== 'learning').map((c) => c!.kind)).size < 3) return false;
    for (const row of rows.slice(1)) {
      const title = titled ? cellText(source, row.cells[0]) : undefined;
      row.cells.forEach((cell, k) => {
        const column = columns[k];
        if (!column) return;
        const header = rows[0].cells[k];
        facts.labels.push({ start: cell.start, end: cell.end, ...column, text: source.slice(header.start, header.end), form: 'table', contentStart: cell.start, ...(title ? { rowTitle: title } : {}) });
      });
    }
    return true;
  }

  private boldLabel(nodes: readonly Inline[], index: number, form: 'bold' | 'list', facts: ChunkFacts): void {
    const strong = nodes[index];
    const text = toString(strong);
    const rest = restOfLine(nodes, index);
    const tail = REST_OF_LABEL.exec(rest);
    if (!tail && !/[:.：]\s*$/.test(text)) return;
    const written = tail?.[1] ? `${text} ${tail[1]}` : text;
    const found = lookupLabel(this.lexicon, written);
    if (!found) return;
    const start = startOf(strong);
    const end = endOf(strong);
    const consumed = tail ? tail[0].replace(/\n$/, '').length : 0;
    facts.labels.push({ start, end, ...found, text: written, form, contentStart: end + consumed });
  }
}

type Cell = Span;

const DELIMITER_ROW = /^[ \t]*(?:\|[ \t]*)?:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+(?:\|[ \t]*)?$/;

/**
 * The rows of a GFM table written in `[start, end)` (header and body, delimiter row left out), each
 * with its cells' trimmed spans; undefined when the text is not a table.
 */
function tableRows(source: string, start: number, end: number): { cells: Cell[] }[] | undefined {
  const lines: Span[] = [];
  const breaks = /\r\n|\r|\n/g;
  breaks.lastIndex = start;
  let at = start;
  for (let m = breaks.exec(source); at < end; m = breaks.exec(source)) {
    const lineEnd = m && m.index < end ? m.index : end;
    lines.push({ start: at, end: lineEnd });
    at = m && m.index < end ? m.index + m[0].length : end;
    if (!m) break;
  }
  if (lines.length < 3 || !DELIMITER_ROW.test(source.slice(lines[1].start, lines[1].end))) return undefined;
  return [lines[0], ...lines.slice(2)].map((line) => ({ cells: cellsOf(source, line) }));
}

/** A cell's text without the bold around it (`**Task:**` and `**Task**:` both give `Task:`). */
function cellText(source: string, cell: Cell): string {
  return source.slice(cell.start, cell.end).replace(/^(\*\*|__)(.*)\1([:：.]?)$/, '$2$3');
}

/** The cells of a table row: between unescaped pipes, trimmed, the outer pipes' empty ends dropped. */
function cellsOf(source: string, line: Span): Cell[] {
  const cuts = [line.start - 1];
  for (let i = line.start; i < line.end; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === '|') cuts.push(i);
  }
  cuts.push(line.end);
  const cells: Cell[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    let a = cuts[k] + 1;
    let b = cuts[k + 1];
    while (a < b && (source[a] === ' ' || source[a] === '\t')) a++;
    while (b > a && (source[b - 1] === ' ' || source[b - 1] === '\t')) b--;
    const outer = k === 0 || k + 2 === cuts.length;
    if (!(outer && a === b)) cells.push({ start: a, end: b });
  }
  return cells;
}

function itemText(item: ListItem | PlainListItem): string {
  const first = item.children[0];
  return first?.type === 'paragraph' ? toString(first) : '';
}

function comments(html: string, offset: number): DirectiveFact[] {
  return [...html.matchAll(/<!--([\s\S]*?)-->/g)].map((m) => ({
    start: offset + m.index,
    end: offset + m.index + m[0].length,
    comment: m[1].trim(),
  }));
}

/**
 * Walks with an explicit stack: deeply nested lists must not overflow the call stack. Comments are
 * found in `source` (the chunk): an HTML node's value drops what a list indents it by, tabs expanded.
 */
function collectProse(root: AnyNode, facts: ChunkFacts, source: string): void {
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text' || node.type === 'inlineCode') facts.prose.push({ start: startOf(node), end: endOf(node), text: node.value });
    else if (node.type === 'code') facts.code.push({ start: startOf(node), end: endOf(node) });
    else if (node.type === 'html') facts.comments.push(...comments(source.slice(startOf(node), endOf(node)), startOf(node)));
    else if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
}
