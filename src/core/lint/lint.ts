// Runs the rule catalogue over one analysed document: configured severities, inline directives, and
// the "disable this rule" fixes every finding offers.
import type { StoryDocument } from '../analyse';
import { ruleLevel, type StarConfig } from './config';
import { Directives } from './directives';
import type { Finding, Fix, Position, Story, TextEdit } from '../model';
import { RULES } from './rules';
import type { Problem, Rule, RuleContext } from './rules/rule';
import { shiftRange } from '../read/lines';
import { memoise } from '../util/memo';
import { ownString } from '../util/ownString';

function levelOf(rule: Rule, config: StarConfig) {
  return ruleLevel(config.rules, rule.code, rule.name) ?? rule.defaultSeverity;
}

/**
 * How one lint writes its findings: each rule's severity, and where "disable this rule" directives go
 * (none offered without `disable`).
 */
interface Writing {
  levels: Map<Rule, ReturnType<typeof levelOf>>;
  disable?: { nl: string; top: Position };
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
  const prose = lineStart >= document.facts.bodyStart && document.facts.between('prose', lineStart, Math.max(lineEnd, lineStart + 1)).length > 0;
  // Nor can a table's second line or any after it: the comment would end the table there.
  const inTable = line > 0 && /^[ \t]*\|/.test(document.lines.lineText(line)) && /^[ \t]*\|/.test(document.lines.lineText(line - 1));
  if (!prose || inTable) return [fileFix];
  return [{ title: `Disable ${rule.code} (${rule.name}) on this line`, edits: [nextLine], safe: false }, fileFix];
}

function finding(document: StoryDocument, rule: Rule, severity: Finding['severity'], p: Problem, { disable }: Writing): Finding {
  const found = { rule: rule.code, name: rule.name, severity, message: p.message, range: p.range } as Finding;
  if (!disable) found.fixes = p.fixes ?? [];
  else {
    // Made when first read: a file's document-wide findings are made again on every keystroke, and only
    // the fixes under the cursor are ever asked for. (Still an enumerable property, read like any other.)
    let fixes: Fix[] | undefined;
    Object.defineProperty(found, 'fixes', {
      enumerable: true,
      configurable: true,
      get: () => (fixes ??= [...(p.fixes ?? []), ...disableFixes(document, rule, p.range.start.line, disable.nl, disable.top)]),
    });
  }
  if (p.story) found.story = p.story;
  return found;
}

function byPlace(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

/**
 * `f` moved down by `lines` lines; with `detach`, its strings copied out of the document. Its last fix,
 * when it is the file-wide directive, stays where it is: at the top of the body.
 */
function moved(f: Finding, lines: number, detach: boolean, { disable }: Writing): Finding {
  const text = detach ? ownString : (s: string) => s;
  const copy: Finding = { ...f, message: text(f.message), range: shiftRange(f.range, lines) };
  const fixes = f.fixes ?? [];
  const fileWide = disable ? fixes.length - 1 : -1;
  copy.fixes = fixes.map((x, i) => i === fileWide ? x : { ...x, title: text(x.title), edits: x.edits.map((e) => ({ range: shiftRange(e.range, lines), newText: text(e.newText) })) });
  return copy;
}

/**
 * A story's findings (before directives), by the story as first assembled and the settings: a story
 * that an edit elsewhere left unchanged, or only moved, is not checked again. They depend on the
 * story's own text (which its cache key in assembly covers), the settings, the line ending and where
 * the body starts. Assembly moves a story in place; its findings are kept at the `line` the story
 * started on when they were last asked for, so a story that did not move since gets the same array back.
 */
const STORY_FINDINGS = new WeakMap<Story, { key: string; line: number; findings: Finding[] }>();

/**
 * Whether `p` may be cached with `story`: its own fixes stay within the story (and the line after it),
 * and its line, where the disable fixes go, is inside the chunks the story was built from.
 */
function cacheable(p: Problem, story: Story): boolean {
  const { start, end } = story.range;
  // The story's last line lies in its chunks unless the story ends at that line's very start.
  const last = end.character > 0 ? end.line : end.line - 1;
  const line = p.range.start.line;
  return line >= start.line && line <= last && (p.fixes ?? []).every((f) => f.edits.every((e) => e.range.start.line >= start.line && e.range.end.line <= end.line + 1));
}

/**
 * A story's findings, and whether they were kept with the story (they are not when they reach outside
 * it, nor for a transient document, whose stories are never seen again).
 */
function storyFindings(document: StoryDocument, story: Story, config: StarConfig, key: string, writing: Writing): { findings: Finding[]; kept: boolean } {
  const line = story.range.start.line;
  const cached = document.transient ? undefined : STORY_FINDINGS.get(story);
  if (cached?.key === key) {
    if (cached.line !== line) {
      cached.findings = cached.findings.map((f) => moved(f, line - cached.line, false, writing));
      cached.line = line;
    }
    return { findings: cached.findings, kept: true };
  }
  const context: RuleContext = { document, config };
  const findings: Finding[] = [];
  let inside = true;
  for (const rule of RULES) {
    const severity = writing.levels.get(rule)!;
    if (rule.scope !== 'story' || severity === 'off') continue;
    for (const p of rule.check(story, context)) {
      inside &&= cacheable(p, story);
      findings.push(finding(document, rule, severity, p, writing));
    }
  }
  findings.sort(byPlace);
  if (document.transient || !inside) return { findings, kept: false };
  // Copies, ranges too: a finding's range may be the story's own, which assembly moves in place.
  const entry = { key, line, findings: findings.map((f) => moved(f, 0, true, writing)) };
  STORY_FINDINGS.set(story, entry);
  return { findings: entry.findings, kept: true };
}

/**
 * What the last lint of a file gave: the same story objects in the next document (an edit elsewhere
 * leaves most of them as they were) get their findings from here without a look-up.
 */
export interface LintMemory {
  key?: string;
  stories: readonly Story[];
  /** Per story, the line it started on then (assembly moves stories in place). */
  starts?: readonly number[];
  /** Per story, its findings when they were kept with it. */
  findings: readonly (Finding[] | undefined)[];
  /** What document rules keep (`RuleContext.memory`). */
  rules?: Map<string, unknown>;
}

/** The findings of every story, those of the stories `memory` holds taken from there; `memory` is updated. */
function storiesFindings(document: StoryDocument, config: StarConfig, key: string, writing: Writing, memory: LintMemory): Finding[][] {
  const { stories } = document;
  const before = memory.key === key ? memory.stories : [];
  const starts = memory.starts ?? [];
  const same = (i: number, j: number) => stories[i] === before[j] && stories[i].range.start.line === starts[j];
  let head = 0;
  while (head < stories.length && head < before.length && same(head, head)) head++;
  let tail = 0;
  while (tail < stories.length - head && tail < before.length - head && same(stories.length - 1 - tail, before.length - 1 - tail)) tail++;
  const all: (Finding[] | undefined)[] = new Array(stories.length);
  const found: Finding[][] = new Array(stories.length);
  for (let i = 0; i < stories.length; i++) {
    const reused = i < head ? memory.findings[i] : i >= stories.length - tail ? memory.findings[i - stories.length + before.length] : undefined;
    if (reused) {
      all[i] = reused;
      found[i] = reused;
      continue;
    }
    const { findings, kept } = storyFindings(document, stories[i], config, key, writing);
    all[i] = kept ? findings : undefined;
    found[i] = findings;
  }
  memory.key = key;
  memory.stories = stories;
  memory.starts = stories.map((s) => s.range.start.line);
  memory.findings = all;
  return found;
}

let nextSettingsId = 0;

/** A short stand-in for a long settings key, so cache look-ups hash a few characters. Never reused. */
const settingsId = memoise(() => String(nextSettingsId++), 1000);

export interface LintOptions {
  /** What the last lint of the same file left (the extension's session), updated for the next. */
  memory?: LintMemory;
  /**
   * Offer "disable this rule" directives as fixes of every finding (default true): quick fixes in an
   * editor. The command line only reports findings, and fixes only what is safe, which they never are.
   */
  disableFixes?: boolean;
}

export function lintDocument(document: StoryDocument, config: StarConfig, { memory = { stories: [], findings: [] }, disableFixes = true }: LintOptions = {}): Finding[] {
  const tooComplex = document.tooComplex?.length ?? 0;
  if (document.stories.length === 0 && tooComplex === 0) return [];
  const directives = new Directives(document.facts.comments, document.lines);
  const nl = document.lines.eol;
  const top = document.lines.positionAt(document.facts.bodyStart);
  const key = settingsId(`${nl}\u0000${top.line}:${top.character}\u0000${disableFixes}\u0000${JSON.stringify(config)}`);
  const writing: Writing = { levels: new Map(RULES.map((r) => [r, levelOf(r, config)])), disable: disableFixes ? { nl, top } : undefined };
  const found: Finding[] = [];
  for (const findings of storiesFindings(document, config, key, writing, memory)) for (const f of findings) found.push(f);
  // A file with no story is quiet, except for the parts that could not be read (they might hold one).
  for (const rule of document.stories.length ? RULES : RULES.filter((r) => r.code === 'STAR000')) {
    const severity = writing.levels.get(rule)!;
    if (rule.scope !== 'document' || severity === 'off') continue;
    for (const p of rule.check({ document, config, memory: memory.rules })) found.push(finding(document, rule, severity, p, writing));
  }
  // Each story's findings are in order already, and stories mostly are: the sort has little to do.
  return (directives.none ? found : found.filter((f) => !directives.isDisabled(f.rule, f.name, f.range.start.line))).sort(byPlace);
}
