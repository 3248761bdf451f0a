// The rehearsal panel's host side: one webview panel beside the editor, reused for the next story. It
// asks the analysis worker for what the webview shows (rendered there), answers the webview's messages (each checked
// with the protocol's validators; anything else is ignored), records attempts in the history and sends
// back the report. It follows edits to the story and reopens after a window reload (serializer).
import * as vscode from 'vscode';
import { summariseAttempt } from '../core/rehearsal/attempt';
import { describeDue } from '../core/rehearsal/schedule';
import type { RehearsalHistory } from './history';
import { newNonce, webviewHtml } from './html';
import { isWebviewMessage, panelRefOf, type AttemptDraft, type ControlAction, type HostMessage, type PanelRef, type WebviewMessage } from './protocol';
import { attemptFromDraft, attemptView } from './attempts';
import type { BuiltStoryView } from './storyView';

export const REHEARSAL_VIEW_TYPE = 'starStories.rehearsal';
const EDIT_DELAY_MS = 300;

/** What the panel needs of the analysis, given by the extension (src/extension/rehearsalStories.ts). */
export interface RehearsalStories {
  /** The view of the story `ref` names in `document`, as the webview shows it; undefined when it is gone. */
  storyView(document: vscode.TextDocument, ref: PanelRef): Promise<BuiltStoryView | undefined>;
  /** Where the label of section `index` of story `storyId` stands in `document`. */
  sectionLabel(document: vscode.TextDocument, storyId: string, index: number): Promise<vscode.Range | undefined>;
}

interface OpenStory extends BuiltStoryView {
  ref: PanelRef;
  uri: vscode.Uri;
}

export class RehearsalPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private story: OpenStory | undefined;
  private ready = false;
  private editTimer: NodeJS.Timeout | undefined;
  private readonly received = new vscode.EventEmitter<WebviewMessage>();
  /** Every valid message from the webview, after the panel has acted on it (tests wait on this). */
  readonly onDidReceiveMessage = this.received.event;
  private readonly posted = new vscode.EventEmitter<HostMessage>();
  /** Every message sent to the webview. */
  readonly onDidPostMessage = this.posted.event;
  private readonly disposables: vscode.Disposable[] = [this.received, this.posted];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly stories: RehearsalStories,
    readonly history: RehearsalHistory,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(REHEARSAL_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state) => {
          this.adopt(panel);
          const ref = panelRefOf(state);
          if (!ref || !(await this.show(ref))) panel.dispose();
        },
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (!this.story || e.document.uri.toString() !== this.story.uri.toString()) return;
        clearTimeout(this.editTimer);
        this.editTimer = setTimeout(() => void this.refresh(), EDIT_DELAY_MS);
      }),
    );
  }

  /** The story on screen, by its history key. */
  get storyKey(): string | undefined {
    return this.story?.view.key;
  }

  get visible(): boolean {
    return this.panel?.visible ?? false;
  }

  /** Opens (or reuses) the panel for a story. Resolves false, with a warning, when the story is gone. */
  async open(ref: PanelRef): Promise<boolean> {
    const shown = await this.show(ref);
    if (!shown) void vscode.window.showWarningMessage('STAR Stories: that story is no longer in its file.');
    return shown;
  }

  private async show(ref: PanelRef): Promise<boolean> {
    const built = await this.build(ref);
    if (!built) return false;
    this.story = built;
    if (!this.panel) {
      this.adopt(
        vscode.window.createWebviewPanel(REHEARSAL_VIEW_TYPE, '', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, this.options()),
      );
    } else {
      this.panel.reveal(undefined, false);
    }
    this.panel!.title = `Rehearse: ${built.view.title}`;
    if (this.ready) await this.postStory('open');
    return true;
  }

  private options(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return { enableScripts: true, enableForms: false, localResourceRoots: [this.media], enableFindWidget: false };
  }

  private get media(): vscode.Uri {
    return vscode.Uri.joinPath(this.extensionUri, 'dist', 'media');
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.ready = false;
    panel.iconPath = new vscode.ThemeIcon('play-circle');
    panel.webview.options = this.options();
    const webview = panel.webview;
    webview.html = webviewHtml({
      cspSource: webview.cspSource,
      nonce: newNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.media, 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.media, 'rehearsal.css')).toString(),
    });
    const subscriptions = [
      webview.onDidReceiveMessage((message) => void this.receive(message)),
      panel.onDidChangeViewState(() => {
        // A hidden webview is torn down; it says `ready` again when shown and gets the story back.
        if (!panel.visible) this.ready = false;
      }),
    ];
    panel.onDidDispose(() => {
      subscriptions.forEach((s) => s.dispose());
      if (this.panel === panel) {
        this.panel = undefined;
        this.story = undefined;
        this.ready = false;
      }
    });
  }

  private async build(ref: PanelRef): Promise<OpenStory | undefined> {
    const uri = vscode.Uri.parse(ref.uri);
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(uri);
    } catch {
      return undefined;
    }
    const built = await this.stories.storyView(document, ref);
    return built && { ...built, ref, uri };
  }

  /** After an edit: the same story again, its panel updated in place. */
  private async refresh(): Promise<void> {
    if (!this.story) return;
    const built = await this.build(this.story.ref);
    if (!built) return; // the title changed or the story was removed: keep showing the last version
    this.story = built;
    if (this.ready) await this.postStory('edit');
  }

  private async postStory(reason: 'open' | 'edit'): Promise<void> {
    const story = this.story;
    if (!story) return;
    const past = await this.history.story(story.view.key);
    await this.post({
      type: 'story',
      reason,
      ref: story.ref,
      story: story.view,
      history: (past?.attempts ?? []).map(attemptView),
      due: describeDue(past?.schedule),
    });
  }

  private async post(message: HostMessage): Promise<void> {
    if (!this.panel) return;
    await this.panel.webview.postMessage(message);
    this.posted.fire(message);
  }

  /** Drives the panel as its keys do (Space, ←, R, Esc). */
  control(action: ControlAction): Promise<void> {
    return this.post({ type: 'control', action });
  }

  private async receive(message: unknown): Promise<void> {
    if (!isWebviewMessage(message)) {
      this.log.warn(`rehearsal panel: ignored a message that is not in the protocol: ${JSON.stringify(message)?.slice(0, 200)}`);
      return;
    }
    try {
      switch (message.type) {
        case 'ready':
          this.ready = true;
          await this.postStory('open');
          break;
        case 'attempt':
          try {
            await this.recordAttempt(message.attempt);
          } catch (error) {
            await this.post({ type: 'error', message: `The attempt could not be saved: ${error instanceof Error ? error.message : String(error)}` });
            throw error;
          }
          break;
        case 'exportHistory':
          await vscode.commands.executeCommand('starStories.exportRehearsalHistory');
          break;
        case 'reveal':
          await this.revealSection(message.section);
          break;
        case 'rendered':
          break;
      }
    } catch (error) {
      this.log.error(`rehearsal panel: ${message.type} failed: ${error instanceof Error ? error.message : String(error)}`);
      void vscode.window.showErrorMessage(`STAR Stories: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.received.fire(message);
  }

  private async recordAttempt(draft: AttemptDraft): Promise<void> {
    const story = this.story;
    if (!story || draft.storyKey !== story.view.key) return; // an attempt for a story no longer on screen
    const { view, script } = story;
    const attempt = attemptFromDraft(draft, { key: view.key, title: view.title, file: view.file, target: view.target, question: view.question });
    const entry = await this.history.record(attempt);
    const summary = summariseAttempt(attempt, { markdown: script.map((s) => s.markdown), wordsPerMinute: view.wordsPerMinute });
    await this.post({
      type: 'report',
      attempt: attemptView(attempt),
      report: {
        grade: summary.grade,
        rows: summary.rows.map((r) => ({ name: r.name, seconds: r.seconds, target: r.targetSeconds, status: r.status })),
        headline: summary.headline,
        tips: summary.tips,
        due: describeDue(entry.schedule),
      },
      history: entry.attempts.map(attemptView),
    });
  }

  private async revealSection(index: number): Promise<void> {
    const story = this.story;
    if (!story) return;
    const document = await vscode.workspace.openTextDocument(story.uri);
    const label = await this.stories.sectionLabel(document, story.ref.storyId, index);
    if (!label) return;
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, selection: label, preserveFocus: true });
  }

  dispose(): void {
    clearTimeout(this.editTimer);
    this.panel?.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}
