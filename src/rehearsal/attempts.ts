// Attempts both ways between the webview and the history: the webview's timings become a recorded
// attempt, a recorded attempt becomes what the webview charts. On the extension host. No `vscode` import.
import type { RehearsalAttempt } from '../core/rehearsal/attempt';
import type { AttemptDraft, AttemptView } from './protocol';

/** A full attempt from the webview's timings and the story it was for. */
export function attemptFromDraft(draft: AttemptDraft, story: { key: string; title: string; file: string; target: [number, number]; question?: string }): RehearsalAttempt {
  const sections = draft.sections.map((s) => ({ role: s.role, label: s.label, seconds: round1(s.seconds), targetSeconds: s.target }));
  const cutTarget = sections.reduce((sum, s) => sum + s.targetSeconds[1], 0);
  const attempt: RehearsalAttempt = {
    storyKey: story.key,
    storyTitle: story.title,
    file: story.file,
    at: new Date(draft.at).toISOString(),
    mode: draft.mode,
    completed: draft.completed,
    totalSeconds: round1(sections.reduce((sum, s) => sum + s.seconds, 0)),
    targetSeconds: draft.mode === 'cut' ? [cutTarget, cutTarget] : story.target,
    sections,
  };
  if (story.question) attempt.question = story.question;
  return attempt;
}

export function attemptView(a: RehearsalAttempt): AttemptView {
  return {
    at: a.at,
    mode: a.mode,
    completed: a.completed,
    totalSeconds: a.totalSeconds,
    target: a.targetSeconds,
    sections: a.sections.map((s) => ({ role: s.role, seconds: s.seconds, target: s.targetSeconds })),
  };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
