// What a hover shows: over a label, its role, words and time against its target; over a metric in a
// section, the change it computes to.
import type { StoryDocument } from '../analyse';
import type { StarConfig } from '../lint/config';
import { findMetricChanges, formatChange } from '../lint/metrics';
import { sectionSource } from '../lint/rules/text';
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

export function metricAt(document: StoryDocument, offset: number): { start: number; end: number; markdown: string } | undefined {
  const { line } = document.lines.positionAt(offset);
  for (const story of document.stories) {
    if (line < story.range.start.line || line > story.range.end.line) continue;
    for (const section of story.sections) {
      const source = sectionSource(document, section);
      if (offset < source.offset || offset > source.offset + source.text.length) continue;
      const change = findMetricChanges(source.text).find((c) => offset >= source.offset + c.start && offset <= source.offset + c.end);
      if (change) return { start: source.offset + change.start, end: source.offset + change.end, markdown: `**Metric** · ${formatChange(change)}` };
    }
  }
  return undefined;
}
