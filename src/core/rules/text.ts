// Helpers rules share for reading a section's source text.
import type { StoryDocument } from '../analyse';
import type { Range, Section } from '../model';

/** The source of `range`, with code blocks blanked to spaces so offsets still line up. */
export function sourceOf(document: StoryDocument, range: Range): { text: string; offset: number } {
  const start = document.lines.offsetAt(range.start);
  const end = document.lines.offsetAt(range.end);
  let text = document.lines.text.slice(start, end);
  const blocks = document.facts.code;
  // Code blocks are in document order: skip those that end before `start` by binary search.
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < blocks.length && blocks[i].start < end; i++) {
    const code = blocks[i];
    if (code.end <= start) continue;
    const a = Math.max(code.start, start) - start;
    const b = Math.min(code.end, end) - start;
    text = text.slice(0, a) + text.slice(a, b).replace(/[^\r\n]/g, ' ') + text.slice(b);
  }
  return { text, offset: start };
}

export function sectionSource(document: StoryDocument, section: Section) {
  return sourceOf(document, section.contentRange);
}

export function rangeAt(document: StoryDocument, offset: number, start: number, end: number): Range {
  return document.lines.range(offset + start, offset + end);
}
