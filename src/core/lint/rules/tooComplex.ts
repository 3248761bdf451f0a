import type { DocumentRule } from './rule';

export const tooComplex: DocumentRule = {
  scope: 'document',
  code: 'STAR000',
  name: 'too-complex',
  defaultSeverity: 'warning',
  description:
    'A part of the file (from one top-level heading to the next) took longer to read than its time budget (1 second by default), so it was skipped: no story in it is found or checked. The rest of the file is still analysed. Markdown people write never comes near the budget; it takes thousands of nested list or quote markers, or long runs of backticks, brackets or emphasis markers — usually text pasted by accident or generated. Reported once, at the first line of the part that was skipped.',
  bad: '## Notes\n* * * * * * * * * * * * * * * * * * … (thousands more)',
  good: '## Notes\nPlain Markdown: headings, paragraphs, lists a few levels deep.',
  check({ document }) {
    return (document.tooComplex ?? []).map((chunk) => {
      const start = document.lines.positionAt(chunk.start);
      const end = document.lines.positionAt(Math.max(chunk.start, chunk.end - 1));
      const lineEnd = document.lines.lineEnd(start.line);
      const seconds = chunk.budgetMs >= 1000 ? `${chunk.budgetMs / 1000} s` : `${chunk.budgetMs} ms`;
      return {
        message: `Lines ${start.line + 1}–${end.line + 1} are too complex to analyse within ${seconds}, so they were skipped; the rest of the file was analysed.`,
        range: document.lines.range(chunk.start, Math.max(chunk.start, lineEnd)),
      };
    });
  },
};
