// Rehearse Story (from the CodeLens, the Story Explorer or a quick pick), Rehearse Random Story and
// Export Rehearsal History as CSV.
import * as vscode from 'vscode';
import { byDue, describeDue } from '../core/rehearsal/schedule';
import { formatDuration } from '../core/stories/wording';
import type { BankedStory } from '../core/views/storyBank';
import type { RehearsalHistory } from '../rehearsal/history';
import type { RehearsalPanel } from '../rehearsal/panel';
import type { PanelRef } from '../rehearsal/protocol';
import type { DocumentAnalyses } from './analyses';
import type { DueStories } from './due';
import type { StoryTarget } from './explorer';
import type { StoryIndex } from './storyIndex';

/** A CodeLens argument `{uri, storyId}` or a Story Explorer node (which carries the same two fields). */
function isStoryTarget(v: unknown): v is StoryTarget {
  return typeof v === 'object' && v !== null && typeof (v as StoryTarget).uri === 'string' && (v as StoryTarget).uri !== '' && typeof (v as StoryTarget).storyId === 'string';
}

interface StoryPick extends vscode.QuickPickItem {
  banked: BankedStory;
}

export function registerRehearsalCommands(
  panel: RehearsalPanel,
  index: StoryIndex,
  analyses: DocumentAnalyses,
  history: RehearsalHistory,
  due: DueStories,
): vscode.Disposable[] {
  const refOf = (b: BankedStory): PanelRef | undefined => {
    const uri = index.uriOf(b.file);
    return uri ? { uri: uri.toString(), storyId: b.story.id } : undefined;
  };

  /** The story under the cursor in the active editor, if any. */
  const currentStory = async (): Promise<{ file: string; id: string } | undefined> => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown') return undefined;
    const line = editor.selection.active.line;
    const story = (await analyses.analysis(editor.document)).stories.find((s) => s.range.start.line <= line && line <= s.range.end.line);
    return story && { file: vscode.workspace.asRelativePath(editor.document.uri), id: story.id };
  };

  /** The quick pick's items once the index is built; the pick shows at once, busy until then. */
  const storyItems = async (): Promise<StoryPick[]> => {
    await index.build();
    const current = await currentStory();
    const isCurrent = (b: BankedStory) => !!current && b.file === current.file && b.story.id === current.id;
    const stories = byDue(index.bank.all(), (b) => due.schedule(b));
    const ordered = [...stories.filter(isCurrent), ...stories.filter((b) => !isCurrent(b))];
    if (!ordered.length) void vscode.window.showInformationMessage('STAR Stories: no stories in this workspace yet.');
    return ordered.map((b) => ({
      banked: b,
      label: `${due.isDue(b) ? '$(history) ' : ''}${b.story.title}`,
      description: `${b.file}${isCurrent(b) ? ' · current' : ''}`,
      detail: `${describeDue(due.schedule(b))} · about ${formatDuration(b.seconds)} · ${b.complete}/${b.required} sections`,
    }));
  };

  const pickStory = async (): Promise<PanelRef | undefined> => {
    // ignoreFocusOut: run from the palette while the panel has focus, the webview takes focus back just
    // as the pick opens, which would close it at once.
    const picked = await vscode.window.showQuickPick(storyItems(), {
      title: 'Rehearse Story',
      placeHolder: 'Which story? (due ones first)',
      matchOnDescription: true,
      ignoreFocusOut: true,
    });
    return picked && refOf(picked.banked);
  };

  return [
    vscode.commands.registerCommand('starStories.rehearse', async (target?: unknown): Promise<boolean> => {
      const ref = isStoryTarget(target) ? { uri: target.uri, storyId: target.storyId } : await pickStory();
      return ref ? panel.open(ref) : false;
    }),
    vscode.commands.registerCommand('starStories.rehearseRandom', async (): Promise<boolean> => {
      await index.build();
      const all = index.bank.all();
      const dueNow = all.filter((b) => due.isDue(b));
      const pool = dueNow.length ? dueNow : all;
      if (!pool.length) {
        void vscode.window.showInformationMessage('STAR Stories: no stories in this workspace yet.');
        return false;
      }
      const ref = refOf(pool[Math.floor(Math.random() * pool.length)]);
      return ref ? panel.open(ref) : false;
    }),
    vscode.commands.registerCommand('starStories.exportRehearsalHistory', async (target?: unknown): Promise<vscode.Uri | undefined> => {
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const uri = target instanceof vscode.Uri
        ? target
        : await vscode.window.showSaveDialog({
          title: 'Export Rehearsal History',
          defaultUri: folder && vscode.Uri.joinPath(folder, 'rehearsal-history.csv'),
          filters: { CSV: ['csv'] },
        });
      if (!uri) return undefined;
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(await history.toCsv()));
      if (!(target instanceof vscode.Uri)) void vscode.window.showInformationMessage(`STAR Stories: rehearsal history exported to ${vscode.workspace.asRelativePath(uri)}.`);
      return uri;
    }),
  ];
}
