// Messages between the extension host and its analysis worker (plain data, structured-cloned). Every
// request carries its document (name, text, settings): the worker answers from its last analysis of
// that very text, or analyses it again, so no request depends on what a worker remembers (it may have
// been restarted). What the host shows all at once (stories, findings) travels as transferred JSON
// segments that the host parses one per turn of its event loop; the rest is asked for when needed.
import type { Finding, Fix, Range, Story, TextEdit } from '../core/model';
import type { BuiltStoryView, StoryViewOptions } from '../rehearsal/storyView';

export interface DocumentText {
  fileName: string;
  text: string;
  config: unknown;
}

/** What a diagnostic in the editor still knows of its finding. */
export interface FindingPlace {
  rule: string;
  range: Range;
}

/** The metric change under the mouse: where it is (document offsets) and what it computes to (Markdown). */
export interface MetricHover {
  start: number;
  end: number;
  markdown: string;
}

/** An unfilled template: its title, and where its first section's placeholder is (to type over). */
export interface TemplatePlace {
  title: string;
  titleRange: Range;
  placeholder: Range;
}

export type Question =
  | { kind: 'analysis' }
  /** The fixes of the findings at these places, one list per place (the quick fixes under the cursor). */
  | { kind: 'fixes'; places: FindingPlace[] }
  /** Every distinct edit of every safe fix (`source.fixAll.starStories`). */
  | { kind: 'fixAll' }
  | { kind: 'metric'; offset: number }
  /** The unfilled templates of the document (issue 15): offered to start a story from, never linted. */
  | { kind: 'templates' }
  /** What the rehearsal panel shows for a story, its Markdown rendered and sanitised here. */
  | { kind: 'storyView'; storyId: string; options: Omit<StoryViewOptions, 'random'> };

/** Findings without their fixes: those stay in the worker until a quick fix asks for them. */
export type ShownFinding = Omit<Finding, 'fixes'>;

export interface Answers {
  /** Stories and findings as UTF-8 JSON arrays of a few hundred KB each (segments.ts); `key` changes when either does. */
  analysis: { stories: Uint8Array[]; findings: Uint8Array[]; key: string };
  fixes: Fix[][];
  fixAll: TextEdit[];
  metric: MetricHover | undefined;
  templates: TemplatePlace[];
  storyView: BuiltStoryView | undefined;
}

export type Kind = Question['kind'];

export interface AnalysisRequest extends DocumentText {
  id: number;
  question: Question;
}

export type AnalysisReply = { id: number; answer: Answers[Kind] } | { id: number; error: string };

/** The parsed analysis as the host keeps it. */
export interface AnalysisResult {
  stories: Story[];
  findings: ShownFinding[];
  /** Equal keys: equal stories and findings. */
  key: string;
}
