// Diagnostics with the cadence people like: immediate on open and save, debounced while typing,
// stale results dropped, cleared on close, and only for documents that hold stories. Findings that did
// not change (opening or saving a file again) are not converted and sent to VS Code again.
import * as vscode from 'vscode';
import type { DocumentAnalyses } from './analyses';
import type { AnalysisResult } from './analysisProtocol';
import { toDiagnostic } from './convert';
import type { Settings } from './settings';
import { mapInTurns } from './turns';

const TYPING_DELAY_MS = 300;

export class StoryDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('starStories');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Per document, the key of the analysis whose findings are published. */
  private readonly published = new Map<string, string>();
  private readonly disposables: vscode.Disposable[] = [this.collection];

  constructor(private readonly analyses: DocumentAnalyses, private readonly settings: Settings) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.lint(d)),
      vscode.workspace.onDidSaveTextDocument((d) => this.lint(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.changed(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      settings.onDidChange(() => this.lintOpenDocuments()),
    );
  }

  lintOpenDocuments(): void {
    for (const d of vscode.workspace.textDocuments) this.lint(d);
  }

  private changed(document: vscode.TextDocument): void {
    if (document.languageId !== 'markdown' || this.settings.for(document.uri).run !== 'onType') return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    const version = document.version;
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      // A newer edit has its own timer; this one's result would already be stale.
      if (!document.isClosed && document.version === version) this.lint(document);
    }, TYPING_DELAY_MS));
  }

  lint(document: vscode.TextDocument): void {
    if (document.languageId !== 'markdown' || document.uri.scheme === 'git' || document.uri.scheme === 'output') return;
    const version = document.version;
    // Stale results are dropped: a newer version has its own analysis on the way; a closed document has none.
    const current = () => !document.isClosed && document.version === version;
    this.analyses.analysis(document).then(async (analysis) => {
      if (current()) await this.publish(document.uri, analysis, current);
    }, () => undefined);
  }

  /** Converts in slices (a file can have thousands of findings), then publishes if still `current`. */
  async publish(uri: vscode.Uri, { findings, key }: AnalysisResult, current = () => true): Promise<void> {
    if (this.published.get(uri.toString()) === key) return;
    const diagnostics = await mapInTurns(findings, toDiagnostic);
    if (!current()) return;
    this.collection.set(uri, diagnostics);
    this.published.set(uri.toString(), key);
  }

  private forget(uri: vscode.Uri): void {
    clearTimeout(this.timers.get(uri.toString()));
    this.timers.delete(uri.toString());
    // Every document that closes passes here; only those with published diagnostics have any to clear.
    if (this.published.delete(uri.toString())) this.collection.delete(uri);
  }

  dispose(): void {
    this.timers.forEach((t) => clearTimeout(t));
    this.disposables.forEach((d) => d.dispose());
  }
}
