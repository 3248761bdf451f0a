// Plain-text helpers for rehearsal: a section's Markdown as a speaker reads it (blocks, first sentence,
// the clauses that carry numbers). Heuristics tuned for spoken stories, not a Markdown renderer.
import { wordCount } from '../util/words';

/** A paragraph, a list item or a bold step line ("**Step 1: Diagnosed the problem**"), as plain text. */
export interface TextBlock {
  kind: 'paragraph' | 'item' | 'heading';
  text: string;
  words: number;
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,3}[.)])\s+/;
const LONE_LIST_MARKER = /^\s*(?:[-*+]|\d{1,3}[.)])\s*$/;
const ATX_HEADING = /^\s{0,3}#{1,6}(?:\s+|$)/;
const BOLD_LINE = /^\s*(?:\*\*|__)[^*_]+(?:\*\*|__)\s*:?\s*$/;

/**
 * The Markdown of a section's content, ready to render on its own: the first line's leading space
 * (after an inline label) dropped, continuation lines dedented by their common indentation (content
 * of a list-item label), and a trailing bare list marker (the start of the next item) removed.
 */
export function sectionMarkdown(slice: string): string {
  const lines = slice.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length && (!lines[lines.length - 1].trim() || LONE_LIST_MARKER.test(lines[lines.length - 1]))) lines.pop();
  while (lines.length && !lines[0].trim()) lines.shift();
  if (!lines.length) return '';
  const first = lines[0].trimStart();
  const rest = lines.slice(1);
  const indents = rest.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].replace(/\t/g, '    ').length);
  const dedent = indents.length ? Math.min(...indents) : 0;
  const strip = (l: string) => {
    let removed = 0;
    let i = 0;
    while (i < l.length && removed < dedent && (l[i] === ' ' || l[i] === '\t')) {
      removed += l[i] === '\t' ? 4 : 1;
      i++;
    }
    return l.slice(i);
  };
  return [first, ...rest.map(strip)].join('\n');
}

/** Inline Markdown to the words a speaker says: links and emphasis unwrapped, HTML and images left out. */
export function inlinePlain(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/~~/g, '')
    .replace(/(?<![\p{L}\p{N}])[*_]+(?=\S)|(?<=\S)[*_]+(?![\p{L}\p{N}])/gu, '')
    .replace(/^\s*>\s?/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits a section's Markdown into the blocks a speaker would trim: paragraphs, list items, step lines. Code is left out. */
export function textBlocks(markdown: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let fence: string | undefined;
  let current: { kind: TextBlock['kind']; parts: string[] } | undefined;
  const flush = () => {
    if (current) {
      const text = inlinePlain(current.parts.join(' '));
      if (text) blocks.push({ kind: current.kind, text, words: wordCount(text) });
    }
    current = undefined;
  };
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (fence) {
      if (line.trim().startsWith(fence)) fence = undefined;
      continue;
    }
    const f = FENCE.exec(line);
    if (f) {
      flush();
      fence = f[1].slice(0, 3);
      continue;
    }
    if (!line.trim()) {
      flush();
      continue;
    }
    if (ATX_HEADING.test(line)) {
      flush();
      current = { kind: 'heading', parts: [line.replace(ATX_HEADING, '').replace(/\s#+\s*$/, '')] };
      flush();
      continue;
    }
    if (BOLD_LINE.test(line)) {
      flush();
      current = { kind: 'heading', parts: [line] };
      flush();
      continue;
    }
    if (LIST_ITEM.test(line)) {
      flush();
      current = { kind: 'item', parts: [line.replace(LIST_ITEM, '')] };
      continue;
    }
    if (!current && /^(?: {4}|\t)/.test(line)) continue; // indented code
    if (!current) current = { kind: 'paragraph', parts: [] };
    current.parts.push(line.trim());
  }
  flush();
  return blocks;
}

const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'vs', 'mr', 'mrs', 'ms', 'dr', 'approx', 'inc', 'no', 'jr', 'sr', 'st', 'cf', 'fig']);

/** The sentences of a plain text, split at `.`, `!`, `?` or `…` before a capital, a digit or the end. */
export function sentences(text: string): string[] {
  const t = text.replace(/\s+/g, ' ').trim();
  const out: string[] = [];
  let start = 0;
  const end = /[.!?…]+["'”’)\]]*(?=\s|$)/g;
  for (let m = end.exec(t); m; m = end.exec(t)) {
    const stop = m.index + m[0].length;
    const before = /([\p{L}.]+)[.]*$/u.exec(t.slice(start, m.index + 1))?.[1]?.replace(/\.$/, '').toLowerCase();
    if (m[0].startsWith('.') && before && ABBREVIATIONS.has(before)) continue;
    const next = t.slice(stop).trimStart();
    if (next && !/^["'“‘(\[]?[\p{Lu}\p{N}$€£]/u.test(next)) continue;
    out.push(t.slice(start, stop).trim());
    start = stop;
  }
  if (t.slice(start).trim()) out.push(t.slice(start).trim());
  return out;
}

/** At most `max` words, with an ellipsis when cut. */
export function limitWords(text: string, max: number): string {
  const words = text.split(' ');
  return words.length <= max ? text : `${words.slice(0, max).join(' ').replace(/[,;:]$/, '')}…`;
}

/** The first sentence of a section: what a cue card shows. Long openers are cut to 30 words. */
export function firstSentence(markdown: string): string {
  const block = textBlocks(markdown).find((b) => b.kind !== 'heading') ?? textBlocks(markdown)[0];
  if (!block) return '';
  return limitWords(sentences(block.text)[0] ?? block.text, 30);
}

const NUMBER = /[$€£]?\d[\d,]*(?:\.\d+)?\s*(?:%|[kKmMbB]\b|x\b|×)?/g;
const NUMBER_WORDS =
  /\b(?:zero|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|doubled|tripled|quadrupled|halved|tenfold|twofold|threefold)\b/i;
const NUMBERING = /\b(?:step|phase|story|part|round|stage|q|question|sprint|week|day|version|v)\s*$/i;

/** Whether a clause states a quantity: digits that are not a year or a step number, or a number word. */
export function hasQuantity(clause: string): boolean {
  for (const m of clause.matchAll(NUMBER)) {
    const token = m[0].trim();
    const before = clause.slice(0, m.index);
    if (/^(?:19|20)\d{2}$/.test(token) && !/[$€£]/.test(before.slice(-1))) continue;
    if (NUMBERING.test(before)) continue;
    return true;
  }
  return NUMBER_WORDS.test(clause);
}

/**
 * The clauses of a text that carry its numbers ("mismatches went from 1,200 → 0 (100% reduction)"),
 * each at most 16 words, at most `max` of them.
 */
export function quantityClauses(markdown: string, max = 3): string[] {
  const out: string[] = [];
  for (const block of textBlocks(markdown)) {
    for (const sentence of sentences(block.text)) {
      const clauses = sentence.split(/;\s+|,\s+(?=(?:and|but|which|so|while|with|saving|cutting|reducing|bringing)\b)|\s+[—–]\s+/);
      for (const raw of clauses) {
        const clause = raw.replace(/[\s,.;:]+$/, '').trim();
        if (!clause || !hasQuantity(clause)) continue;
        const words = clause.split(' ');
        let text = clause;
        if (words.length > 16) {
          const at = words.findIndex((w) => hasQuantity(w));
          const from = Math.max(0, Math.min(at - 6, words.length - 16));
          text = `${from > 0 ? '…' : ''}${words.slice(from, from + 16).join(' ')}${from + 16 < words.length ? '…' : ''}`;
        }
        if (!out.includes(text)) out.push(text);
        if (out.length >= max) return out;
      }
    }
  }
  return out;
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** `second`, `tenth`, `11th`. */
export function ordinal(index: number): string {
  const n = index + 1;
  if (n <= ORDINALS.length) return ORDINALS[n - 1];
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
