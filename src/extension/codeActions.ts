// Quick fixes are data on each finding; this provider only matches them to diagnostics and applies.
import * as vscode from 'vscode';
import { safeEdits } from '../core/fix';
import type { DocumentAnalyses } from './analyses';
import { DIAGNOSTIC_SOURCE, toWorkspaceEdit } from './convert';
import type { StoryDiagnostics } from './diagnostics';
import type { Settings } from './settings';

export const FIX_ALL = vscode.CodeActionKind.SourceFixAll.append('starStories');

export class StoryCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL],
  };

  constructor(private readonly analyses: DocumentAnalyses, private readonly diagnostics: StoryDiagnostics, _settings: Settings) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] | Promise<vscode.CodeAction[]> {
    const only = context.only;
    if (only && FIX_ALL.intersects(only)) return this.fixAll(document);
    if (only && !vscode.CodeActionKind.QuickFix.intersects(only)) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const finding = this.diagnostics.findingOf(diagnostic);
      (finding?.fixes ?? []).forEach((fix, i) => {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = toWorkspaceEdit(document.uri, fix.edits);
        action.diagnostics = [diagnostic];
        action.isPreferred = i === 0 && !fix.title.startsWith('Disable');
        actions.push(action);
      });
    }
    return actions;
  }

  private async fixAll(document: vscode.TextDocument): Promise<vscode.CodeAction[]> {
    // The worker lints with the document's settings; its findings carry the fixes.
    const edits = safeEdits((await this.analyses.analysis(document)).findings);
    if (edits.length === 0) return [];
    const action = new vscode.CodeAction('Fix all STAR Stories problems', FIX_ALL);
    action.edit = toWorkspaceEdit(document.uri, edits);
    return [action];
  }
}
