import type { Finding } from '../core/model';
import { RULES, RULE_DOCS, ruleDocsUrl } from '../core/lint/rules';
import { plain, printable, type Paint, type Style } from './terminalText';

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

/** `--quiet`: the file with its errors only, as ESLint's `--quiet` keeps them. */
export function errorsOnly(file: LintedFile): LintedFile {
  return { ...file, findings: file.findings.filter((f) => f.severity === 'error') };
}

const SEVERITY_STYLE: Record<Finding['severity'], Style> = { error: 'red', warning: 'yellow', info: 'cyan' };

/** `file:line:col  severity  STAR005  message`, like other linters, with a closing count. */
export function lintText(files: LintedFile[], paint: Paint = plain): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const { path, findings } of files) {
    for (const f of findings) {
      // Padded outside the colour, so the columns line up whether or not there is any.
      const severity = paint(SEVERITY_STYLE[f.severity], f.severity) + ' '.repeat(7 - f.severity.length);
      lines.push(`${printable(path)}:${f.range.start.line + 1}:${f.range.start.character + 1}  ${severity}  ${paint('dim', f.rule)}  ${printable(f.message)}`);
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      else infos++;
    }
  }
  const stories = files.reduce((n, f) => n + f.stories, 0);
  lines.push(paint('dim', `${files.length} ${files.length === 1 ? 'file' : 'files'}, ${stories} ${stories === 1 ? 'story' : 'stories'}: ${errors} errors, ${warnings} warnings, ${infos} info`));
  return lines.join('\n');
}

// SARIF and GitHub both name files the way URLs do, whichever system ran the lint.
const forwardSlashes = (path: string) => path.replace(/\\/g, '/');

const GITHUB_COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;
// GitHub's escaping of workflow commands: a line break would end the command, and in a property `:`
// and `,` would end the value.
const githubData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const githubProperty = (text: string) => githubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions workflow commands, one per finding, which the runner turns into annotations on the lines. */
export function lintGithub(files: LintedFile[]): string {
  return files.flatMap(({ path, findings }) => findings.map((f) => {
    const properties = {
      file: forwardSlashes(path),
      line: f.range.start.line + 1,
      col: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      title: `${f.rule} ${f.name}`,
    };
    const list = Object.entries(properties).map(([key, value]) => `${key}=${githubProperty(String(value))}`).join(',');
    return `::${GITHUB_COMMAND[f.severity]} ${list}::${githubData(f.message)}`;
  })).join('\n');
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
            artifactLocation: { uri: forwardSlashes(path) },
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
