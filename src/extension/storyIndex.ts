// The workspace index: every story in the workspace's Markdown files, built in the background after
// activation, kept current by a file watcher and by edits to open documents (one file at a time).
import * as vscode from 'vscode';
import { bankStory, problemCounter, StoryBank } from '../core/views/storyBank';
import type { DocumentAnalyses } from './analyses';
import type { AnalysisResult } from './analysisProtocol';
import type { Settings } from './settings';
import { mapInTurns } from './turns';

const EDIT_DELAY_MS = 300;

export class StoryIndex implements vscode.Disposable {
  readonly bank = new StoryBank();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly uris = new Map<string, vscode.Uri>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Per file, the analysis being banked: an older one that finishes later is dropped. */
  private readonly banking = new Map<string, AnalysisResult>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private building: Promise<void> | undefined;
  private ready = false;

  constructor(private readonly analyses: DocumentAnalyses, private readonly settings: Settings) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.md');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => void this.refreshFile(uri)),
      watcher.onDidChange((uri) => void this.refreshFile(uri)),
      watcher.onDidDelete((uri) => this.remove(uri)),
      vscode.workspace.onDidChangeTextDocument((e) => this.edited(e.document)),
      vscode.workspace.onDidOpenTextDocument((d) => void this.fromDocument(d)),
      settings.onDidChange(() => void this.rebuild()),
    );
  }

  get isReady(): boolean {
    return this.ready;
  }

  uriOf(file: string): vscode.Uri | undefined {
    return this.uris.get(file);
  }

  /** Builds the index once; later callers wait for the same build. */
  build(): Promise<void> {
    this.building ??= this.scan();
    return this.building;
  }

  rebuild(): Promise<void> {
    this.bank.clear();
    this.banking.clear();
    this.uris.clear();
    this.building = this.scan();
    return this.building;
  }

  private async scan(): Promise<void> {
    const uris = await this.settings.storyFiles();
    for (const uri of uris) await this.refreshFile(uri, false);
    this.ready = true;
    this.changed.fire();
  }

  private key(uri: vscode.Uri): string {
    return vscode.workspace.asRelativePath(uri);
  }

  private async refreshFile(uri: vscode.Uri, notify = true): Promise<void> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return this.fromDocument(open, notify);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      if (this.remove(uri, false) && notify) this.changed.fire();
      return; // unreadable, binary or not UTF-8: not a story file
    }
    await this.store(uri, await this.analyses.analyseText(text, uri), notify);
  }

  private async fromDocument(document: vscode.TextDocument, notify = true): Promise<void> {
    if (document.languageId !== 'markdown' || document.uri.scheme !== 'file') return;
    await this.store(document.uri, await this.analyses.analysis(document), notify);
  }

  /** Banks the stories a slice per turn (a file can hold thousands), then tells the tree and status bar. */
  private async store(uri: vscode.Uri, analysis: AnalysisResult, notify: boolean): Promise<void> {
    const { wordsPerMinute } = this.settings.for(uri);
    const file = this.key(uri);
    this.uris.set(file, uri);
    if (this.bank.unchanged(file, analysis.key, analysis.stories.length, wordsPerMinute)) return;
    this.banking.set(file, analysis);
    const problems = problemCounter(analysis.findings);
    const banked = await mapInTurns(analysis.stories, (story) => bankStory(file, story, problems(story), wordsPerMinute));
    if (this.banking.get(file) !== analysis) return;
    this.banking.delete(file);
    this.bank.put(file, banked, analysis.key, wordsPerMinute);
    if (notify) this.changed.fire();
  }

  private edited(document: vscode.TextDocument): void {
    if (document.languageId !== 'markdown' || document.uri.scheme !== 'file') return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      if (!document.isClosed) void this.fromDocument(document);
    }, EDIT_DELAY_MS));
  }

  private remove(uri: vscode.Uri, notify = true): boolean {
    const key = this.key(uri);
    this.uris.delete(key);
    this.banking.delete(key);
    const removed = this.bank.delete(key);
    if (removed && notify) this.changed.fire();
    return removed;
  }

  dispose(): void {
    this.timers.forEach((t) => clearTimeout(t));
    this.disposables.forEach((d) => d.dispose());
  }
}
