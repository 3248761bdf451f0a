import { roleName } from '../../stories/wording';
import { roleWord } from '../../read/languages';
import { isLetterLabel } from '../../read/lexicon';
import type { Role, Section, Story, TextEdit } from '../../model';
import type { StoryDocument } from '../../analyse';
import type { StoryRule } from './rule';
import { endsInHtmlUntilBlank, endsInOpenBlock } from './text';

const ORDER: Role[] = ['situation', 'task', 'action', 'result'];
const HINT: Record<Role, string> = {
  situation: 'add one line of context',
  task: 'say what you were responsible for',
  action: 'say what you did, in the first person',
  result: 'say what changed, with a number',
  learning: 'say what you learned',
};

export function requiredRoles(story: Story): Role[] {
  return story.framework === 'CAR' || story.framework === 'PAR' ? ['situation', 'action', 'result'] : ORDER;
}

/** A new label written the way `model` was: same heading depth, bold style (or none), colon, case and language. */
function labelLike(document: StoryDocument, story: Story, model: Section, role: Role): string {
  const text = document.lines.text;
  const lineStart = document.lines.lineStart(model.labelRange.start.line);
  const labelStart = document.lines.offsetAt(model.labelRange.start);
  const labelEnd = document.lines.offsetAt(model.labelRange.end);
  const prefix = text.slice(lineStart, labelStart);
  const written = text.slice(labelStart, labelEnd);
  let name = isLetterLabel(model.label) ? roleName(role)[0] : roleWord(role, story.language);
  if (model.label === model.label.toUpperCase()) name = name.toUpperCase();
  if (model.form === 'heading') {
    const hashes = /^\s{0,3}(#{1,6})/.exec(written)?.[1];
    if (hashes) return `${hashes} ${name}`;
    // A setext label (`Result` over `------`): the same underline, so the new label has the same depth.
    const underline = /[\r\n][ \t]{0,3}([=-])+[ \t]*$/.exec(written)?.[1];
    return underline ? `${name}\n${underline.repeat(Math.max(3, name.length))}` : `### ${name}`;
  }
  if (!/^(?:\*\*|__)/.test(written)) {
    // A plain label (`Situation: …`, `- T – …`): the same separator after it.
    const separator = /^[ \t]*[:：]|^[ \t]+[-–—]/.exec(text.slice(labelEnd, labelEnd + 4))?.[0] ?? ':';
    return `${prefix}${name}${separator}`;
  }
  const colonInside = /:\s*\*\*$|:\s*__$/.test(written);
  const colonOutside = !colonInside && text.slice(labelEnd, labelEnd + 1) === ':';
  const marker = written.startsWith('__') ? '__' : '**';
  const bold = colonInside ? `${marker}${name}:${marker}` : `${marker}${name}${marker}${colonOutside ? ':' : ''}`;
  return `${prefix}${bold}`;
}

function insertion(document: StoryDocument, story: Story, role: Role): TextEdit | undefined {
  const rank = ORDER.indexOf(role);
  const before = story.sections.find((s) => ORDER.indexOf(s.role) > rank);
  // Written like the label it goes in front of (a `###` label above a setext `Result` under another
  // heading would not belong to the story), else like the story's first STAR label.
  const model = before ?? story.sections.find((s) => ORDER.includes(s.role)) ?? story.sections[0];
  // A row inserted into a table of labels would have to match its columns: no insertion there.
  if (!model || story.sections.some((s) => s.form === 'table')) return undefined;
  const label = labelLike(document, story, model, role);
  const blankLine = model.form === 'list' ? '' : '\n';
  if (before) {
    const at = { line: before.labelRange.start.line, character: 0 };
    return { range: { start: at, end: at }, newText: `${label}\n${blankLine}` };
  }
  const last = story.sections[story.sections.length - 1];
  // At the end of the content's last line, so that what trails it there (spaces, a no-break space) stays on that line.
  const at = { line: last.contentRange.end.line, character: document.lines.lineText(last.contentRange.end.line).length };
  // Anything appended after a code fence or HTML block never closed would be code or HTML, not a
  // label: offer no insertion rather than one that does nothing.
  if (endsInOpenBlock(document, last)) return undefined;
  // When the last section runs on into a sub-heading (`### Details` under the story), a label appended
  // at the end would belong to that sub-heading: put it before the sub-heading instead.
  const from = document.lines.offsetAt(last.labelRange.end);
  const to = document.lines.offsetAt(at);
  const sub = document.facts.between('headings', from + 1, to).find((h) => !h.label && h.start > from);
  if (sub) {
    const line = { line: document.lines.positionAt(sub.start).line, character: 0 };
    return { range: { start: line, end: line }, newText: `${label}\n\n` };
  }
  return { range: { start: at, end: at }, newText: `\n${endsInHtmlUntilBlank(document, last) ? '\n' : blankLine}${label}` };
}

/** Writes new lines with the document's own line ending. */
function withEol(document: StoryDocument, edit: TextEdit): TextEdit {
  return document.lines.eol === '\r\n' ? { ...edit, newText: edit.newText.replace(/\n/g, '\r\n') } : edit;
}

export const missingSection: StoryRule = {
  scope: 'story',
  code: 'STAR001',
  name: 'missing-section',
  defaultSeverity: 'warning',
  fix: 'insert the section, in the story\'s own label style, at the right place',
  description:
    'A story is missing a section its framework needs: STAR, STARL and SOAR need a Situation, Task, Action and Result; CAR and PAR need a Situation (the challenge or problem), Action and Result. Interviewers listen for each part; a missing one is the first thing they ask about. The quick fix inserts an empty section in the story\'s own label style, in the right place.',
  bad: '## Process\n- **Task:** improve the deployment process.\n- **Steps Taken** …\n- **Impact:** frequent, small releases.',
  good: '## Process\n- **Situation:** releases were large and stressful.\n- **Task:** improve the deployment process.\n- **Steps Taken** …\n- **Impact:** from 1 release a month → 3 a week.',
  check(story, { document }) {
    const present = new Set(story.sections.map((s) => s.role));
    return requiredRoles(story)
      .filter((role) => !present.has(role))
      .map((role) => {
        const next = story.sections.find((s) => ORDER.indexOf(s.role) > ORDER.indexOf(role));
        const where = next ? ` before the ${roleName(next.role)}` : '';
        const edit = insertion(document, story, role);
        const fix = edit && withEol(document, edit);
        return {
          message: `Story '${story.title}' has no ${roleName(role)} — ${HINT[role]}${where}.`,
          range: story.titleRange,
          fixes: fix ? [{ title: `Insert a ${roleName(role)} section`, edits: [fix], safe: false }] : [],
        };
      });
  },
};
