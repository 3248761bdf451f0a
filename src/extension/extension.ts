import * as vscode from 'vscode';
import { DocumentAnalyses } from './analyses';
import { StoryCodeActions } from './codeActions';
import { StoryDiagnostics } from './diagnostics';
import { lintWorkspace } from './lintWorkspace';
import { Settings } from './settings';
import { StorySymbolProvider } from './symbols';

const MARKDOWN: vscode.DocumentSelector = [{ language: 'markdown' }];

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const settings = new Settings();
  await settings.load();
  const analyses = new DocumentAnalyses(settings);
  const diagnostics = new StoryDiagnostics(analyses, settings);
  context.subscriptions.push(
    settings,
    analyses,
    diagnostics,
    vscode.languages.registerDocumentSymbolProvider(MARKDOWN, new StorySymbolProvider(analyses), { label: 'STAR Stories' }),
    vscode.languages.registerCodeActionsProvider(MARKDOWN, new StoryCodeActions(analyses, diagnostics, settings), StoryCodeActions.metadata),
    vscode.commands.registerCommand('starStories.lintWorkspace', async () => {
      const { files, stories, findings } = await lintWorkspace(analyses, diagnostics, settings);
      void vscode.window.showInformationMessage(`STAR Stories: ${stories} ${stories === 1 ? 'story' : 'stories'} in ${files} ${files === 1 ? 'file' : 'files'}, ${findings} ${findings === 1 ? 'problem' : 'problems'}.`);
      return { files, stories, findings };
    }),
  );
}

export function deactivate(): void {}
