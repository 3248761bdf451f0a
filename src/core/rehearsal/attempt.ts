// One rehearsal attempt, and what it teaches: time per section against target, and a verdict in words
// ("Action ran 40 s over — trim the second paragraph."). Pure.
import type { Role, TargetSeconds } from '../model';
import { formatDuration, formatSeconds, roleName } from '../stories/wording';
import { DEFAULT_WORDS_PER_MINUTE } from '../stories/timing';
import { ordinal, textBlocks } from './text';

/** How much of the script the speaker could see. `cut` is the 60-second version of the story. */
export type RehearsalMode = 'full' | 'cue' | 'labels' | 'blank' | 'cut';
export const REHEARSAL_MODES: readonly RehearsalMode[] = ['full', 'cue', 'labels', 'blank', 'cut'];

export interface AttemptSection {
  role: Role;
  label: string;
  seconds: number;
  targetSeconds: TargetSeconds;
}

export interface RehearsalAttempt {
  /** The story's key in the history: its id, which names its file (`bank.md#story-title`). */
  storyKey: string;
  storyTitle: string;
  file: string;
  /** When the attempt started, ISO 8601. */
  at: string;
  mode: RehearsalMode;
  /** False when the speaker stopped before the last section. */
  completed: boolean;
  totalSeconds: number;
  targetSeconds: TargetSeconds;
  sections: AttemptSection[];
  /** The interview question it answered, in a mock interview. */
  question?: string;
}

/**
 * `good`: finished within 10% of the target; `under`: finished in less than 40% of the target (a
 * skim, not a telling: keeps the spacing); `over`: finished, up to 25% over; `well-over`: more than
 * 25% over (resets the spacing); `stopped`: not finished (does not count for spacing).
 */
export type AttemptGrade = 'good' | 'under' | 'over' | 'well-over' | 'stopped';

export const OVER_RATIO = 1.1;
export const WELL_OVER_RATIO = 1.25;
export const UNDER_RATIO = 0.4;

export function gradeAttempt(attempt: Pick<RehearsalAttempt, 'completed' | 'totalSeconds' | 'targetSeconds'>): AttemptGrade {
  if (!attempt.completed) return 'stopped';
  const max = attempt.targetSeconds[1];
  if (attempt.totalSeconds > max * WELL_OVER_RATIO) return 'well-over';
  if (attempt.totalSeconds > max * OVER_RATIO) return 'over';
  if (attempt.totalSeconds < attempt.targetSeconds[0] * UNDER_RATIO) return 'under';
  return 'good';
}

export type SectionStatus = 'under' | 'on' | 'over' | 'skipped';

export interface SectionRow extends AttemptSection {
  name: string;
  /** Seconds past the target's upper end; negative when under it. */
  overBy: number;
  status: SectionStatus;
}

export interface AttemptSummary {
  rows: SectionRow[];
  totalSeconds: number;
  targetSeconds: TargetSeconds;
  grade: AttemptGrade;
  /** The one thing to change, e.g. `Action ran 40 s over — trim the second paragraph.` */
  headline: string;
  /** Up to three more observations, most useful first. */
  tips: string[];
}

/** A section is over when it passes its target by more than 10% and at least 3 s. */
export function sectionStatus(seconds: number, [min, max]: TargetSeconds, reached: boolean): SectionStatus {
  if (!reached) return 'skipped';
  if (seconds > max * OVER_RATIO && seconds - max >= 3) return 'over';
  if (seconds < min * 0.5) return 'under';
  return 'on';
}

function seconds(n: number): string {
  return `${Math.round(n)} s`;
}

/**
 * What to cut from a section that ran over: its longest paragraph or bullet when it has several,
 * else a number of words at the speaking pace.
 */
export function trimAdvice(markdown: string | undefined, overBy: number, wordsPerMinute = DEFAULT_WORDS_PER_MINUTE): string {
  const words = Math.max(5, Math.round((overBy * wordsPerMinute) / 60 / 5) * 5);
  const blocks = markdown ? textBlocks(markdown).filter((b) => b.kind !== 'heading') : [];
  if (blocks.length >= 2) {
    let longest = 0;
    blocks.forEach((b, i) => {
      if (b.words > blocks[longest].words) longest = i;
    });
    const kind = blocks[longest].kind === 'item' ? 'bullet' : 'paragraph';
    const index = blocks.filter((b, i) => i < longest && (b.kind === 'item') === (kind === 'bullet')).length;
    return `trim the ${ordinal(index)} ${kind}`;
  }
  return `cut about ${words} words`;
}

export interface SummaryOptions {
  /** Each section's Markdown, by index, for advice on what to trim. */
  markdown?: Array<string | undefined>;
  wordsPerMinute?: number;
}

export function summariseAttempt(attempt: RehearsalAttempt, options: SummaryOptions = {}): AttemptSummary {
  const wpm = options.wordsPerMinute ?? DEFAULT_WORDS_PER_MINUTE;
  const lastReached = attempt.completed ? attempt.sections.length - 1 : lastIndex(attempt.sections, (s) => s.seconds > 0);
  const rows: SectionRow[] = attempt.sections.map((s, i) => ({
    ...s,
    name: roleName(s.role),
    overBy: s.seconds - s.targetSeconds[1],
    status: sectionStatus(s.seconds, s.targetSeconds, i <= lastReached),
  }));
  const grade = gradeAttempt(attempt);
  const total = attempt.totalSeconds;
  const target = attempt.targetSeconds;
  const totalLine =
    total > target[1]
      ? `Total ${formatDuration(total)}, ${seconds(total - target[1])} over the ${formatSeconds(target)} target.`
      : `Total ${formatDuration(total)} against a ${formatSeconds(target)} target.`;
  const tips: string[] = [];
  const overRows = rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => row.status === 'over')
    .sort((a, b) => b.row.overBy - a.row.overBy);

  let headline: string;
  if (grade === 'stopped') {
    const at = rows[Math.max(0, lastReached)];
    headline = at
      ? `Stopped in the ${at.name} after ${formatDuration(total)} — run it to the end next time, even roughly.`
      : 'Stopped before the first section.';
  } else if (overRows.length) {
    const { row, index } = overRows[0];
    headline = `${row.name} ran ${seconds(row.overBy)} over — ${trimAdvice(options.markdown?.[index], row.overBy, wpm)}.`;
    tips.push(totalLine);
    for (const other of overRows.slice(1, 2)) tips.push(`${other.row.name} also ran ${seconds(other.row.overBy)} over.`);
  } else if (grade === 'under' || (grade === 'good' && total < target[0] * 0.6)) {
    headline = `Finished in ${formatDuration(total)}, well under the ${formatSeconds(target)} target — give the Action more detail.`;
  } else if (grade === 'good') {
    headline = `On time: ${formatDuration(total)} against a ${formatSeconds(target)} target.`;
  } else {
    headline = `${seconds(total - target[1])} over the ${formatSeconds(target)} target, spread across the sections — tighten each a little.`;
  }

  if (grade !== 'stopped' && total > 0) {
    const setup = rows.filter((r) => r.role === 'situation' || r.role === 'task').reduce((sum, r) => sum + r.seconds, 0);
    const share = setup / total;
    if (share > 0.35) tips.push(`Situation and Task took ${Math.round(share * 100)}% of the time — get to the Action sooner.`);
    const result = rows.find((r) => r.role === 'result');
    if (result && result.seconds < result.targetSeconds[0] * 0.5) {
      tips.push(`The Result went by in ${seconds(result.seconds)} — slow down and land the number.`);
    }
  }
  return { rows, totalSeconds: total, targetSeconds: target, grade, headline, tips: tips.slice(0, 3) };
}

function lastIndex<T>(items: T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return i;
  return -1;
}
