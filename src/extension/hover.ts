// Hover on a label: its role, words and time against target.
import * as vscode from 'vscode';
import { labelHover } from '../core/lens';
import type { DocumentAnalyses } from './analyses';
import { toRange } from './convert';
import type { Settings } from './settings';

export class StoryHover implements vscode.HoverProvider {
  constructor(private readonly analyses: DocumentAnalyses, private readonly settings: Settings) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const config = this.settings.for(document.uri);
    for (const story of this.analyses.get(document).stories) {
      if (position.line < story.range.start.line || position.line > story.range.end.line) continue;
      for (const section of story.sections) {
        const range = toRange(section.labelRange);
        if (range.contains(position)) return new vscode.Hover(new vscode.MarkdownString(labelHover(section, story, config)), range);
      }
    }
    return undefined;
  }
}
