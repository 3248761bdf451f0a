import type { StoryDocument } from '../../analyse';
import type { StarConfig } from '../config';
import type { Finding, Fix, Range, Severity, Story } from '../../model';

export interface RuleContext {
  document: StoryDocument;
  config: StarConfig;
  /**
   * What document rules keep between lints of one file, by rule code: the next document is most often
   * an edit of the last. Absent when nothing is kept (a one-off lint).
   */
  memory?: Map<string, unknown>;
}

/** The thing a rule keeps in `context.memory` under `code`, made by `create` the first time. */
export function kept<T>(context: RuleContext, code: string, create: () => T): T {
  if (!context.memory) return create();
  let found = context.memory.get(code) as T | undefined;
  if (found === undefined) {
    found = create();
    context.memory.set(code, found);
  }
  return found;
}

/** What a check reports; the linter adds the rule's code, name and configured severity. */
export interface Problem {
  message: string;
  range: Range;
  fixes?: Fix[];
  story?: string;
}

interface RuleInfo {
  code: string;
  name: string;
  defaultSeverity: Severity;
  /** One paragraph for docs/rules.md. */
  description: string;
  bad: string;
  good: string;
  /** What the quick fix does, when the rule has one beyond "disable". */
  fix?: string;
}

export interface StoryRule extends RuleInfo {
  scope: 'story';
  check(story: Story, context: RuleContext): Problem[];
}

export interface DocumentRule extends RuleInfo {
  scope: 'document';
  check(context: RuleContext): Problem[];
}

export type Rule = StoryRule | DocumentRule;

export type { Finding };
