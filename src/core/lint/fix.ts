// Applying fixes: text edits in document positions, applied back to front so earlier offsets hold.
import type { StoryDocument } from '../analyse';
import type { Finding, TextEdit } from '../model';

export function applyEdits(document: StoryDocument, edits: TextEdit[]): string {
  const located = edits
    .map((e) => ({ start: document.lines.offsetAt(e.range.start), end: document.lines.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let text = document.lines.text;
  let limit = Infinity;
  for (const e of located) {
    if (e.end > limit) continue; // overlaps an edit already applied: leave it for the next pass
    text = text.slice(0, e.start) + e.text + text.slice(e.end);
    limit = e.start;
  }
  return text;
}

/** Every edit of every safe fix, each distinct edit once (several findings may share one file-wide fix). */
export function safeEdits(findings: Finding[]): TextEdit[] {
  const seen = new Set<string>();
  const edits: TextEdit[] = [];
  for (const f of findings) {
    for (const fix of f.fixes ?? []) {
      if (!fix.safe) continue;
      for (const edit of fix.edits) {
        const key = JSON.stringify(edit);
        if (!seen.has(key)) {
          seen.add(key);
          edits.push(edit);
        }
      }
    }
  }
  return edits;
}
