// Spaced repetition per story: a good attempt doubles the interval (1, 2, 4, 8, 16 days), an attempt
// well over target resets it, an attempt a little over (or far too short) keeps it. Pure; times are epoch milliseconds
// or ISO strings.
import type { AttemptGrade } from './attempt';

export const MAX_INTERVAL_DAYS = 16;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface RehearsalSchedule {
  /** Days between the last counted attempt and the next rehearsal; 0 after a reset. */
  intervalDays: number;
  /** When the story is next due, ISO 8601. */
  dueAt: string;
  /** When the last counted attempt happened, ISO 8601. */
  lastAt: string;
  /** Good attempts in a row. */
  streak: number;
}

/** The schedule after an attempt; `stopped` attempts do not count and leave it as it was. */
export function nextSchedule(previous: RehearsalSchedule | undefined, grade: AttemptGrade, at: Date | string): RehearsalSchedule | undefined {
  if (grade === 'stopped') return previous;
  const when = new Date(at).getTime();
  const interval = previous?.intervalDays ?? 0;
  let intervalDays: number;
  let dueIn: number;
  let streak: number;
  switch (grade) {
    case 'good':
      intervalDays = interval > 0 ? Math.min(interval * 2, MAX_INTERVAL_DAYS) : 1;
      dueIn = intervalDays;
      streak = (previous?.streak ?? 0) + 1;
      break;
    case 'over':
    case 'under':
      intervalDays = interval;
      dueIn = Math.max(1, interval);
      streak = 0;
      break;
    case 'well-over':
      intervalDays = 0;
      dueIn = 0;
      streak = 0;
      break;
  }
  return { intervalDays, dueAt: new Date(when + dueIn * DAY_MS).toISOString(), lastAt: new Date(when).toISOString(), streak };
}

export type DueState = 'new' | 'due' | 'later';

/** `new`: never rehearsed; `due`: its time has come; `later`: scheduled for the future. */
export function dueState(schedule: RehearsalSchedule | undefined, now: Date | number = Date.now()): DueState {
  if (!schedule) return 'new';
  return Date.parse(schedule.dueAt) <= new Date(now).getTime() ? 'due' : 'later';
}

/** `due now`, `due 3 days ago`, `next in 2 days`, `next tomorrow`, `never rehearsed`. */
export function describeDue(schedule: RehearsalSchedule | undefined, now: Date | number = Date.now()): string {
  if (!schedule) return 'never rehearsed';
  const days = (Date.parse(schedule.dueAt) - new Date(now).getTime()) / DAY_MS;
  if (days <= 0) {
    const ago = Math.floor(-days);
    return ago < 1 ? 'due now' : `due ${ago === 1 ? 'since yesterday' : `${ago} days ago`}`;
  }
  const ahead = Math.ceil(days);
  return ahead <= 1 ? 'next tomorrow' : `next in ${ahead} days`;
}

/** Orders items: overdue longest first, then never rehearsed, then those due soonest. */
export function byDue<T>(items: T[], schedule: (item: T) => RehearsalSchedule | undefined, now: Date | number = Date.now()): T[] {
  const rank = (item: T): [number, number] => {
    const s = schedule(item);
    const state = dueState(s, now);
    const due = s ? Date.parse(s.dueAt) : 0;
    return state === 'due' ? [0, due] : state === 'new' ? [1, 0] : [2, due];
  };
  return items
    .map((item, index) => ({ item, index, rank: rank(item) }))
    .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.index - b.index)
    .map((x) => x.item);
}
