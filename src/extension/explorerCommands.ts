// Commands of the Story Explorer: reveal, refresh, regroup, filter, copy.
import * as vscode from 'vscode';
import { toRange } from './convert';
import { storyAsText, type StoryExplorer, type StoryTarget } from './explorer';
import type { StoryIndex } from './storyIndex';

export function registerExplorerCommands(explorer: StoryExplorer, index: StoryIndex): vscode.Disposable[] {
  const banked = (target: StoryTarget | undefined) => {
    if (!target?.uri) return undefined;
    const uri = vscode.Uri.parse(target.uri);
    return index.bank.find(vscode.workspace.asRelativePath(uri), target.storyId);
  };
  return [
    vscode.commands.registerCommand('starStories.revealStory', async (target?: StoryTarget) => {
      const b = banked(target);
      if (!b || !target) return;
      await vscode.window.showTextDocument(vscode.Uri.parse(target.uri), { selection: toRange(b.story.titleRange), preview: false });
    }),
    vscode.commands.registerCommand('starStories.refreshExplorer', () => index.rebuild()),
    vscode.commands.registerCommand('starStories.groupByTag', () => explorer.setGroupBy('tag')),
    vscode.commands.registerCommand('starStories.groupByFile', () => explorer.setGroupBy('file')),
    vscode.commands.registerCommand('starStories.showProblemsOnly', () => explorer.setProblemsOnly(true)),
    vscode.commands.registerCommand('starStories.showAllStories', () => explorer.setProblemsOnly(false)),
    vscode.commands.registerCommand('starStories.copyStory', async (target?: StoryTarget) => {
      const b = banked(target);
      if (b) await vscode.env.clipboard.writeText(storyAsText(b));
    }),
  ];
}
