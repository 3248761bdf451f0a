// Hover on a label (role, words, time against target) or on a metric (the computed change).
import * as vscode from 'vscode';
import { labelHover } from '../core/lens';
import { findMetricChanges, formatChange } from '../core/metrics';
import { sectionSource } from '../core/rules/text';
import type { DocumentAnalyses } from './analyses';
import { toRange } from './convert';
import type { Settings } from './settings';

export class StoryHover implements vscode.HoverProvider {
  constructor(private readonly analyses: DocumentAnalyses, private readonly settings: Settings) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const analysis = (await this.analyses.analysis(document)).document;
    const config = this.settings.for(document.uri);
    const offset = document.offsetAt(position);
    for (const story of analysis.stories) {
      if (position.line < story.range.start.line || position.line > story.range.end.line) continue;
      for (const section of story.sections) {
        const label = toRange(section.labelRange);
        if (label.contains(position)) return new vscode.Hover(new vscode.MarkdownString(labelHover(section, story, config)), label);
        if (!toRange(section.contentRange).contains(position)) continue;
        const source = sectionSource(analysis, section);
        const change = findMetricChanges(source.text).find((c) => offset >= source.offset + c.start && offset <= source.offset + c.end);
        if (change) {
          const range = new vscode.Range(document.positionAt(source.offset + change.start), document.positionAt(source.offset + change.end));
          return new vscode.Hover(new vscode.MarkdownString(`**Metric** · ${formatChange(change)}`), range);
        }
      }
    }
    return undefined;
  }
}
