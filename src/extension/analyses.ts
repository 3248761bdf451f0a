// One analysis per document version, shared by every feature (symbols, diagnostics, lens, tree, panel).
// The analysis runs in a worker thread (analysisClient.ts), so the extension host never parses.
import * as vscode from 'vscode';
import type { StoryDocument } from '../core/analyse';
import { LineIndex } from '../core/lines';
import { AnalysisClient, type AnalysisResult } from './analysisClient';
import type { Settings } from './settings';

function emptyDocument(document: vscode.TextDocument): StoryDocument {
  return {
    fileName: vscode.workspace.asRelativePath(document.uri),
    lines: new LineIndex(document.getText()),
    stories: [],
    facts: { bodyStart: 0, headings: [], labels: [], questions: [], meta: [], comments: [], prose: [], code: [] },
  };
}

export class DocumentAnalyses implements vscode.Disposable {
  readonly client: AnalysisClient;
  private readonly byUri = new Map<string, { version: number; settings: string; result: Promise<AnalysisResult>; settled?: AnalysisResult }>();
  /** The latest finished analysis of each open document, whatever its version. */
  private readonly latest = new Map<string, AnalysisResult>();
  private readonly subscription = vscode.workspace.onDidCloseTextDocument((d) => {
    this.byUri.delete(d.uri.toString());
    this.latest.delete(d.uri.toString());
  });

  constructor(private readonly settings: Settings, client?: AnalysisClient) {
    this.client = client ?? new AnalysisClient();
  }

  /** Analyses text that is not open in an editor (Lint Workspace, the workspace index). */
  analyseText(text: string, uri: vscode.Uri): Promise<AnalysisResult> {
    return this.client.analyse(vscode.workspace.asRelativePath(uri), text, this.settings.for(uri));
  }

  /** The analysis of the document's current version, with its findings under the current settings. */
  analysis(document: vscode.TextDocument): Promise<AnalysisResult> {
    const key = document.uri.toString();
    const config = this.settings.for(document.uri);
    const settings = JSON.stringify(config);
    const hit = this.byUri.get(key);
    if (hit && hit.version === document.version && hit.settings === settings) return hit.result;
    const entry: { version: number; settings: string; result: Promise<AnalysisResult>; settled?: AnalysisResult } = {
      version: document.version,
      settings,
      result: this.client.analyse(vscode.workspace.asRelativePath(document.uri), document.getText(), config),
    };
    entry.result.then(
      (r) => {
        entry.settled = r;
        if (this.byUri.get(key) === entry) this.latest.set(key, r);
      },
      () => this.byUri.get(key) === entry && this.byUri.delete(key),
    );
    this.byUri.set(key, entry);
    return entry.result;
  }

  /**
   * The latest analysis that has finished for this document, without waiting: it may be one edit
   * behind, and is empty before the first analysis finishes. Prefer `await analysis(document)`.
   */
  get(document: vscode.TextDocument): StoryDocument {
    void this.analysis(document);
    return this.latest.get(document.uri.toString())?.document ?? emptyDocument(document);
  }

  dispose(): void {
    this.subscription.dispose();
    this.byUri.clear();
    this.latest.clear();
    this.client.dispose();
  }
}
