// The hover over a label: its role, words and estimated time against its target. (Apart from the metric
// hover: the extension's bundle holds this one, the analysis worker's the metrics.)
import type { StarConfig } from '../lint/config';
import type { Section, Story } from '../model';
import { sectionTarget, speakingSeconds } from '../stories/timing';
import { formatDuration, formatSeconds, roleName } from '../stories/wording';

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
