// Runs the rule catalogue over one analysed document: configured severities, inline directives, and
// the "disable this rule" fixes every finding offers.
import type { StoryDocument } from './analyse';
import type { StarConfig } from './config';
import { Directives } from './directives';
import type { Finding, Fix, TextEdit } from './model';
import { RULES } from './rules';
import type { Rule } from './rules/rule';

function levelOf(rule: Rule, config: StarConfig) {
  return config.rules[rule.code] ?? config.rules[rule.code.toLowerCase()] ?? config.rules[rule.name] ?? rule.defaultSeverity;
}

function eol(document: StoryDocument): string {
  return document.lines.text.includes('\r\n') ? '\r\n' : '\n';
}

/** "Disable on this line" and "… in this file", as inserted directive comments. */
function disableFixes(document: StoryDocument, rule: Rule, line: number): Fix[] {
  const indent = /^[ \t]*/.exec(document.lines.lineText(line))?.[0] ?? '';
  const nl = eol(document);
  const atLine = { line, character: 0 };
  const top = document.lines.positionAt(document.facts.bodyStart);
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

export function lintDocument(document: StoryDocument, config: StarConfig): Finding[] {
  if (document.stories.length === 0) return [];
  const directives = new Directives(document.facts.comments, document.lines);
  const context = { document, config };
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const severity = levelOf(rule, config);
    if (severity === 'off') continue;
    const problems = rule.scope === 'document' ? rule.check(context) : document.stories.flatMap((story) => rule.check(story, context));
    for (const p of problems) {
      if (directives.isDisabled(rule, p.range.start.line)) continue;
      const finding: Finding = {
        rule: rule.code,
        name: rule.name,
        severity,
        message: p.message,
        range: p.range,
        fixes: [...(p.fixes ?? []), ...disableFixes(document, rule, p.range.start.line)],
      };
      if (p.story) finding.story = p.story;
      findings.push(finding);
    }
  }
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.localeCompare(b.rule));
}
