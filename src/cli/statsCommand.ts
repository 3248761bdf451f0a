import type { StoryDocument } from '../core/analyse';
import { formatDuration, formatSeconds } from '../core/stories/wording';
import { storySeconds, storyTarget } from '../core/stories/timing';
import type { StarConfig } from '../core/lint/config';
import { printable } from './terminalText';

/** A table per file: sections present, words, estimated time against target. */
export function statsText(documents: StoryDocument[], configOf: (fileName: string) => StarConfig): string {
  const out: string[] = [];
  for (const doc of documents) {
    out.push(printable(doc.fileName));
    const config = configOf(doc.fileName);
    if (doc.stories.length === 0) {
      out.push('  (no stories)');
      continue;
    }
    const rows = doc.stories.map((story) => {
      const roles = new Set(story.sections.map((s) => s.role));
      const letters = (['situation', 'task', 'action', 'result', 'learning'] as const).map((r) => (roles.has(r) ? r[0].toUpperCase() : '·')).join('');
      const words = story.sections.reduce((n, s) => n + s.words, 0);
      const seconds = storySeconds(story, config.wordsPerMinute);
      const target = storyTarget(story, config.targetSeconds);
      const over = seconds > target[1] ? ' over' : '';
      return [printable(story.title), story.framework, letters, String(words), `${formatDuration(seconds)} / ${formatSeconds(target)}${over}`];
    });
    const header = ['story', 'framework', 'STARL', 'words', 'time / target'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) => `  ${cells.map((c, i) => (i >= 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ')}`.trimEnd();
    out.push(line(header), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line));
  }
  return out.join('\n');
}
