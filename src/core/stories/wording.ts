// Words and numbers as people read them, shared by the CLI, the Outline and the panel.
import type { Role, TargetSeconds } from '../model';

const ROLE_NAMES: Record<Role, string> = {
  situation: 'Situation',
  task: 'Task',
  action: 'Action',
  result: 'Result',
  learning: 'Learning',
};

export function roleName(role: Role): string {
  return ROLE_NAMES[role];
}

/** `45s`, `2m10s`. */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  const rest = s % 60;
  return `${Math.floor(s / 60)}m${rest ? `${String(rest).padStart(2, '0')}s` : ''}`;
}

/** `30s`, `90–120s`. */
export function formatSeconds([min, max]: TargetSeconds): string {
  return min === max ? formatDuration(min) : `${formatDuration(min)}–${formatDuration(max)}`;
}
