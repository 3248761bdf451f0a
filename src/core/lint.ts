// Runs the rule catalogue over one analysed document: configured severities, inline directives, and
// the "disable this rule" fixes every finding offers.
import type { StoryDocument } from './analyse';
import type { StarConfig } from './config';
import { Directives } from './directives';
import type { Finding, Fix, Position, Story, TextEdit } from './model';
import { RULES } from './rules';
import type { Problem, Rule, RuleContext, StoryRule } from './rules/rule';
import { shiftRange, storyOrigin } from './assemble';
import { memoise } from './memo';
import { ownString } from './ownString';

function levelOf(rule: Rule, config: StarConfig) {
  return config.rules[rule.code] ?? config.rules[rule.code.toLowerCase()] ?? config.rules[rule.name] ?? rule.defaultSeverity;
}

function eol(document: StoryDocument): string {
  return document.lines.eol;
}

/** "Disable on this line" and "… in this file", as inserted directive comments. */
function disableFixes(document: StoryDocument, rule: Rule, line: number, nl: string, top: Position): Fix[] {
  const indent = /^[ \t]*/.exec(document.lines.lineText(line))?.[0] ?? '';
  const atLine = { line, character: 0 };
  const nextLine: TextEdit = { range: { start: atLine, end: atLine }, newText: `${indent}<!-- star-stories-disable-next-line ${rule.code} -->${nl}` };
  const file: TextEdit = { range: { start: top, end: top }, newText: `<!-- star-stories-disable-file ${rule.code} -->${nl}${nl}` };
  const fileFix: Fix = { title: `Disable ${rule.code} (${rule.name}) in this file`, edits: [file], safe: false };
  // Only a line of prose (a paragraph, heading, list item or table) can take a directive above it: in
  // front matter, a code block or an HTML comment left open, the comment would be text, not a
  // directive. Such a finding (only STAR011 reports there) offers the file-wide directive alone.
  const lineStart = document.lines.lineStart(line);
  const lineEnd = document.lines.lineEnd(line);
  const prose = lineStart >= document.facts.bodyStart && document.facts.prose.some((p) => p.start < Math.max(lineEnd, lineStart + 1) && p.end > lineStart);
  if (!prose) return [fileFix];
  return [{ title: `Disable ${rule.code} (${rule.name}) on this line`, edits: [nextLine], safe: false }, fileFix];
}

/**
 * What each story rule found in a story, by the story as first assembled and the settings: a story that
 * an edit elsewhere left unchanged (or only moved) is not checked again. A story's problems depend only
 * on its own text, which its cache key in assembly covers, on the settings and on the line ending.
 */
const STORY_PROBLEMS = new WeakMap<Story, Map<string, Problem[]>>();

function shiftEdit(edit: TextEdit, lines: number): TextEdit {
  return { ...edit, range: shiftRange(edit.range, lines) };
}

/** A problem to cache: its texts may quote the document, and must not keep it alive in the cache. */
function detach(p: Problem): Problem {
  const copy: Problem = { ...p, message: ownString(p.message) };
  if (p.fixes) copy.fixes = p.fixes.map((f) => ({ ...f, title: ownString(f.title), edits: f.edits.map((e) => ({ ...e, newText: ownString(e.newText) })) }));
  return copy;
}

function shiftProblem(p: Problem, lines: number): Problem {
  if (lines === 0) return p;
  const moved: Problem = { ...p, range: shiftRange(p.range, lines) };
  if (p.fixes) moved.fixes = p.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => shiftEdit(e, lines)) }));
  return moved;
}

/** A story's problems for `rule`, from the cache when the story was checked before with the same settings. */
function storyProblems(rule: StoryRule, story: Story, context: RuleContext, settingsKey: string): Problem[] {
  const origin = storyOrigin(story);
  let byKey = STORY_PROBLEMS.get(origin.story);
  if (!byKey) {
    byKey = new Map();
    STORY_PROBLEMS.set(origin.story, byKey);
  }
  const key = `${rule.code}\u0000${settingsKey}`;
  let problems = byKey.get(key);
  if (!problems) {
    problems = rule.check(story, context);
    // Cached relative to the story as first built; a fix reaching outside its story is not cached.
    const inside = problems.every((p) => (p.fixes ?? []).every((f) => f.edits.every((e) => e.range.start.line >= story.range.start.line && e.range.end.line <= story.range.end.line + 1)));
    if (!inside) return problems;
    byKey.set(key, problems.map((p) => detach(shiftProblem(p, -origin.lines))));
    return problems;
  }
  return problems.map((p) => shiftProblem(p, origin.lines));
}

let nextSettingsId = 0;

/** A short stand-in for a long settings key, so cache look-ups hash a few characters. Never reused. */
const settingsId = memoise(() => String(nextSettingsId++), 1000);

export function lintDocument(document: StoryDocument, config: StarConfig): Finding[] {
  const tooComplex = document.tooComplex?.length ?? 0;
  if (document.stories.length === 0 && tooComplex === 0) return [];
  const directives = new Directives(document.facts.comments, document.lines);
  const context = { document, config };
  const findings: Finding[] = [];
  const nl = eol(document);
  const top = document.lines.positionAt(document.facts.bodyStart);
  const settingsKey = settingsId(`${nl}\u0000${JSON.stringify(config)}`);
  // A file with no story is quiet, except for the parts that could not be read (they might hold one).
  const rules = document.stories.length ? RULES : RULES.filter((r) => r.code === 'STAR000');
  for (const rule of rules) {
    const severity = levelOf(rule, config);
    if (severity === 'off') continue;
    const problems = rule.scope === 'document' ? rule.check(context) : document.stories.flatMap((story) => storyProblems(rule, story, context, settingsKey));
    for (const p of problems) {
      if (directives.isDisabled(rule, p.range.start.line)) continue;
      const finding: Finding = {
        rule: rule.code,
        name: rule.name,
        severity,
        message: p.message,
        range: p.range,
        fixes: [...(p.fixes ?? []), ...disableFixes(document, rule, p.range.start.line, nl, top)],
      };
      if (p.story) finding.story = p.story;
      findings.push(finding);
    }
  }
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.localeCompare(b.rule));
}
