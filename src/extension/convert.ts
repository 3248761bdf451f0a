// The one place where core data becomes VS Code data, and back.
import * as vscode from 'vscode';
import type { Range, Severity, TextEdit } from '../core/model';
import { ruleDocsUrl } from '../core/lint/rules/docs';
import type { ShownFinding } from './analysisProtocol';

export const DIAGNOSTIC_SOURCE = 'STAR Stories';

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** Plain data, as the worker reads it: a vscode.Position keeps its numbers in fields a message does not carry. */
export function fromRange(range: vscode.Range): Range {
  return { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } };
}

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** One link per rule, shared by its diagnostics: a file can have thousands. */
const docs = new Map<string, vscode.Uri>();

export function toDiagnostic(finding: ShownFinding): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(finding.range), finding.message, SEVERITY[finding.severity]);
  d.source = DIAGNOSTIC_SOURCE;
  let target = docs.get(finding.rule);
  if (!target) docs.set(finding.rule, (target = vscode.Uri.parse(ruleDocsUrl(finding.rule))));
  d.code = { value: finding.rule, target };
  return d;
}

export function toWorkspaceEdit(uri: vscode.Uri, edits: TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(uri, toRange(e.range), e.newText);
  return edit;
}
