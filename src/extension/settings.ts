// The effective configuration for a document: defaults, then `starStories.*` settings, then the
// workspace's `.starstories.json` — the same layering the CLI uses, so both agree.
import * as vscode from 'vscode';
import { CONFIG_FILE, mergeConfig, readConfig, type StarConfig } from '../core/lint/config';

export class Settings implements vscode.Disposable {
  private readonly files = new Map<string, Partial<StarConfig>>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /**
   * Every workspace folder's `.starstories.json`, read once. Activation does not wait for it (a file
   * read goes through the host's file service, which can take seconds while a window opens):
   * `loadedFor` does.
   */
  private readonly loaded: Promise<void>;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE}`);
    const reload = (uri: vscode.Uri) => void this.readFile(uri).then(() => this.changed.fire());
    this.disposables.push(
      watcher,
      watcher.onDidCreate(reload),
      watcher.onDidChange(reload),
      watcher.onDidDelete((uri) => {
        this.files.delete(vscode.Uri.joinPath(uri, '..').toString());
        this.changed.fire();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('starStories')) this.changed.fire();
      }),
    );
    this.loaded = Promise.all((vscode.workspace.workspaceFolders ?? []).map((f) => this.readFile(vscode.Uri.joinPath(f.uri, CONFIG_FILE)))).then(() => undefined);
  }

  private async readFile(uri: vscode.Uri): Promise<void> {
    const folder = vscode.Uri.joinPath(uri, '..').toString();
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      const { config } = readConfig(JSON.parse(new TextDecoder().decode(bytes)));
      this.files.set(folder, config);
    } catch {
      // A missing file means defaults; a broken one is flagged by the JSON schema in the editor.
      this.files.delete(folder);
    }
  }

  /** The configuration for `uri` once the workspace's `.starstories.json` files have been read: what analyses use. */
  async loadedFor(uri: vscode.Uri | undefined): Promise<StarConfig> {
    await this.loaded;
    return this.for(uri);
  }

  for(uri: vscode.Uri | undefined): StarConfig {
    const s = vscode.workspace.getConfiguration('starStories', uri);
    const fromSettings: Partial<StarConfig> = {
      rules: s.get('rules'),
      wordsPerMinute: s.get('wordsPerMinute'),
      targetSeconds: s.get('targetSeconds'),
      lexicon: s.get('lexicon'),
      include: s.get('include'),
      exclude: s.get('exclude'),
      run: s.get('run'),
    };
    const folder = uri && vscode.workspace.getWorkspaceFolder(uri);
    const fromFile = folder ? this.files.get(folder.uri.toString()) : undefined;
    return mergeConfig(readConfig(JSON.parse(JSON.stringify(fromSettings))).config, fromFile ?? {});
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
