import { roleName } from '../../stories/wording';
import type { Role } from '../../model';
import type { StoryRule } from './rule';

const RANK: Record<Role, number> = { situation: 0, task: 1, action: 2, result: 3, learning: 4 };

export const sectionOrder: StoryRule = {
  scope: 'story',
  code: 'STAR003',
  name: 'section-order',
  defaultSeverity: 'info',
  description:
    'Sections are out of Situation → Task → Action → Result (→ Learning) order. Listeners follow a story more easily in the order they expect; tell the Result last.',
  bad: '**Result:** 40% fewer tickets.\n**Action:** I rewrote the FAQ.',
  good: '**Action:** I rewrote the FAQ.\n**Result:** 40% fewer tickets.',
  check(story) {
    let highest = story.sections[0];
    for (const s of story.sections.slice(1)) {
      if (RANK[s.role] < RANK[highest.role]) {
        return [{
          message: `In '${story.title}' the ${roleName(s.role)} comes after the ${roleName(highest.role)} — tell it before.`,
          range: s.labelRange,
        }];
      }
      if (RANK[s.role] > RANK[highest.role]) highest = s;
    }
    return [];
  },
};
