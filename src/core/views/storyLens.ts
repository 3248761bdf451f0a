// The words shown over a story (CodeLens) and over a label (hover).
import type { Section, Story } from '../model';
import { formatDuration, formatSeconds, roleName } from '../stories/wording';
import { storyCompleteness } from './storyBank';
import { sectionTarget, speakingSeconds, storySeconds } from '../stories/timing';
import type { StarConfig } from '../lint/config';

/** `▶ Rehearse · 2m10s · 4/4 sections` */
export function lensTitle(story: Story, wordsPerMinute: number): string {
  const { complete, required } = storyCompleteness(story);
  return `▶ Rehearse · ${formatDuration(storySeconds(story, wordsPerMinute))} · ${complete}/${required} sections`;
}

/** Markdown for a hover over a label: role, words, estimated time against target. */
export function labelHover(section: Section, story: Story, config: Pick<StarConfig, 'wordsPerMinute' | 'targetSeconds'>): string {
  const seconds = speakingSeconds(section.words, config.wordsPerMinute);
  const target = sectionTarget(section, story, config.targetSeconds);
  const over = seconds > target[1] ? ` — **${formatDuration(seconds - target[1])} over**` : '';
  const source = section.targetSeconds ? 'timing hint' : `${formatDuration(config.targetSeconds)} story default`;
  return [
    `**${roleName(section.role)}** of *${story.title}* (${story.framework})`,
    '',
    `${section.words} words · about ${formatDuration(seconds)} at ${config.wordsPerMinute} wpm · target ${formatSeconds(target)} (${source})${over}`,
  ].join('\n');
}
