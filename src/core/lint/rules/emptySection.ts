import { roleName } from '../../stories/wording';
import type { StoryDocument } from '../../analyse';
import type { Section } from '../../model';
import type { StoryRule } from './rule';

function rawContent(document: StoryDocument, section: Section): string {
  return document.lines.text.slice(document.lines.offsetAt(section.contentRange.start), document.lines.offsetAt(section.contentRange.end));
}

export const emptySection: StoryRule = {
  scope: 'story',
  code: 'STAR002',
  name: 'empty-section',
  defaultSeverity: 'warning',
  description:
    'A section has a label but nothing under it. An empty section is usually a placeholder that was never filled in, and it reads as a gap when you rehearse.',
  bad: '### Task\n\n### Action\nI rewrote the importer…',
  good: '### Task\nI had two weeks to make the import reliable.\n\n### Action\nI rewrote the importer…',
  check(story, { document }) {
    return story.sections
      .filter((s) => s.words === 0 && rawContent(document, s).replace(/<!--[\s\S]*?-->/g, '').trim() === '')
      .map((s) => ({ message: `The ${roleName(s.role)} of '${story.title}' is empty — write at least one sentence under it.`, range: s.labelRange }));
  },
};
