// Runs the rule catalogue over one analysed document: configured severities, inline directives, and
// the "disable this rule" fixes every finding offers.
import type { StoryDocument } from './analyse';
import type { StarConfig } from './config';
import { Directives } from './directives';
import type { Finding, Fix, Position, TextEdit } from './model';
import { RULES } from './rules';
import type { Rule } from './rules/rule';

function levelOf(rule: Rule, config: StarConfig) {
  return config.rules[rule.code] ?? config.rules[rule.code.toLowerCase()] ?? config.rules[rule.name] ?? rule.defaultSeverity;
}

function eol(document: StoryDocument): string {
  return document.lines.text.includes('\r\n') ? '\r\n' : '\n';
}

/** "Disable on this line" and "… in this file", as inserted directive comments. */
function disableFixes(document: StoryDocument, rule: Rule, line: number, nl: string, top: Position): Fix[] {
  const indent = /^[ \t]*/.exec(document.lines.lineText(line))?.[0] ?? '';
  const atLine = { line, character: 0 };
  const nextLine: TextEdit = { range: { start: atLine, end: atLine }, newText: `${indent}<!-- star-stories-disable-next-line ${rule.code} -->${nl}` };
  const file: TextEdit = { range: { start: top, end: top }, newText: `<!-- star-stories-disable-file ${rule.code} -->${nl}${nl}` };
  return [
    { title: `Disable ${rule.code} (${rule.name}) on this line`, edits: [nextLine], safe: false },
    { title: `Disable ${rule.code} (${rule.name}) in this file`, edits: [file], safe: false },
  ];
}

export function lintDocument(document: StoryDocument, config: StarConfig): Finding[] {
  if (document.stories.length === 0) return [];
  const directives = new Directives(document.facts.comments, document.lines);
  const context = { document, config };
  const findings: Finding[] = [];
  const nl = eol(document);
  const top = document.lines.positionAt(document.facts.bodyStart);
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
        fixes: [...(p.fixes ?? []), ...disableFixes(document, rule, p.range.start.line, nl, top)],
      };
      if (p.story) finding.story = p.story;
      findings.push(finding);
    }
  }
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.localeCompare(b.rule));
}
