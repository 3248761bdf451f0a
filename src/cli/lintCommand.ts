import type { Finding } from '../core/model';
import { RULES, RULE_DOCS, ruleDocsUrl } from '../core/lint/rules';

/**
 * What the report needs of a finding. Its fixes are not kept, only whether one is safe: held for every
 * file until the report, they were most of what each garbage collection had to copy.
 */
export type ReportedFinding = Pick<Finding, 'rule' | 'name' | 'severity' | 'message' | 'range'> & { fixable: boolean };

/** What the report needs of a linted file (the document itself is not kept). */
export interface LintedFile {
  path: string;
  stories: number;
  findings: ReportedFinding[];
}

export function reported({ rule, name, severity, message, range, fixes }: Finding): ReportedFinding {
  return { rule, name, severity, message, range, fixable: fixes?.some((x) => x.safe) ?? false };
}

/** `file:line:col  severity  STAR005  message`, like other linters, with a closing count. */
export function lintText(files: LintedFile[]): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const { path, findings } of files) {
    for (const f of findings) {
      lines.push(`${path}:${f.range.start.line + 1}:${f.range.start.character + 1}  ${f.severity.padEnd(7)}  ${f.rule}  ${f.message}`);
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      else infos++;
    }
  }
  const stories = files.reduce((n, f) => n + f.stories, 0);
  lines.push(`${files.length} ${files.length === 1 ? 'file' : 'files'}, ${stories} ${stories === 1 ? 'story' : 'stories'}: ${errors} errors, ${warnings} warnings, ${infos} info`);
  return lines.join('\n');
}

export function lintJson(files: LintedFile[]): string {
  return JSON.stringify({
    files: files.map(({ path, findings }) => ({
      path,
      findings: findings.map((f) => ({
        rule: f.rule,
        name: f.name,
        severity: f.severity,
        message: f.message,
        line: f.range.start.line + 1,
        column: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
        fixable: f.fixable,
      })),
    })),
  }, null, 2);
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** SARIF 2.1.0, for GitHub code scanning and other viewers. */
export function lintSarif(files: LintedFile[], version: string): string {
  const index = new Map(RULES.map((r, i) => [r.code, i]));
  return JSON.stringify({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'star-stories',
          version,
          informationUri: RULE_DOCS,
          rules: RULES.map((r) => ({
            id: r.code,
            name: r.name,
            shortDescription: { text: r.name.replace(/-/g, ' ') },
            fullDescription: { text: r.description },
            helpUri: ruleDocsUrl(r.code),
            defaultConfiguration: { level: SARIF_LEVEL[r.defaultSeverity] },
          })),
        },
      },
      results: files.flatMap(({ path, findings }) => findings.map((f) => ({
        ruleId: f.rule,
        ruleIndex: index.get(f.rule) ?? -1,
        level: SARIF_LEVEL[f.severity],
        message: { text: f.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: path.replace(/\\/g, '/') },
            region: {
              startLine: f.range.start.line + 1,
              startColumn: f.range.start.character + 1,
              endLine: f.range.end.line + 1,
              endColumn: f.range.end.character + 1,
            },
          },
        }],
      }))),
    }],
  }, null, 2);
}
