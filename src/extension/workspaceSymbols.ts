// Ctrl+T finds a story by title anywhere in the workspace.
import * as vscode from 'vscode';
import { toRange } from './convert';
import type { StoryIndex } from './storyIndex';

export class StoryWorkspaceSymbols implements vscode.WorkspaceSymbolProvider {
  constructor(private readonly index: StoryIndex) {}

  async provideWorkspaceSymbols(query: string): Promise<vscode.SymbolInformation[]> {
    await this.index.build();
    const q = query.toLowerCase();
    return this.index.bank.all().flatMap((b) => {
      const uri = this.index.uriOf(b.file);
      if (!uri || !b.story.title.toLowerCase().includes(q)) return [];
      return [new vscode.SymbolInformation(b.story.title, vscode.SymbolKind.Class, `${b.story.framework} story`, new vscode.Location(uri, toRange(b.story.titleRange)))];
    });
  }
}
