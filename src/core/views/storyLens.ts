// The words shown over a story (CodeLens).
import type { Story } from '../model';
import { formatDuration } from '../stories/wording';
import { storyCompleteness } from './storyBank';
import { storySeconds } from '../stories/timing';

/** `▶ Rehearse · 2m10s · 4/4 sections` */
export function lensTitle(story: Story, wordsPerMinute: number): string {
  const { complete, required } = storyCompleteness(story);
  return `▶ Rehearse · ${formatDuration(storySeconds(story, wordsPerMinute))} · ${complete}/${required} sections`;
}
