// Checks that positions the core returns are real places in the document, computed independently of
// the core's LineIndex: lines split on LF, CRLF and lone CR, characters in UTF-16 code units.
import type { StoryDocument } from '../../../src/core/analyse';
import type { Finding, Position, Range } from '../../../src/core/model';

export interface SplitLine {
  text: string;
  /** The line ending as written ('' on the last line). */
  eol: string;
  /** Offset of the line's first character. */
  start: number;
}

export function splitLines(text: string): SplitLine[] {
  const lines: SplitLine[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    lines.push({ text: text.slice(start, m.index), eol: m[0], start });
    start = m.index + m[0].length;
  }
  lines.push({ text: text.slice(start), eol: '', start });
  return lines;
}

export function offsetOf(lines: SplitLine[], p: Position): number {
  return lines[p.line].start + p.character;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

/** Problems with `range` in `lines` (empty when it lies inside the document and is well-ordered). */
export function rangeProblems(lines: SplitLine[], text: string, range: Range, what: string): string[] {
  const problems: string[] = [];
  for (const [name, p] of [['start', range.start], ['end', range.end]] as const) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) {
      problems.push(`${what}: ${name} ${JSON.stringify(p)} is not a position`);
      continue;
    }
    if (p.line >= lines.length) {
      problems.push(`${what}: ${name} line ${p.line} is past the last line ${lines.length - 1}`);
      continue;
    }
    if (p.character > lines[p.line].text.length) {
      problems.push(`${what}: ${name} ${JSON.stringify(p)} is past the end of its line (${lines[p.line].text.length} code units)`);
      continue;
    }
    // A position between the two halves of a surrogate pair cuts a character in half.
    const o = offsetOf(lines, p);
    const hi = text.charCodeAt(o - 1);
    const lo = text.charCodeAt(o);
    if (hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff) problems.push(`${what}: ${name} ${JSON.stringify(p)} splits a surrogate pair`);
  }
  if (problems.length === 0 && !before(range.start, range.end)) problems.push(`${what}: start ${JSON.stringify(range.start)} is after end ${JSON.stringify(range.end)}`);
  return problems;
}

/** Every range of every story, section, follow-up, finding and fix edit, checked. */
export function documentRangeProblems(document: StoryDocument, findings: Finding[]): string[] {
  const text = document.lines.text;
  const lines = splitLines(text);
  const problems: string[] = [];
  if (document.lines.lineCount !== lines.length) problems.push(`LineIndex counts ${document.lines.lineCount} lines, the text has ${lines.length}`);
  const check = (range: Range, what: string) => problems.push(...rangeProblems(lines, text, range, what));
  let previousStory: Range | undefined;
  for (const story of document.stories) {
    const s = `story '${story.title}'`;
    check(story.range, `${s} range`);
    check(story.titleRange, `${s} title`);
    if (previousStory && !before(previousStory.start, story.range.start)) problems.push(`${s} starts before the story above it`);
    previousStory = story.range;
    let previousLabel: Range | undefined;
    for (const section of story.sections) {
      const x = `${s} ${section.role} '${section.label}'`;
      check(section.labelRange, `${x} label`);
      check(section.contentRange, `${x} content`);
      if (!before(section.labelRange.start, section.contentRange.start)) problems.push(`${x}: content starts before its label`);
      if (!before(story.range.start, section.labelRange.start) || !before(section.contentRange.end, story.range.end)) problems.push(`${x}: lies outside its story ${JSON.stringify(story.range)}`);
      if (previousLabel && !before(previousLabel.end, section.labelRange.start)) problems.push(`${x}: label overlaps or precedes the previous label`);
      previousLabel = section.labelRange;
    }
    for (const f of story.followUps) check(f.range, `${s} follow-up '${f.question}'`);
  }
  for (const finding of findings) {
    const f = `${finding.rule} '${finding.message}'`;
    check(finding.range, `${f} range`);
    for (const fix of finding.fixes ?? []) {
      const sorted = [...fix.edits].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
      sorted.forEach((edit, i) => {
        check(edit.range, `${f} fix '${fix.title}' edit`);
        const next = sorted[i + 1];
        if (next && !before(edit.range.end, next.range.start)) problems.push(`${f} fix '${fix.title}': edits overlap`);
      });
    }
  }
  return problems;
}
