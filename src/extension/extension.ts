import * as vscode from 'vscode';
import { ActivationClock, type ActivationTimes } from './activationClock';
import { DocumentAnalyses } from './analyses';
import { StoryCodeActions } from './codeActions';
import { registerFillTemplate, StoryCodeLens } from './codeLens';
import { StoryDiagnostics } from './diagnostics';
import { StoryExplorer } from './explorer';
import { registerExplorerCommands } from './explorerCommands';
import { StoryHover } from './hover';
import { lintWorkspace } from './lintWorkspace';
import { registerNewStory } from './newStory';
import { Settings } from './settings';
import { StoryStatusBar } from './statusBar';
import { StoryIndex } from './storyIndex';
import { StorySymbolProvider } from './symbols';
import { StoryWorkspaceSymbols } from './workspaceSymbols';
import { RehearsalHistory } from '../rehearsal/history';
import { RehearsalPanel } from '../rehearsal/panel';
import { DueStories } from './due';
import { registerMockInterview } from './mockInterview';
import { registerRehearsalCommands } from './rehearseCommands';
import { rehearsalStories } from './rehearsalStories';

const MARKDOWN: vscode.DocumentSelector = [{ language: 'markdown' }];

/** What activation hands to tests (the extension's `exports`). */
export interface StarStoriesApi extends ActivationTimes {
  index: StoryIndex;
  explorer: StoryExplorer;
  rehearsal: RehearsalPanel;
  due: DueStories;
  analyses: DocumentAnalyses;
}

export function activate(context: vscode.ExtensionContext): StarStoriesApi {
  const clock = new ActivationClock();
  const settings = new Settings();
  const analyses = new DocumentAnalyses(settings);
  const diagnostics = new StoryDiagnostics(analyses, settings);
  const index = new StoryIndex(analyses, settings);
  const log = vscode.window.createOutputChannel('STAR Stories', { log: true });
  const history = new RehearsalHistory(context.globalStorageUri.fsPath, {
    onWarning: (message) => {
      log.warn(message);
      void vscode.window.showWarningMessage(message);
    },
  });
  const due = new DueStories(history);
  const rehearsal = new RehearsalPanel(context.extensionUri, rehearsalStories(analyses, settings), history, log);
  const explorer = new StoryExplorer(index, settings, context.workspaceState, due);
  context.subscriptions.push(
    log,
    due,
    rehearsal,
    settings,
    analyses,
    diagnostics,
    index,
    explorer,
    new StoryStatusBar(index, due),
    vscode.languages.registerDocumentSymbolProvider(MARKDOWN, new StorySymbolProvider(analyses), { label: 'STAR Stories' }),
    vscode.languages.registerCodeActionsProvider(MARKDOWN, new StoryCodeActions(analyses), StoryCodeActions.metadata),
    vscode.languages.registerCodeLensProvider(MARKDOWN, new StoryCodeLens(analyses, settings)),
    registerFillTemplate(),
    vscode.languages.registerHoverProvider(MARKDOWN, new StoryHover(analyses, settings)),
    vscode.languages.registerWorkspaceSymbolProvider(new StoryWorkspaceSymbols(index)),
    ...registerExplorerCommands(explorer, index),
    registerNewStory(context.extensionUri),
    ...registerRehearsalCommands(rehearsal, index, analyses, history, due),
    registerMockInterview(index, context.globalState),
    vscode.commands.registerCommand('starStories.lintWorkspace', async () => {
      const { files, stories, findings } = await lintWorkspace(analyses, diagnostics, settings);
      void vscode.window.showInformationMessage(`STAR Stories: ${stories} ${stories === 1 ? 'story' : 'stories'} in ${files} ${files === 1 ? 'file' : 'files'}, ${findings} ${findings === 1 ? 'problem' : 'problems'}.`);
      return { files, stories, findings };
    }),
  );
  // The first lint starts the analysis worker, and the index reads every Markdown file: both after
  // activation returns, in the background.
  setTimeout(() => {
    diagnostics.lintOpenDocuments();
    void index.build();
    void due.load().catch((error: unknown) => log.error(`rehearsal history: ${String(error)}`));
  }, 0);
  return { index, explorer, rehearsal, due, analyses, ...clock.stop() };
}

export function deactivate(): void {}
