import { MojibakeScanner, type CodePage, type MojibakeRun } from '../../read/encoding';
import type { TextEdit } from '../../model';
import { kept, type DocumentRule, type Problem } from './rule';

const CODE_PAGE_NAMES: Record<CodePage, string> = { 'windows-1252': 'cp1252', macintosh: 'Mac Roman' };

export const mojibake: DocumentRule = {
  scope: 'document',
  code: 'STAR011',
  name: 'mojibake',
  defaultSeverity: 'warning',
  fix: 'repair the whole file',
  description:
    'Text that was saved as UTF-8 and later read with the wrong code page: `â†’` for `→` and `ðŸŽ¯` for 🎯 (Windows-1252), `‚Üí` for `→` and `üéØ` for 🎯 (Mac Roman). Copying stories between tools does this, and it reads badly on a shared screen. One finding per affected line; the fix repairs every such run in the file and leaves correct text untouched.',
  bad: '- Deploy time: 40 min â†’ 5 min',
  good: '- Deploy time: 40 min → 5 min',
  check(context) {
    const { document } = context;
    const runs = kept(context, 'STAR011', () => new MojibakeScanner()).find(document.pieces);
    if (runs.length === 0) return [];
    const edits: TextEdit[] = runs.map((run) => ({ range: document.lines.range(run.start, run.end), newText: run.repaired }));
    const fix = { title: `Repair text decoded with the wrong code page (${runs.length} in this file)`, edits, safe: true };
    const byLine = new Map<number, MojibakeRun[]>();
    for (const run of runs) {
      const line = document.lines.positionAt(run.start).line;
      byLine.set(line, [...(byLine.get(line) ?? []), run]);
    }
    return [...byLine.values()].map((lineRuns): Problem => {
      const first = lineRuns[0];
      const last = lineRuns[lineRuns.length - 1];
      const found = document.lines.text.slice(first.start, first.end);
      const more = lineRuns.length > 1 ? ` (and ${lineRuns.length - 1} more on this line)` : '';
      return {
        message: `Text was decoded with the wrong code page (${CODE_PAGE_NAMES[first.codepage]}): '${found}' should read '${first.repaired}'${more}.`,
        range: document.lines.range(first.start, last.end),
        fixes: [fix],
      };
    });
  },
};
