// What the Outline shows for a story, as plain data (the extension turns it into DocumentSymbols).
import type { Range, Story } from '../model';
import { formatDuration, formatSeconds, roleName } from '../stories/wording';
import { storyCompleteness } from './storyBank';
import { speakingSeconds, storySeconds } from '../stories/timing';

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
      // The label as written only when it says more than the role ("The Impact", "Steps Taken").
      detail: [
        s.label.toLowerCase() === roleName(s.role).toLowerCase() ? '' : s.label,
        s.targetSeconds ? `target ${formatSeconds(s.targetSeconds)}` : '',
      ].filter(Boolean).join(' — '),
      range: { start: s.labelRange.start, end: s.contentRange.end },
      selectionRange: s.labelRange,
    })),
  };
}
