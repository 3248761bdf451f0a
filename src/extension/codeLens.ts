// `▶ Rehearse · 2m10s · 4/4 sections` over each story.
import * as vscode from 'vscode';
import { lensTitle } from '../core/views/storyLens';
import type { DocumentAnalyses } from './analyses';
import { toRange } from './convert';
import { mapInTurns } from './turns';
import type { Settings } from './settings';

export class StoryCodeLens implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly analyses: DocumentAnalyses, private readonly settings: Settings) {
    settings.onDidChange(() => this.changed.fire());
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const { stories } = await this.analyses.analysis(document);
    const { wordsPerMinute } = this.settings.for(document.uri);
    return mapInTurns(stories, (story) => new vscode.CodeLens(toRange(story.titleRange), {
      title: lensTitle(story, wordsPerMinute),
      tooltip: `Rehearse '${story.title}' against the clock`,
      command: 'starStories.rehearse',
      arguments: [{ uri: document.uri.toString(), storyId: story.id }],
    }));
  }
}
