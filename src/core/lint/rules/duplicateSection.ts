import { roleName } from '../../stories/wording';
import type { Role } from '../../model';
import type { StoryRule } from './rule';

export const duplicateSection: StoryRule = {
  scope: 'story',
  code: 'STAR004',
  name: 'duplicate-section',
  defaultSeverity: 'warning',
  description:
    'The same section appears twice in one story. Merge the two, or if they are two stories, give the second its own heading.',
  bad: '**Action:** I profiled the service.\n**Action:** I added a cache.',
  good: '**Action:** I profiled the service, then added a cache.',
  check(story) {
    const seen = new Set<Role>();
    return story.sections.flatMap((s) => {
      if (!seen.has(s.role)) {
        seen.add(s.role);
        return [];
      }
      return [{ message: `'${story.title}' has a second ${roleName(s.role)} — merge it into the first.`, range: s.labelRange }];
    });
  },
};
