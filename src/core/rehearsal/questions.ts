// Behavioural interview questions tagged by competency, general follow-ups, and matching stories to a
// question by their tags. Users extend the bank with the setting `starStories.questionBank`.
import type { Story } from '../model';

export const COMPETENCIES = [
  'leadership',
  'conflict',
  'failure',
  'ownership',
  'ambiguity',
  'influence',
  'deadline',
  'mentoring',
  'customer',
  'technical decision',
] as const;
export type Competency = (typeof COMPETENCIES)[number];

export interface BehaviouralQuestion {
  id: string;
  text: string;
  /** Competency tags, normalised (lower case, single spaces). */
  tags: string[];
}

const q = (text: string, ...tags: Competency[]): BehaviouralQuestion => ({ id: slug(text), text, tags });

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

/** General follow-ups an interviewer asks after any story. */
export const GENERAL_FOLLOW_UPS: readonly string[] = [
  'What would you do differently?',
  'What was the hardest part for you personally?',
  'How did you measure success?',
  'What did your manager think of the outcome?',
  'What happened after that?',
  'What would have happened if you had not acted?',
  'Who disagreed with you, and how did you handle it?',
  'What did you learn that you still use today?',
];

export function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

/** `Technical-Decision`, `technical_decision` and `technical decision` are the same tag. */
export function normaliseTag(tag: string): string {
  return tag.toLowerCase().replace(/[-_\s]+/g, ' ').trim();
}

/**
 * The built-in bank plus the user's questions (setting `starStories.questionBank`): each entry a
 * string, or `{ "question": "…", "tags": ["conflict"] }`. Malformed entries are skipped; a user
 * question with the same text as a built-in one replaces it.
 */
export function questionBank(extra: unknown = [], builtIn: readonly BehaviouralQuestion[] = BUILT_IN_QUESTIONS): BehaviouralQuestion[] {
  const byId = new Map(builtIn.map((b) => [b.id, b]));
  for (const entry of Array.isArray(extra) ? extra : []) {
    let text: unknown;
    let tags: unknown = [];
    if (typeof entry === 'string') text = entry;
    else if (entry && typeof entry === 'object') {
      text = (entry as { question?: unknown }).question;
      tags = (entry as { tags?: unknown }).tags ?? [];
    }
    if (typeof text !== 'string' || !text.trim() || !Array.isArray(tags)) continue;
    const id = slug(text);
    if (!id) continue;
    byId.set(id, { id, text: text.trim(), tags: tags.filter((t): t is string => typeof t === 'string').map(normaliseTag).filter(Boolean) });
  }
  return [...byId.values()];
}

export function questionsTagged(bank: readonly BehaviouralQuestion[], tag: string): BehaviouralQuestion[] {
  const t = normaliseTag(tag);
  return bank.filter((b) => b.tags.includes(t));
}

/** A random question, from those with `tag` when given (and any exist), avoiding `exceptId` when possible. */
export function pickQuestion(
  bank: readonly BehaviouralQuestion[],
  random: () => number = Math.random,
  options: { tag?: string; exceptId?: string } = {},
): BehaviouralQuestion | undefined {
  let pool = options.tag ? questionsTagged(bank, options.tag) : [...bank];
  if (!pool.length) pool = [...bank];
  if (pool.length > 1 && options.exceptId) pool = pool.filter((p) => p.id !== options.exceptId);
  return pool[Math.min(pool.length - 1, Math.floor(random() * pool.length))];
}

/** How well a story's tags match a question's: the number of shared competencies. */
export function tagOverlap(story: Pick<Story, 'tags'>, question: BehaviouralQuestion): number {
  const tags = new Set(story.tags.map(normaliseTag));
  return question.tags.filter((t) => tags.has(t)).length;
}

/** Stories to offer for a question: the remembered pairing first, then by shared tags, then in order. */
export function rankStoriesFor<T extends { story: Pick<Story, 'tags'> }>(items: T[], question: BehaviouralQuestion, paired?: (item: T) => boolean): T[] {
  return items
    .map((item, index) => ({ item, index, paired: paired?.(item) ? 1 : 0, overlap: tagOverlap(item.story, question) }))
    .sort((a, b) => b.paired - a.paired || b.overlap - a.overlap || a.index - b.index)
    .map((x) => x.item);
}

/** Follow-up questions for the drill: the story's own first, then the general ones. */
export function followUpQuestions(story: Pick<Story, 'followUps'>): string[] {
  const own = story.followUps.map((f) => f.question.replace(/^\s*Q[:.]\s*/i, '').trim()).filter(Boolean);
  return [...new Set([...own, ...GENERAL_FOLLOW_UPS])];
}

/** One follow-up for the drill: one of the story's own when it has any, else a general one. */
export function pickFollowUp(story: Pick<Story, 'followUps'>, random: () => number = Math.random): string {
  const own = story.followUps.map((f) => f.question.replace(/^\s*Q[:.]\s*/i, '').trim()).filter(Boolean);
  const pool = own.length ? own : GENERAL_FOLLOW_UPS;
  return pool[Math.min(pool.length - 1, Math.floor(random() * pool.length))];
}
