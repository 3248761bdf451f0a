// `▶ Rehearse · 2m10s · 4/4 sections` over each story, `✎ Fill in this template` over each unfilled template.
import * as vscode from 'vscode';
import type { Range } from '../core/model';
import { lensTitle } from '../core/views/storyLens';
import type { DocumentAnalyses } from './analyses';
import { toRange } from './convert';
import { mapInTurns } from './turns';
import type { Settings } from './settings';

const FILL_TEMPLATE = 'starStories.fillTemplate';

/** `starStories.fillTemplate`: the template's first placeholder selected, so what is typed replaces it. */
export function registerFillTemplate(): vscode.Disposable {
  return vscode.commands.registerCommand(FILL_TEMPLATE, async (target?: { uri: string; placeholder: Range }) => {
    if (!target) return;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
    await vscode.window.showTextDocument(document, { selection: toRange(target.placeholder) });
  });
}

export class StoryCodeLens implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly analyses: DocumentAnalyses, private readonly settings: Settings) {
    settings.onDidChange(() => this.changed.fire());
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const [{ stories }, templates] = await Promise.all([this.analyses.analysis(document), this.analyses.ask(document, { kind: 'templates' })]);
    const { wordsPerMinute } = this.settings.for(document.uri);
    const rehearse = await mapInTurns(stories, (story) => new vscode.CodeLens(toRange(story.titleRange), {
      title: lensTitle(story, wordsPerMinute),
      tooltip: `Rehearse '${story.title}' against the clock`,
      command: 'starStories.rehearse',
      arguments: [{ uri: document.uri.toString(), storyId: story.id }],
    }));
    const fill = templates.map((t) => new vscode.CodeLens(toRange(t.titleRange), {
      title: '✎ Fill in this template',
      tooltip: `'${t.title}' is a template, not a story yet: it is not linted until its sections say something`,
      command: FILL_TEMPLATE,
      arguments: [{ uri: document.uri.toString(), placeholder: t.placeholder }],
    }));
    return [...rehearse, ...fill];
  }
}
