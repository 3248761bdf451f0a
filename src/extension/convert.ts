// The one place where core data becomes VS Code data.
import * as vscode from 'vscode';
import type { Finding, Range, Severity, TextEdit } from '../core/model';
import { ruleDocsUrl } from '../core/rules/docs';

export const DIAGNOSTIC_SOURCE = 'STAR Stories';

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toDiagnostic(finding: Finding): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(finding.range), finding.message, SEVERITY[finding.severity]);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = { value: finding.rule, target: vscode.Uri.parse(ruleDocsUrl(finding.rule)) };
  return d;
}

export function toWorkspaceEdit(uri: vscode.Uri, edits: TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(uri, toRange(e.range), e.newText);
  return edit;
}
