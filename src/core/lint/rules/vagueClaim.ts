import { findVagueClaims } from '../metrics';
import type { StoryRule } from './rule';
import { rangeAt, sectionSource } from './text';

export const vagueClaim: StoryRule = {
  scope: 'story',
  code: 'STAR007',
  name: 'vague-claim',
  defaultSeverity: 'info',
  description:
    'The Result leans on an intensifier with no number beside it — significantly, greatly, drastically, hugely, a lot, much better… Replace the adjective with the measurement it stands for.',
  bad: '**Result:** the project went significantly better.',
  good: '**Result:** the project shipped 2 weeks early with 0 rollbacks.',
  check(story, { document }) {
    // Its intensifiers are English words.
    if (story.language !== 'en') return [];
    return story.sections
      .filter((s) => s.role === 'result')
      .flatMap((section) => {
        const { text, offset } = sectionSource(document, section);
        return findVagueClaims(text)
          .filter((v) => !v.quantified)
          .map((v) => ({
            message: `"${v.word}" in the Result of '${story.title}' — say by how much.`,
            range: rangeAt(document, offset, v.start, v.end),
          }));
      });
  },
};
