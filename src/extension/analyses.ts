// One analysis per document version, shared by every feature (symbols, diagnostics, lens, tree, panel).
// The analysis runs in a worker thread (analysisClient.ts), so the extension host never parses.
import * as vscode from 'vscode';
import { AnalysisClient, type AnalysisResult } from './analysisClient';
import type { Settings } from './settings';

export class DocumentAnalyses implements vscode.Disposable {
  readonly client: AnalysisClient;
  private readonly byUri = new Map<string, { version: number; settings: string; result: Promise<AnalysisResult> }>();
  private readonly subscription = vscode.workspace.onDidCloseTextDocument((d) => this.byUri.delete(d.uri.toString()));

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
    const entry = {
      version: document.version,
      settings,
      result: this.client.analyse(vscode.workspace.asRelativePath(document.uri), document.getText(), config),
    };
    // A failed analysis is not cached: the next request tries again.
    entry.result.catch(() => this.byUri.get(key) === entry && this.byUri.delete(key));
    this.byUri.set(key, entry);
    return entry.result;
  }

  dispose(): void {
    this.subscription.dispose();
    this.byUri.clear();
    this.client.dispose();
  }
}
