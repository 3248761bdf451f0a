import type { StoryDocument } from '../core/analyse';
import type { Story } from '../core/model';
import { formatSeconds, roleName } from '../core/stories/wording';
import { printable } from './terminalText';

/** One story as `star-stories parse --json` prints it (DESIGN §6). Lines are 1-based. */
export function storyJson(story: Story) {
  return {
    title: story.title,
    line: story.titleRange.start.line + 1,
    framework: story.framework,
    language: story.language,
    targetSeconds: story.targetSeconds ?? null,
    sections: story.sections.map((s) => ({
      role: s.role,
      label: s.label,
      line: s.labelRange.start.line + 1,
      words: s.words,
      targetSeconds: s.targetSeconds ?? null,
    })),
    followUps: story.followUps.map((f) => ({ question: f.question, line: f.range.start.line + 1 })),
    tags: story.tags,
  };
}

export function parseJson(documents: StoryDocument[]): string {
  return JSON.stringify({ files: documents.map((d) => ({ path: d.fileName, stories: d.stories.map(storyJson) })) }, null, 2);
}

export function parseText(documents: StoryDocument[]): string {
  const out: string[] = [];
  for (const doc of documents) {
    out.push(`${printable(doc.fileName)}: ${doc.stories.length} ${doc.stories.length === 1 ? 'story' : 'stories'}`);
    for (const story of doc.stories) {
      const timing = story.targetSeconds ? ` · target ${formatSeconds(story.targetSeconds)}` : '';
      out.push(`  ${story.titleRange.start.line + 1}  ${printable(story.title)}  (${story.framework}${timing})`);
      for (const s of story.sections) {
        const target = s.targetSeconds ? ` · target ${formatSeconds(s.targetSeconds)}` : '';
        out.push(`      ${String(s.labelRange.start.line + 1).padStart(4)}  ${roleName(s.role).padEnd(9)}  ${s.words} words${target}`);
      }
      for (const f of story.followUps) out.push(`      ${String(f.range.start.line + 1).padStart(4)}  follow-up  ${printable(f.question)}`);
      if (story.tags.length) out.push(`            tags: ${printable(story.tags.join(', '))}`);
    }
  }
  return out.join('\n');
}
