// Hover on a label (role, words, time against target) or on a metric (the computed change, which the
// analysis worker works out: the metrics code stays out of the extension host).
import * as vscode from 'vscode';
import { labelHover } from '../core/views/labelHover';
import type { DocumentAnalyses } from './analyses';
import { toRange } from './convert';
import type { Settings } from './settings';

export class StoryHover implements vscode.HoverProvider {
  constructor(private readonly analyses: DocumentAnalyses, private readonly settings: Settings) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const { stories } = await this.analyses.analysis(document);
    const story = stories.find((s) => position.line >= s.range.start.line && position.line <= s.range.end.line);
    if (!story) return undefined;
    for (const section of story.sections) {
      const label = toRange(section.labelRange);
      if (label.contains(position)) return new vscode.Hover(new vscode.MarkdownString(labelHover(section, story, this.settings.for(document.uri))), label);
    }
    if (!story.sections.some((s) => toRange(s.contentRange).contains(position))) return undefined;
    const metric = await this.analyses.ask(document, { kind: 'metric', offset: document.offsetAt(position) });
    return metric && new vscode.Hover(new vscode.MarkdownString(metric.markdown), new vscode.Range(document.positionAt(metric.start), document.positionAt(metric.end)));
  }
}
