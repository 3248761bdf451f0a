import type { Position, Range } from '../model';
import { partitionPoint } from '../util/partition';

/** What changed between two texts: they share `prefix` characters at the start and `suffix` at the end. */
export interface TextChange {
  prefix: number;
  suffix: number;
}

/** Whether a line starts at `at`: after LF, or after a CR that is not followed by LF. */
function startsLine(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  return before === 10 || (before === 13 && text.charCodeAt(at) !== 10);
}

/** CRLF pairs that start in `[from, to)`. */
function crlfPairs(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = Math.max(0, from); i < to; i++) if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) n++;
  return n;
}

/** Maps string offsets to 0-based line/character positions (UTF-16 code units), for any mix of LF, CRLF and CR. */
export class LineIndex {
  /** Where each line starts (strings are shorter than 2^31). */
  private readonly starts: Int32Array;
  /** How many CRLF pairs the text holds (fixes write CRLF when there is any). */
  private readonly crlfCount: number;

  constructor(readonly text: string, edited?: { starts: Int32Array; crlfCount: number }) {
    if (edited) {
      this.starts = edited.starts;
      this.crlfCount = edited.crlfCount;
      return;
    }
    const starts = [0];
    const cr = text.includes('\r');
    if (!cr) {
      // LF only (the common case): let the native search find each line end.
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 1; i <= text.length; i++) if (startsLine(text, i)) starts.push(i);
    }
    this.starts = Int32Array.from(starts);
    this.crlfCount = cr ? crlfPairs(text, 0, text.length) : 0;
  }

  /**
   * The index of `text`, an edit of this index's text: line starts before the change are kept, those
   * after it moved, and only the changed characters (and the one on each side) are read.
   */
  edited(text: string, { prefix, suffix }: TextChange): LineIndex {
    const before = this.text;
    const oldTail = before.length - suffix;
    const newTail = text.length - suffix;
    // A line start is decided by the character before it (and, after a CR, the one at it).
    const kept = Math.max(1, this.firstAtOrAfter(prefix));
    const changed: number[] = [];
    for (let at = Math.max(1, prefix); at <= newTail; at++) if (startsLine(text, at)) changed.push(at);
    const moved = this.firstAtOrAfter(oldTail + 1);
    const starts = new Int32Array(kept + changed.length + this.starts.length - moved);
    starts.set(this.starts.subarray(0, kept));
    starts.set(changed, kept);
    const delta = text.length - before.length;
    for (let i = moved, k = kept + changed.length; i < this.starts.length; i++, k++) starts[k] = this.starts[i] + delta;
    // Pairs touching the change are counted again: those starting from one character before it.
    const crlfCount = this.crlfCount - crlfPairs(before, prefix - 1, oldTail) + crlfPairs(text, prefix - 1, newTail);
    return new LineIndex(text, { starts, crlfCount });
  }

  private firstAtOrAfter(offset: number): number {
    return partitionPoint(this.starts.length, (i) => this.starts[i] < offset);
  }

  /** The line ending fixes should write: CRLF when the text has any, else LF. */
  get eol(): '\r\n' | '\n' {
    return this.crlfCount > 0 ? '\r\n' : '\n';
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** Offset just past the last character of the line, before its line ending. */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[line + 1];
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = Math.max(0, partitionPoint(this.starts.length, (i) => this.starts[i] <= o) - 1);
    return { line, character: o - this.starts[line] };
  }

  offsetAt(position: Position): number {
    const start = this.lineStart(position.line);
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

/** `range` moved down by `lines` lines (up when negative), as a new range. */
export function shiftRange(range: Range, lines: number): Range {
  return { start: { line: range.start.line + lines, character: range.start.character }, end: { line: range.end.line + lines, character: range.end.character } };
}
