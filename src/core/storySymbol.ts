// What the Outline shows for a story, as plain data (the extension turns it into DocumentSymbols).
import type { Range, Story } from './model';
import { formatDuration, formatSeconds, roleName } from './present';
import { storyCompleteness } from './storyBank';
import { speakingSeconds, storySeconds } from './timing';

export interface StorySymbol {
  name: string;
  detail: string;
  range: Range;
  selectionRange: Range;
  children: Omit<StorySymbol, 'children'>[];
}

export function storySymbol(story: Story): StorySymbol {
  const { complete, required } = storyCompleteness(story);
  return {
    name: story.title,
    detail: `${story.framework} · ${formatDuration(storySeconds(story))} · ${complete}/${required} sections`,
    range: story.range,
    selectionRange: story.titleRange,
    children: story.sections.map((s) => ({
      name: `${roleName(s.role)} · ${formatDuration(speakingSeconds(s.words))}`,
      detail: s.targetSeconds ? `${s.label} — target ${formatSeconds(s.targetSeconds)}` : s.label,
      range: { start: s.labelRange.start, end: s.contentRange.end },
      selectionRange: s.labelRange,
    })),
  };
}
