import type { StoryRule } from './rule';

const LIMIT = 0.35;

export const situationHeavy: StoryRule = {
  scope: 'story',
  code: 'STAR010',
  name: 'situation-heavy',
  defaultSeverity: 'info',
  description:
    'The Situation and Task take more than 35% of the story\'s words. Set the scene in a few sentences and spend the time on what you did and what changed.',
  bad: '**Situation:** (200 words of background)\n**Action:** I fixed it.',
  good: '**Situation:** (two sentences)\n**Action:** (what you did, step by step)',
  check(story) {
    const total = story.sections.reduce((n, s) => n + s.words, 0);
    const setup = story.sections.filter((s) => s.role === 'situation' || s.role === 'task').reduce((n, s) => n + s.words, 0);
    const first = story.sections.find((s) => s.role === 'situation' || s.role === 'task');
    if (!first || total === 0 || setup / total <= LIMIT) return [];
    return [{
      message: `Situation and Task are ${((setup / total) * 100).toFixed(1)}% of '${story.title}' — keep them under ${LIMIT * 100}% and give the time to the Action.`,
      range: first.labelRange,
    }];
  },
};
