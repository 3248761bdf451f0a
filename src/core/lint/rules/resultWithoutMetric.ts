import { hasQuantity } from '../metrics';
import { hasNumberWord } from '../../read/languages';
import type { StoryDocument } from '../../analyse';
import type { Section, TextEdit } from '../../model';
import type { StoryRule } from './rule';
import { endsInHtmlUntilBlank, endsInOpenBlock } from './text';

/** A filled-in example the user replaces; its own arithmetic holds (40 → 5 is 87.5% ≈ 88%). */
export const METRIC_TEMPLATE = '- Before → after: 40 min → 5 min (88% faster)';

function templateEdit(document: StoryDocument, result: Section): TextEdit {
  const nl = document.lines.eol;
  // At the end of the content's last line, so that what trails it there (spaces, a no-break space) stays on that line.
  const at = { line: result.contentRange.end.line, character: document.lines.lineText(result.contentRange.end.line).length };
  // A line right below would become a lazy continuation of the template's list item, swallowing the
  // next label (`**Action:** …` on the following line of the same paragraph): keep a blank line after it.
  const below = at.line + 1 < document.lines.lineCount ? document.lines.lineText(at.line + 1) : '';
  const separate = result.form !== 'list' && below.trim() !== '';
  const blankLine = result.form !== 'list' || endsInHtmlUntilBlank(document, result);
  return { range: { start: at, end: at }, newText: `${nl}${blankLine ? nl : ''}${METRIC_TEMPLATE}${separate ? nl : ''}` };
}

export const resultWithoutMetric: StoryRule = {
  scope: 'story',
  code: 'STAR005',
  name: 'result-without-metric',
  defaultSeverity: 'warning',
  fix: 'insert a `before → after` metric line to fill in',
  description:
    'The Result has no quantity: no digits, percentage, money, multiplier, duration or number word (zero, doubled, halved…). Years and list numbers do not count. A number is what makes a result memorable and believable — say how much, how fast, how many.',
  bad: '**Result:** delivering complex projects on time, as everyone was aware of the timeline.',
  good: '**Result:** the last 6 releases shipped on the planned date (was 2 of 6 the year before).',
  check(story, { document }) {
    return story.sections
      .filter((s) => s.role === 'result' && !hasQuantity(s.text) && !hasNumberWord(s.text, story.language))
      .map((s) => ({
        message: `The Result of '${story.title}' has no number — say what changed and by how much (before → after).`,
        range: s.labelRange,
        // After a code fence or HTML block never closed, the template would be code, and in a table cell it would break the table: no fix then.
        fixes: endsInOpenBlock(document, s) || s.form === 'table' ? [] : [{ title: 'Insert a before → after metric line', edits: [templateEdit(document, s)], safe: false }],
      }));
  },
};
