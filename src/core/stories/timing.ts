import type { Role, Section, Story, TargetSeconds } from '../model';

export const DEFAULT_WORDS_PER_MINUTE = 150;
export const DEFAULT_STORY_SECONDS = 150;

/** Share of the story's time each role gets when the story gives no hint (DESIGN §4). */
export const DEFAULT_SHARE: Record<Role, number> = { situation: 0.15, task: 0.1, action: 0.55, result: 0.2, learning: 0.1 };

export function speakingSeconds(words: number, wordsPerMinute = DEFAULT_WORDS_PER_MINUTE): number {
  return (words / wordsPerMinute) * 60;
}

export function storySeconds(story: Story, wordsPerMinute = DEFAULT_WORDS_PER_MINUTE): number {
  return story.sections.reduce((sum, s) => sum + speakingSeconds(s.words, wordsPerMinute), 0);
}

export function storyTarget(story: Story, storySecondsDefault = DEFAULT_STORY_SECONDS): TargetSeconds {
  return story.targetSeconds ?? [storySecondsDefault, storySecondsDefault];
}

/** A section's target: its own timing hint, else its role's share of the story's target. */
export function sectionTarget(section: Section, story: Story, storySecondsDefault = DEFAULT_STORY_SECONDS): TargetSeconds {
  if (section.targetSeconds) return section.targetSeconds;
  const [min, max] = storyTarget(story, storySecondsDefault);
  const share = DEFAULT_SHARE[section.role];
  return [Math.round(min * share), Math.round(max * share)];
}
