// The follow-up drill after a story: one of the story's own follow-up questions, else a general one.
import type { Story } from '../model';

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

/** One follow-up for the drill: one of the story's own when it has any, else a general one. */
export function pickFollowUp(story: Pick<Story, 'followUps'>, random: () => number = Math.random): string {
  const own = story.followUps.map((f) => f.question.replace(/^\s*Q[:.]\s*/i, '').trim()).filter(Boolean);
  const pool = own.length ? own : GENERAL_FOLLOW_UPS;
  return pool[Math.min(pool.length - 1, Math.floor(random() * pool.length))];
}
