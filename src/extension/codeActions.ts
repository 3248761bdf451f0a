// Quick fixes are data on each finding, kept in the analysis worker until asked for: a file can have
// thousands of findings, and only those under the cursor ever need their fixes. This provider asks for
// them by the diagnostics' places, so a fix always fits the document's current text.
import * as vscode from 'vscode';
import type { DocumentAnalyses } from './analyses';
import { DIAGNOSTIC_SOURCE, fromRange, toWorkspaceEdit } from './convert';

export const FIX_ALL = vscode.CodeActionKind.SourceFixAll.append('starStories');

const ruleOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

export class StoryCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL],
  };

  constructor(private readonly analyses: DocumentAnalyses) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const only = context.only;
    if (only && FIX_ALL.intersects(only)) return this.fixAll(document);
    if (only && !vscode.CodeActionKind.QuickFix.intersects(only)) return [];
    const diagnostics = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (diagnostics.length === 0) return [];
    const places = diagnostics.map((d) => ({ rule: ruleOf(d), range: fromRange(d.range) }));
    const fixes = await this.analyses.ask(document, { kind: 'fixes', places });
    return diagnostics.flatMap((diagnostic, i) => fixes[i].map((fix, j) => {
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = toWorkspaceEdit(document.uri, fix.edits);
      action.diagnostics = [diagnostic];
      action.isPreferred = j === 0 && !fix.title.startsWith('Disable');
      return action;
    }));
  }

  private async fixAll(document: vscode.TextDocument): Promise<vscode.CodeAction[]> {
    // The worker lints with the document's settings; its findings carry the fixes.
    const edits = await this.analyses.ask(document, { kind: 'fixAll' });
    if (edits.length === 0) return [];
    const action = new vscode.CodeAction('Fix all STAR Stories problems', FIX_ALL);
    action.edit = toWorkspaceEdit(document.uri, edits);
    return [action];
  }
}
