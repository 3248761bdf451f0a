import { PRONOUNS } from '../../read/languages';
import type { StoryRule } from './rule';

export const weOverI: StoryRule = {
  scope: 'story',
  code: 'STAR008',
  name: 'we-over-i',
  defaultSeverity: 'info',
  description:
    'The Action says "we" more often than "I". Interviewers want to know what you did; say "I" for your own part and keep "we" for the team.',
  bad: '**Action:** We set up a workshop and we reworked the flows.',
  good: '**Action:** I ran a workshop and reworked the flows with the designer.',
  check(story) {
    const pronouns = PRONOUNS[story.language];
    if (!pronouns) return [];
    return story.sections
      .filter((s) => s.role === 'action')
      .flatMap((s) => {
        const we = s.text.match(pronouns.we)?.length ?? 0;
        const i = s.text.match(pronouns.i)?.length ?? 0;
        return we > i
          ? [{ message: `The Action of '${story.title}' says "we" ${we}× and "I" ${i}× — say what you did yourself.`, range: s.labelRange }]
          : [];
      });
  },
};
