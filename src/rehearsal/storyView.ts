// Core story → what the webview shows (protocol types). Runs in the analysis worker, which has the
// document and the Markdown renderer; the extension host only asks for the result. No `vscode` import.
import { pickFollowUp } from '../core/rehearsal/followUps';
import { cueCard, sixtySecondCut, storyScript, type SectionScript } from '../core/rehearsal/script';
import type { LineIndex } from '../core/read/lines';
import type { Story } from '../core/model';
import { DEFAULT_STORY_SECONDS, DEFAULT_WORDS_PER_MINUTE, storyTarget } from '../core/stories/timing';
import type { StoryView } from './protocol';
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
