// The hover over a metric in a story's section: where the change is and what it computes to.
import type { StoryDocument } from '../analyse';
import { findMetricChanges, formatChange } from '../lint/metrics';
import { sectionSource } from '../lint/rules/text';

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
