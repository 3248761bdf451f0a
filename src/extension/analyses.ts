// One analysis per document version, shared by every feature (symbols, diagnostics, lens, tree, panel).
import * as vscode from 'vscode';
import { StoryAnalyser, type StoryDocument } from '../core/analyse';
import type { Settings } from './settings';

export class DocumentAnalyses implements vscode.Disposable {
  private readonly analysers = new Map<string, StoryAnalyser>();
  private readonly byUri = new Map<string, { version: number; lexicon: string; analysis: StoryDocument }>();
  private readonly subscription = vscode.workspace.onDidCloseTextDocument((d) => this.byUri.delete(d.uri.toString()));

  constructor(private readonly settings: Settings) {}

  /** Analyses text that is not open in an editor (Lint Workspace, the workspace index). */
  analyseText(text: string, uri: vscode.Uri): StoryDocument {
    return this.analyser(uri).analyser.analyse(text, vscode.workspace.asRelativePath(uri));
  }

  private analyser(uri: vscode.Uri): { analyser: StoryAnalyser; lexicon: string } {
    const lexicon = JSON.stringify(this.settings.for(uri).lexicon);
    let analyser = this.analysers.get(lexicon);
    if (!analyser) {
      analyser = new StoryAnalyser({ lexicon: JSON.parse(lexicon) });
      this.analysers.set(lexicon, analyser);
    }
    return { analyser, lexicon };
  }

  get(document: vscode.TextDocument): StoryDocument {
    const key = document.uri.toString();
    const { analyser, lexicon } = this.analyser(document.uri);
    const hit = this.byUri.get(key);
    if (hit && hit.version === document.version && hit.lexicon === lexicon) return hit.analysis;
    const analysis = analyser.analyse(document.getText(), vscode.workspace.asRelativePath(document.uri));
    this.byUri.set(key, { version: document.version, lexicon, analysis });
    return analysis;
  }

  dispose(): void {
    this.subscription.dispose();
    this.byUri.clear();
  }
}
