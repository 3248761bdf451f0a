// Rehearsal history as CSV (RFC 4180), one row per attempt, for a spreadsheet.
import type { Role } from '../model';
import type { RehearsalAttempt } from './attempt';

const ROLES: Role[] = ['situation', 'task', 'action', 'result', 'learning'];

export const CSV_HEADER = [
  'story',
  'file',
  'date',
  'mode',
  'completed',
  'total_seconds',
  'target_seconds',
  ...ROLES.map((r) => `${r}_seconds`),
  'question',
];

/**
 * One CSV cell: quoted when it holds a comma, quote or line break; text that a spreadsheet would run
 * as a formula (`=`, `+`, `-`, `@`, tab, carriage return first) gets a leading apostrophe.
 */
export function csvCell(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  let text = typeof value === 'number' ? formatNumber(value) : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

export function attemptsToCsv(attempts: readonly RehearsalAttempt[]): string {
  const rows = attempts.map((a) => {
    const perRole = ROLES.map((role) => {
      const matching = a.sections.filter((s) => s.role === role);
      return matching.length ? matching.reduce((sum, s) => sum + s.seconds, 0) : undefined;
    });
    const [min, max] = a.targetSeconds;
    return [a.storyTitle, a.file, a.at, a.mode, a.completed, a.totalSeconds, min === max ? min : `${min}-${max}`, ...perRole, a.question];
  });
  return [CSV_HEADER, ...rows].map((row) => row.map((cell) => csvCell(cell)).join(',')).join('\r\n') + '\r\n';
}
