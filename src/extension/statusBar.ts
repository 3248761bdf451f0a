// Stories in the current file and how many have problems; a click opens the Story Explorer.
import * as vscode from 'vscode';
import type { DueStories } from './due';
import type { StoryIndex } from './storyIndex';

export class StoryStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('starStories.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(private readonly index: StoryIndex, private readonly due?: DueStories) {
    this.item.name = 'STAR Stories';
    this.item.command = 'starStories.explorer.focus';
    this.disposables.push(vscode.window.onDidChangeActiveTextEditor(() => this.update()), index.onDidChange(() => this.update()));
    if (due) this.disposables.push(due.onDidChange(() => this.update()));
    this.update();
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    if (!this.index.isReady) {
      this.item.text = '$(sync~spin) Indexing stories…';
      this.item.tooltip = 'STAR Stories is finding the stories in this workspace';
      this.item.show();
      return;
    }
    if (!editor || editor.document.languageId !== 'markdown') {
      this.item.hide();
      return;
    }
    const stories = this.index.bank.storiesOf(vscode.workspace.asRelativePath(editor.document.uri));
    if (stories.length === 0) {
      this.item.hide();
      return;
    }
    const withProblems = stories.filter((s) => s.problems > 0).length;
    const now = Date.now();
    const dueHere = this.due ? stories.filter((s) => this.due!.isDue(s, now)).length : 0;
    this.item.text = `$(book) ${stories.length} ${stories.length === 1 ? 'story' : 'stories'}${withProblems ? ` · $(warning) ${withProblems}` : ''}${dueHere ? ` · $(history) ${dueHere} due` : ''}`;
    this.item.tooltip = `${stories.length} STAR ${stories.length === 1 ? 'story' : 'stories'} in this file${withProblems ? `, ${withProblems} with problems` : ''}${dueHere ? `, ${dueHere} due for rehearsal` : ''} — open the Story Explorer`;
    this.item.show();
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
