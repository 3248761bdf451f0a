// Core story → what the webview shows (protocol types), and attempts both ways. No `vscode` import.
import type { RehearsalAttempt } from '../core/rehearsal/attempt';
import { pickFollowUp } from '../core/rehearsal/followUps';
import { cueCard, sixtySecondCut, storyScript, type SectionScript } from '../core/rehearsal/script';
import type { LineIndex } from '../core/lines';
import type { Story } from '../core/model';
import { DEFAULT_STORY_SECONDS, DEFAULT_WORDS_PER_MINUTE, storyTarget } from '../core/timing';
import type { AttemptDraft, AttemptView, StoryView } from './protocol';
import { renderMarkdown } from './render';

export interface StoryViewOptions {
  key: string;
  file: string;
  storySeconds?: number;
  wordsPerMinute?: number;
  /** The interview question of a mock interview; else the story's own question, if any. */
  question?: string;
  /** For the follow-up drill's pick; tests pass a fixed one. */
  random?: () => number;
}

export interface BuiltStoryView {
  view: StoryView;
  script: SectionScript[];
}

export function buildStoryView(story: Story, lines: LineIndex, options: StoryViewOptions): BuiltStoryView {
  const storySeconds = options.storySeconds ?? DEFAULT_STORY_SECONDS;
  const script = storyScript(story, lines, storySeconds);
  const view: StoryView = {
    key: options.key,
    title: story.title,
    file: options.file,
    framework: story.framework,
    tags: story.tags,
    question: options.question ?? story.question,
    target: storyTarget(story, storySeconds),
    wordsPerMinute: options.wordsPerMinute ?? DEFAULT_WORDS_PER_MINUTE,
    sections: script.map((s) => {
      const card = cueCard(s);
      return {
        role: s.role,
        name: s.name,
        label: s.label,
        html: renderMarkdown(s.markdown),
        firstSentence: card.firstSentence,
        numbers: card.numbers,
        words: s.words,
        target: s.targetSeconds,
      };
    }),
    cut: sixtySecondCut(script).map((c) => ({ role: c.role, name: c.name, lines: c.lines, target: c.targetSeconds })),
    followUp: pickFollowUp(story, options.random),
  };
  if (view.question === undefined) delete view.question;
  return { view, script };
}

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
