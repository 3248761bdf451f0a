// Which common competencies have a tagged story (DESIGN §7): interviewers ask about each of these, so a
// story bank should have at least one story for every one.
import type { Story } from '../model';

export const COMPETENCIES = [
  'leadership', 'conflict', 'failure', 'ownership', 'ambiguity',
  'influence', 'deadline', 'mentoring', 'customer', 'technical decision',
] as const;

export type Competency = (typeof COMPETENCIES)[number];

/** Tags people use for each competency, compared after lower-casing and turning `-`/`_` into spaces. */
const SYNONYMS: Record<Competency, readonly string[]> = {
  leadership: ['leadership', 'leading', 'lead'],
  conflict: ['conflict', 'disagreement', 'difficult stakeholder', 'difficult coworker'],
  failure: ['failure', 'mistake', 'setback'],
  ownership: ['ownership', 'accountability', 'initiative'],
  ambiguity: ['ambiguity', 'uncertainty'],
  influence: ['influence', 'persuasion', 'influencing'],
  deadline: ['deadline', 'pressure', 'time pressure'],
  mentoring: ['mentoring', 'mentorship', 'coaching', 'teaching'],
  customer: ['customer', 'customer focus', 'customer obsession', 'client'],
  'technical decision': ['technical decision', 'tech decision', 'trade off', 'tradeoff', 'architecture'],
};

export function competencyOf(tag: string): Competency | undefined {
  const t = tag.toLowerCase().replace(/[-_]+/g, ' ').trim();
  return COMPETENCIES.find((c) => SYNONYMS[c].includes(t));
}

export interface CoverageRow<S extends Story = Story> {
  competency: Competency;
  stories: S[];
}

export function coverage<S extends Story>(stories: S[]): CoverageRow<S>[] {
  return COMPETENCIES.map((competency) => ({
    competency,
    stories: stories.filter((s) => s.tags.some((t) => competencyOf(t) === competency)),
  }));
}
