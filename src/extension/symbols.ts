// Outline, breadcrumbs and Go to Symbol: each story with its sections as children.
import * as vscode from 'vscode';
import { storySymbol } from '../core/views/storySymbol';
import type { DocumentAnalyses } from './analyses';
import { toRange } from './convert';
import { mapInTurns } from './turns';

export class StorySymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly analyses: DocumentAnalyses) {}

  async provideDocumentSymbols(document: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
    // Thousands of stories make tens of thousands of symbols: built a slice per turn of the event loop.
    return mapInTurns((await this.analyses.analysis(document)).stories, (story) => {
      const s = storySymbol(story);
      const symbol = new vscode.DocumentSymbol(s.name, s.detail, vscode.SymbolKind.Class, toRange(s.range), toRange(s.selectionRange));
      symbol.children = s.children.map(
        (c) => new vscode.DocumentSymbol(c.name, c.detail, vscode.SymbolKind.Field, toRange(c.range), toRange(c.selectionRange)),
      );
      return symbol;
    });
  }
}
