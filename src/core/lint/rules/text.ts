// Helpers rules share for reading a section's source text.
import type { StoryDocument } from '../../analyse';
import type { Range, Section } from '../../model';

/** The source of `range`, with code blocks blanked to spaces so offsets still line up. */
export function sourceOf(document: StoryDocument, range: Range): { text: string; offset: number } {
  const start = document.lines.offsetAt(range.start);
  const end = document.lines.offsetAt(range.end);
  let text = document.lines.text.slice(start, end);
  for (const code of document.facts.between('code', start, end)) {
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

function endsInOpenFence(document: StoryDocument, offset: number): boolean {
  const [code] = document.facts.between('code', offset - 1, offset);
  if (!code) return false;
  const lines = document.lines.text.slice(code.start, code.end).split(/\r\n|\r|\n/);
  const open = /^[ \t]*(`{3,}|~{3,})/.exec(lines[0])?.[1];
  if (!open) return false; // indented code ends at the first line that is not indented
  const close = lines.length > 1 ? /^[ \t]*(`{3,}|~{3,})[ \t]*$/.exec(lines[lines.length - 1])?.[1] : undefined;
  return !(close && close[0] === open[0] && close.length >= open.length);
}

/** An HTML block of CommonMark types 1–2 (`<!--`, `<script>`, `<pre>`, `<style>`, `<textarea>`) opened in `text` and not closed. */
function endsInOpenHtml(text: string): boolean {
  const opened = [...text.matchAll(/^ {0,3}<(!--|script|pre|style|textarea)(?=[\s>]|$|(?<=!--))/gim)].at(-1);
  if (!opened) return false;
  const rest = text.slice(opened.index + opened[0].length);
  return opened[1] === '!--' ? !rest.includes('-->') : !new RegExp(`</${opened[1]}>`, 'i').test(rest);
}

/** Whether text appended at the end of `section` would land inside a code fence or HTML block that is never closed. */
export function endsInOpenBlock(document: StoryDocument, section: Section): boolean {
  const end = document.lines.offsetAt(section.contentRange.end);
  return endsInOpenFence(document, end) || endsInOpenHtml(document.lines.text.slice(document.lines.offsetAt(section.contentRange.start), end));
}

/**
 * Whether the last lines of `section` (since its last blank line) hold a line that may start an HTML
 * block: such a block (`<details>…`) runs on to the next blank line, so a line appended right below
 * would be HTML, not Markdown. Text appended there must start after a blank line.
 */
export function endsInHtmlUntilBlank(document: StoryDocument, section: Section): boolean {
  for (let line = section.contentRange.end.line; line >= section.contentRange.start.line; line--) {
    const text = document.lines.lineText(line);
    if (text.trim() === '') return false;
    if (/^ {0,3}</.test(text)) return true;
  }
  return false;
}
