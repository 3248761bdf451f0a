// One analysis per document version, shared by every feature (symbols, diagnostics, lens, tree, panel).
import * as vscode from 'vscode';
import { StoryAnalyser, type StoryDocument } from '../core/analyse';

export class DocumentAnalyses implements vscode.Disposable {
  private analyser = new StoryAnalyser();
  private readonly byUri = new Map<string, { version: number; analysis: StoryDocument }>();
  private readonly subscription = vscode.workspace.onDidCloseTextDocument((d) => this.byUri.delete(d.uri.toString()));

  get(document: vscode.TextDocument): StoryDocument {
    const key = document.uri.toString();
    const hit = this.byUri.get(key);
    if (hit && hit.version === document.version) return hit.analysis;
    const analysis = this.analyser.analyse(document.getText(), vscode.workspace.asRelativePath(document.uri));
    this.byUri.set(key, { version: document.version, analysis });
    return analysis;
  }

  dispose(): void {
    this.subscription.dispose();
    this.byUri.clear();
  }
}
