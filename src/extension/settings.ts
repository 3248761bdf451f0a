// The effective configuration for a document: defaults, then `starStories.*` settings (per workspace
// folder), then the `.starstories.json` files from its workspace folder's root down to its own folder —
// the same layering the CLI uses, so both agree.
import * as vscode from 'vscode';
import { mergeConfig, readConfig, type StarConfig } from '../core/lint/config';
import { CONFIG_FILES, configFolders, readConfigText } from '../core/lint/configLayers';

const CONFIG_GLOB = `**/{${CONFIG_FILES.join(',')}}`;

export class Settings implements vscode.Disposable {
  /** Each configuration file read, by its URI. */
  private readonly files = new Map<string, Partial<StarConfig>>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /**
   * Every configuration file in the workspace, read once. Activation does not wait for it (a file read
   * goes through the host's file service, which can take seconds while a window opens): `loadedFor` does.
   */
  private readonly loaded: Promise<void>;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(CONFIG_GLOB);
    const reload = (uri: vscode.Uri) => void this.readFile(uri).then(() => this.changed.fire());
    this.disposables.push(
      watcher,
      watcher.onDidCreate(reload),
      watcher.onDidChange(reload),
      watcher.onDidDelete((uri) => {
        this.files.delete(uri.toString());
        this.changed.fire();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('starStories')) this.changed.fire();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.changed.fire()),
    );
    this.loaded = Promise.resolve(vscode.workspace.findFiles(CONFIG_GLOB, '**/{node_modules,.git}/**'))
      .then((uris) => Promise.all(uris.map((uri) => this.readFile(uri))))
      .then(() => undefined, () => undefined);
  }

  private async readFile(uri: vscode.Uri): Promise<void> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      const nested = !folder || vscode.Uri.joinPath(uri, '..').toString() !== folder.uri.toString();
      const { config, error } = readConfigText(text, nested);
      // A broken file counts as absent; the JSON schema flags it in the editor.
      if (error) this.files.delete(uri.toString());
      else this.files.set(uri.toString(), config);
    } catch {
      this.files.delete(uri.toString());
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
    return mergeConfig(readConfig(JSON.parse(JSON.stringify(fromSettings))).config, ...this.fileLayers(uri));
  }

  /** The configuration files that apply to `uri`, outermost first: one per folder, the first of CONFIG_FILES it holds. */
  private fileLayers(uri: vscode.Uri | undefined): Partial<StarConfig>[] {
    const folder = uri && vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return [];
    // A folder's own configuration applies to a URI of the folder itself, as to the files in it.
    const path = uri.path === folder.uri.path ? `${uri.path}/_` : uri.path;
    return configFolders(folder.uri.path, path).flatMap((dir) => {
      const layer = CONFIG_FILES.map((name) => this.files.get(uri.with({ path: `${dir}/${name}` }).toString())).find((l) => l !== undefined);
      return layer ? [layer] : [];
    });
  }

  /** Every story file of every workspace folder, each folder by its own `include` and `exclude`. */
  async storyFiles(): Promise<vscode.Uri[]> {
    const found = await Promise.all((vscode.workspace.workspaceFolders ?? []).map(async (folder) => {
      const { include, exclude } = await this.loadedFor(folder.uri);
      if (!include.length) return [];
      const globs = (list: string[]) => (list.length === 1 ? list[0] : `{${list.join(',')}}`);
      return vscode.workspace.findFiles(new vscode.RelativePattern(folder, globs(include)), exclude.length ? new vscode.RelativePattern(folder, globs(exclude)) : undefined);
    }));
    return found.flat();
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
