import type { StoryDocument } from '../core/analyse';
import { coverage } from '../core/views/coverage';
import type { Story } from '../core/model';
import { printable } from './terminalText';

type Located = Story & { file: string };

/** The competency × story matrix, and whether every competency has at least `min` stories. */
export function coverageText(documents: StoryDocument[], min: number): { text: string; ok: boolean } {
  const stories: Located[] = documents.flatMap((d) => d.stories.map((s) => ({ ...s, file: d.fileName })));
  const rows = coverage(stories);
  const width = Math.max(...rows.map((r) => r.competency.length));
  const lines = rows.map((r) => {
    const mark = r.stories.length >= min ? '✓' : '✗';
    const names = r.stories.map((s) => `${printable(s.title)} (${printable(s.file)}:${s.titleRange.start.line + 1})`).join('; ') || '—';
    return `${mark} ${r.competency.padEnd(width)}  ${String(r.stories.length).padStart(2)}  ${names}`;
  });
  const missing = rows.filter((r) => r.stories.length < min).map((r) => r.competency);
  lines.push(
    missing.length === 0
      ? `All ${rows.length} competencies have at least ${min} ${min === 1 ? 'story' : 'stories'}.`
      : `${missing.length} of ${rows.length} competencies have fewer than ${min}: ${missing.join(', ')}. Tag stories with "Tags: ${missing[0]}".`,
  );
  return { text: lines.join('\n'), ok: missing.length === 0 };
}
