// What the speaker rehearses from: each section's Markdown, target and cue, the cue cards and the
// 60-second cut. Pure: a Story and its document's text in, plain data out.
import type { LineIndex } from '../read/lines';
import type { Role, Story, TargetSeconds } from '../model';
import { roleName } from '../stories/wording';
import { DEFAULT_SHARE, sectionTarget } from '../stories/timing';
import { firstSentence, quantityClauses, sectionMarkdown } from './text';

export interface SectionScript {
  role: Role;
  /** `Situation`, `Result`. */
  name: string;
  /** The label as written. */
  label: string;
  /** The section's content as Markdown, dedented so it renders on its own. */
  markdown: string;
  words: number;
  targetSeconds: TargetSeconds;
}

export interface CueCard {
  role: Role;
  name: string;
  label: string;
  firstSentence: string;
  /** Clauses that carry the section's numbers. */
  numbers: string[];
}

export interface CutSection {
  role: Role;
  name: string;
  /** What to say: the first sentence, then (for the Result) its numbers. */
  lines: string[];
  targetSeconds: TargetSeconds;
}

export const CUT_SECONDS = 60;

/** The story's sections with their Markdown (sliced from the document) and their targets. */
export function storyScript(story: Story, lines: LineIndex, storySecondsDefault?: number): SectionScript[] {
  return story.sections.map((section) => ({
    role: section.role,
    name: roleName(section.role),
    label: section.label,
    markdown: sectionMarkdown(lines.text.slice(lines.offsetAt(section.contentRange.start), lines.offsetAt(section.contentRange.end))),
    words: section.words,
    targetSeconds: sectionTarget(section, story, storySecondsDefault),
  }));
}

/** A cue card: the label, the first sentence and the numbers. */
export function cueCard(section: Pick<SectionScript, 'role' | 'name' | 'label' | 'markdown'>): CueCard {
  const first = firstSentence(section.markdown);
  const numbers = quantityClauses(section.markdown).filter((n) => !first.includes(n.replace(/…/g, '')));
  return { role: section.role, name: section.name, label: section.label, firstSentence: first, numbers };
}

/**
 * The 60-second cut: each section's first sentence, and for the Result its numbers as well, with the
 * 60 seconds shared out by the default role shares.
 */
export function sixtySecondCut(sections: Array<Pick<SectionScript, 'role' | 'name' | 'label' | 'markdown'>>): CutSection[] {
  const share = (role: Role) => DEFAULT_SHARE[role];
  const total = sections.reduce((sum, s) => sum + share(s.role), 0) || 1;
  return sections.map((section) => {
    const card = cueCard(section);
    const lines = [card.firstSentence].filter(Boolean);
    if (section.role === 'result') {
      for (const n of quantityClauses(section.markdown)) if (!lines.some((l) => l.includes(n.replace(/…/g, '')))) lines.push(n);
    }
    const seconds = Math.round((CUT_SECONDS * share(section.role)) / total);
    return { role: section.role, name: section.name, lines, targetSeconds: [seconds, seconds] as TargetSeconds };
  });
}
