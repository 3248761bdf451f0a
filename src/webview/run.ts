// The attempt in progress as plain data (kept in the webview's saved state, so hiding the panel or
// reloading the window does not lose it) and the arithmetic on it. Times are Date.now() milliseconds.
import type { Mode, Target } from '../rehearsal/protocol';

export interface Run {
  mode: Mode;
  startedAt: number;
  /** marks[i]: when section i started; the current section is the last one. */
  marks: number[];
  endedAt?: number;
  completed?: boolean;
}

export function startRun(mode: Mode, now: number): Run {
  return { mode, startedAt: now, marks: [now] };
}

export function currentIndex(run: Run): number {
  return run.marks.length - 1;
}

/** Moves to the next section; returns false when the run was on its last section (the caller finishes). */
export function nextSection(run: Run, sectionCount: number, now: number): boolean {
  if (run.marks.length >= sectionCount) return false;
  run.marks.push(now);
  return true;
}

/** Back to the previous section: the time since then counts for it again. */
export function previousSection(run: Run): void {
  if (run.marks.length > 1) run.marks.pop();
}

export function finishRun(run: Run, now: number, completed: boolean): void {
  run.endedAt = now;
  run.completed = completed;
}

export function elapsedSeconds(run: Run, now: number): number {
  return Math.max(0, ((run.endedAt ?? now) - run.startedAt) / 1000);
}

/** Seconds spent in each of `sectionCount` sections (0 for those not reached). */
export function sectionSeconds(run: Run, sectionCount: number, now: number): number[] {
  const end = run.endedAt ?? now;
  return Array.from({ length: sectionCount }, (_, i) => {
    if (i >= run.marks.length) return 0;
    const stop = i + 1 < run.marks.length ? run.marks[i + 1] : end;
    return Math.max(0, (stop - run.marks[i]) / 1000);
  });
}

/** `0:07`, `2:30`, `1:02:05`. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/** `2:30`, `1:30–2:00`. */
export function targetText([min, max]: Target): string {
  return min === max ? clock(max) : `${clock(min)}–${clock(max)}`;
}

/** `+12 s`, `−8 s`, `±0 s`. */
export function delta(seconds: number): string {
  const n = Math.round(seconds);
  return n > 0 ? `+${n} s` : n < 0 ? `−${-n} s` : '±0 s';
}
