// One analysis per document version, shared by every feature (symbols, diagnostics, lens, tree, panel),
// and the questions that only some features ask (fixes, metric hovers, the rehearsal view). All of it
// runs in a worker thread (analysisClient.ts), so the extension host never parses; each caller gets
// its answer in a turn of the event loop of its own (turns.ts), so the features that wait for the same
// analysis of a large file do not run back to back in one long task.
import * as vscode from 'vscode';
import { AnalysisClient } from './analysisClient';
import type { AnalysisResult, Answers, DocumentText, Question } from './analysisProtocol';
import type { Settings } from './settings';
import { nextTurn } from './turns';

async function inTurnOfItsOwn<T>(answer: Promise<T>): Promise<T> {
  const value = await answer;
  await nextTurn();
  return value;
}

export class DocumentAnalyses implements vscode.Disposable {
  readonly client: AnalysisClient;
  private readonly byUri = new Map<string, { version: number; settings: string; result: Promise<AnalysisResult> }>();
  private readonly subscription = vscode.workspace.onDidCloseTextDocument((d) => this.byUri.delete(d.uri.toString()));

  constructor(private readonly settings: Settings, client?: AnalysisClient) {
    this.client = client ?? new AnalysisClient();
  }

  private async textOf(text: string, uri: vscode.Uri): Promise<DocumentText> {
    return { fileName: vscode.workspace.asRelativePath(uri), text, config: await this.settings.loadedFor(uri) };
  }

  /** Analyses text that is not open in an editor (Lint Workspace, the workspace index). */
  async analyseText(text: string, uri: vscode.Uri): Promise<AnalysisResult> {
    return inTurnOfItsOwn(this.client.analyse(await this.textOf(text, uri)));
  }

  /** The analysis of the document's current version, with its findings under the current settings. */
  async analysis(document: vscode.TextDocument): Promise<AnalysisResult> {
    const config = await this.settings.loadedFor(document.uri);
    const key = document.uri.toString();
    const settings = JSON.stringify(config);
    const hit = this.byUri.get(key);
    if (hit && hit.version === document.version && hit.settings === settings) return inTurnOfItsOwn(hit.result);
    const entry = {
      version: document.version,
      settings,
      result: this.client.analyse({ fileName: vscode.workspace.asRelativePath(document.uri), text: document.getText(), config }),
    };
    // A failed analysis is not cached: the next request tries again.
    entry.result.catch(() => this.byUri.get(key) === entry && this.byUri.delete(key));
    this.byUri.set(key, entry);
    return inTurnOfItsOwn(entry.result);
  }

  /** A question about the document's current text that the stories and findings do not answer. */
  async ask<Q extends Exclude<Question, { kind: 'analysis' }>>(document: vscode.TextDocument, question: Q): Promise<Answers[Q['kind']]> {
    return this.client.ask(await this.textOf(document.getText(), document.uri), question);
  }

  dispose(): void {
    this.subscription.dispose();
    this.byUri.clear();
    this.client.dispose();
  }
}
