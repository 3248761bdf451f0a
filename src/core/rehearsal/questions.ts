// Mock interview (issue 6): behavioural questions tagged by competency, the user's own questions from
// the setting `starStories.questionBank`, and which stories to offer for a question.
import { competencyOf, type Competency } from '../views/coverage';
import type { Story } from '../model';
import { slugify } from '../util/slug';

export interface BehaviouralQuestion {
  id: string;
  text: string;
  /** Competencies, as the coverage matrix names them. */
  tags: string[];
}

function questionId(text: string): string {
  return slugify(text).slice(0, 80);
}

/** A tag as a competency when it names one (`Technical-Decision`, `mistake`), else lower-cased. */
function normaliseTag(tag: string): string {
  return competencyOf(tag) ?? tag.toLowerCase().replace(/[-_\s]+/g, ' ').trim();
}

const q = (text: string, ...tags: Competency[]): BehaviouralQuestion => ({ id: questionId(text), text, tags });

export const BUILT_IN_QUESTIONS: readonly BehaviouralQuestion[] = [
  q('Tell me about a time you led a team through a difficult change.', 'leadership'),
  q('Describe a time you stepped up to lead when nobody else would.', 'leadership', 'ownership'),
  q('Tell me about a time you had to rally a team around an unpopular decision.', 'leadership', 'influence'),
  q('Give an example of how you set direction for a team without a clear mandate.', 'leadership', 'ambiguity'),
  q('Tell me about a time you delegated something important. How did it go?', 'leadership', 'mentoring'),
  q('Tell me about a time you disagreed with your manager.', 'conflict'),
  q('Describe a conflict within your team and how you resolved it.', 'conflict'),
  q('Tell me about a time you had to work with someone difficult.', 'conflict'),
  q('Tell me about a time you pushed back on a stakeholder’s request.', 'conflict', 'customer'),
  q('Tell me about a time you failed.', 'failure'),
  q('Describe a project that did not go as planned. What did you learn?', 'failure'),
  q('Tell me about a mistake you made and how you handled it.', 'failure', 'ownership'),
  q('Tell me about a time you received critical feedback.', 'failure', 'mentoring'),
  q('Tell me about a time you took ownership of a problem outside your role.', 'ownership'),
  q('Describe a time you went beyond what was asked of you.', 'ownership'),
  q('Tell me about a time you noticed a problem before anyone else did.', 'ownership'),
  q('Tell me about something you built or fixed that nobody asked you to.', 'ownership', 'technical decision'),
  q('Tell me about a time you had to act without all the information you wanted.', 'ambiguity'),
  q('Describe a project where the requirements kept changing.', 'ambiguity', 'deadline'),
  q('Tell me about a time you had to make sense of a vague goal.', 'ambiguity'),
  q('Tell me about a time you had to decide quickly with incomplete data.', 'ambiguity', 'technical decision'),
  q('Tell me about a time you convinced others to adopt your idea.', 'influence'),
  q('Describe a time you influenced a decision without having authority.', 'influence'),
  q('Tell me about a time you changed someone’s mind with data.', 'influence', 'technical decision'),
  q('Tell me about a time you had to sell a plan to senior leadership.', 'influence', 'leadership'),
  q('Tell me about a time you worked under a tight deadline.', 'deadline'),
  q('Describe a time you had to juggle competing priorities.', 'deadline'),
  q('Tell me about a time you missed a deadline. What happened?', 'deadline', 'failure'),
  q('Tell me about a time you had to cut scope to ship on time.', 'deadline', 'technical decision'),
  q('Tell me about a time you mentored someone.', 'mentoring'),
  q('Describe how you helped a struggling teammate improve.', 'mentoring', 'leadership'),
  q('Tell me about a time you onboarded someone new to the team.', 'mentoring'),
  q('Tell me about a time you taught a skill to others.', 'mentoring', 'influence'),
  q('Tell me about a time you went out of your way for a customer.', 'customer'),
  q('Describe a time you dealt with an unhappy customer or user.', 'customer', 'conflict'),
  q('Tell me about a time customer feedback changed what you built.', 'customer'),
  q('Tell me about a time you had to say no to a customer.', 'customer', 'influence'),
  q('Tell me about a difficult technical decision you made.', 'technical decision'),
  q('Describe a time you chose between two good technical options.', 'technical decision'),
  q('Tell me about a time you paid down technical debt. How did you justify it?', 'technical decision', 'influence'),
  q('Tell me about a technical decision you would make differently today.', 'technical decision', 'failure'),
  q('Tell me about the system you are proudest of designing.', 'technical decision', 'ownership'),
  q('Tell me about a production incident you handled.', 'ownership', 'deadline'),
  q('Describe a time you improved a process for your whole team.', 'leadership', 'ownership'),
];

/**
 * The built-in bank plus the user's questions: each entry a string, or `{ "question": "…", "tags":
 * ["conflict"] }`. Malformed entries are skipped; a user question with the text of a built-in one
 * replaces it.
 */
export function questionBank(extra: unknown = []): BehaviouralQuestion[] {
  const byId = new Map(BUILT_IN_QUESTIONS.map((b) => [b.id, b]));
  for (const entry of Array.isArray(extra) ? extra : []) {
    const text: unknown = typeof entry === 'string' ? entry : (entry as { question?: unknown } | null)?.question;
    const tags: unknown = typeof entry === 'object' && entry !== null ? (entry as { tags?: unknown }).tags ?? [] : [];
    if (typeof text !== 'string' || !Array.isArray(tags)) continue;
    const id = questionId(text);
    if (!id) continue;
    byId.set(id, { id, text: text.trim(), tags: tags.filter((t): t is string => typeof t === 'string').map(normaliseTag).filter(Boolean) });
  }
  return [...byId.values()];
}

/** A random question, avoiding `exceptId` (the last one asked) when there is another. */
export function pickQuestion(bank: readonly BehaviouralQuestion[], random: () => number = Math.random, exceptId?: string): BehaviouralQuestion | undefined {
  const pool = bank.length > 1 && exceptId ? bank.filter((b) => b.id !== exceptId) : bank;
  return pool[Math.min(pool.length - 1, Math.floor(random() * pool.length))];
}

/** Stories to offer for a question: the one paired with it before first, then by shared competencies, then in order. */
export function rankStoriesFor<T extends { story: Pick<Story, 'tags'> }>(items: readonly T[], question: BehaviouralQuestion, paired?: (item: T) => boolean): T[] {
  const overlap = (item: T) => {
    const tags = new Set(item.story.tags.map(normaliseTag));
    return question.tags.filter((t) => tags.has(t)).length;
  };
  return items
    .map((item, index) => ({ item, index, paired: paired?.(item) ? 1 : 0, overlap: overlap(item) }))
    .sort((a, b) => b.paired - a.paired || b.overlap - a.overlap || a.index - b.index)
    .map((x) => x.item);
}
