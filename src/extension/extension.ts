import * as vscode from 'vscode';
import { DocumentAnalyses } from './analyses';
import { StorySymbolProvider } from './symbols';

const MARKDOWN: vscode.DocumentSelector = [{ language: 'markdown' }];

export function activate(context: vscode.ExtensionContext): void {
  const analyses = new DocumentAnalyses();
  context.subscriptions.push(
    analyses,
    vscode.languages.registerDocumentSymbolProvider(MARKDOWN, new StorySymbolProvider(analyses), { label: 'STAR Stories' }),
  );
}

export function deactivate(): void {}
