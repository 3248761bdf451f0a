// The Story Explorer: every story in the workspace, grouped by file or tag, with coverage on top.
import * as vscode from 'vscode';
import { buildStoryTree, type GroupBy, type TreeNode } from '../core/views/storyTree';
import { roleName } from '../core/stories/wording';
import type { BankedStory } from '../core/views/storyBank';
import { toRange } from './convert';
import type { Settings } from './settings';
import type { StoryIndex } from './storyIndex';
import { mapInTurns, sliced } from './turns';
import { describeDue, type RehearsalSchedule } from '../core/rehearsal/schedule';
import type { DueStories } from './due';

/** What Rehearse and Reveal receive: from the tree, a CodeLens or the command palette. */
export interface StoryTarget {
  uri: string;
  storyId: string;
}

type Node = TreeNode & Partial<StoryTarget> & { path?: string };

const GROUP_KEY = 'starStories.groupBy';
const PROBLEMS_KEY = 'starStories.problemsOnly';

export class StoryExplorer implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<Node>;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly index: StoryIndex,
    private readonly settings: Settings,
    private readonly state: vscode.Memento,
    private readonly due?: DueStories,
  ) {
    this.view = vscode.window.createTreeView('starStories.explorer', { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(this.view, index.onDidChange(() => this.refresh()));
    if (due) this.disposables.push(due.onDidChange(() => this.refresh()));
    void this.syncContext();
  }

  get groupBy(): GroupBy {
    return this.state.get<GroupBy>(GROUP_KEY, 'file');
  }

  get problemsOnly(): boolean {
    return this.state.get<boolean>(PROBLEMS_KEY, false);
  }

  async setGroupBy(groupBy: GroupBy): Promise<void> {
    await this.state.update(GROUP_KEY, groupBy);
    await this.syncContext();
    this.refresh();
  }

  async setProblemsOnly(on: boolean): Promise<void> {
    await this.state.update(PROBLEMS_KEY, on);
    await this.syncContext();
    this.refresh();
  }

  private async syncContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', GROUP_KEY, this.groupBy);
    await vscode.commands.executeCommand('setContext', PROBLEMS_KEY, this.problemsOnly);
  }

  refresh(): void {
    const problems = this.index.bank.all().reduce((n, b) => n + b.problems, 0);
    this.view.badge = problems ? { value: problems, tooltip: `${problems} story ${problems === 1 ? 'problem' : 'problems'}` } : undefined;
    this.view.message = this.problemsOnly && this.index.bank.all().every((b) => b.problems === 0) && this.index.bank.all().length
      ? 'No story has problems. Turn the filter off to see them all.'
      : undefined;
    this.changed.fire(undefined);
  }

  /** The top of the tree as it is now, for tests and for `getChildren`. */
  model(): Node[] {
    const wordsPerMinute = this.settings.for(undefined).wordsPerMinute;
    const now = Date.now();
    const isDue = this.due && ((b: BankedStory) => this.due!.isDue(b, now));
    return buildStoryTree(this.index.bank, { groupBy: this.groupBy, problemsOnly: this.problemsOnly, wordsPerMinute, isDue }).map((n) => this.withTarget(n, ''));
  }

  /**
   * Adds what Rehearse and Reveal need, and a path so a story shown in two groups gets two tree ids.
   * The node itself stays the prototype, so its children are still built only when read.
   */
  private withTarget(n: TreeNode, parent: string): Node {
    const path = `${parent}/${n.kind}:${n.label}`;
    if (n.kind === 'story' || n.kind === 'section') {
      const uri = this.index.uriOf(n.banked.file)?.toString() ?? '';
      return Object.assign(Object.create(n) as Node, { uri, storyId: n.banked.story.id, path });
    }
    return Object.assign(Object.create(n) as Node, { path });
  }

  /** One level at a time, as VS Code asks, a slice per turn: a file can hold thousands of stories. */
  getChildren(element?: Node): Promise<Node[]> {
    if (!element) return Promise.resolve(this.index.isReady ? this.model() : []);
    return mapInTurns(element.children, (n) => this.withTarget(n, element.path ?? ''));
  }

  /** VS Code asks for the items of all of a level's nodes at once: they come a slice per turn. */
  readonly getTreeItem = sliced((node: Node) => this.treeItem(node));

  private treeItem(node: Node): vscode.TreeItem {
    // Whether a node has children, without building them (they are built when it is expanded).
    const sections = node.kind === 'story' ? node.banked.story.sections.length : 0;
    const hasChildren = node.kind === 'story' ? sections > 0 : node.kind === 'competency' ? node.covered : node.kind !== 'section';
    const collapsible = !hasChildren
      ? vscode.TreeItemCollapsibleState.None
      : node.kind === 'group' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, collapsible);
    item.description = node.description;
    item.contextValue = node.kind;
    switch (node.kind) {
      case 'coverage':
        item.iconPath = new vscode.ThemeIcon('checklist');
        item.tooltip = 'Common interview competencies and the stories tagged for each. Tag a story with a line "Tags: leadership, conflict".';
        break;
      case 'competency':
        item.iconPath = node.covered ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')) : new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('disabledForeground'));
        break;
      case 'due':
        item.iconPath = new vscode.ThemeIcon('history');
        item.tooltip = 'Stories whose next rehearsal is due (spaced repetition: 1, 2, 4, 8, 16 days after good attempts).';
        break;
      case 'group':
        item.iconPath = this.groupBy === 'file' ? vscode.ThemeIcon.File : new vscode.ThemeIcon('tag');
        if (this.groupBy === 'file') item.resourceUri = this.index.uriOf(node.label);
        break;
      case 'story':
        item.id = `story:${node.path ?? ''}#${node.banked.file}#${node.banked.story.id}:${sections}`;
        item.iconPath = storyIcon(node.banked);
        item.command = { command: 'starStories.revealStory', title: 'Reveal', arguments: [{ uri: node.uri, storyId: node.storyId }] };
        break;
      case 'section': {
        const section = node.banked.story.sections[node.index];
        item.iconPath = new vscode.ThemeIcon('symbol-field');
        item.tooltip = section.label;
        const uri = this.index.uriOf(node.banked.file);
        if (uri) item.command = { command: 'vscode.open', title: 'Reveal', arguments: [uri, { selection: toRange(section.labelRange) }] };
        break;
      }
    }
    return item;
  }

  /** A story's tooltip when the mouse is over it: VS Code asks for the items of thousands at once. */
  resolveTreeItem(item: vscode.TreeItem, node: Node): vscode.TreeItem {
    if (node.kind === 'story') item.tooltip = storyTooltip(node.banked, this.due?.schedule(node.banked));
    return item;
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

// Shared by every story item (a file can have thousands).
const ICONS = {
  problems: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  complete: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')),
  incomplete: new vscode.ThemeIcon('circle-large-outline'),
};

function storyIcon(b: BankedStory): vscode.ThemeIcon {
  if (b.problems > 0) return ICONS.problems;
  if (b.complete === b.required) return ICONS.complete;
  return ICONS.incomplete;
}

function storyTooltip(b: BankedStory, schedule: RehearsalSchedule | undefined): vscode.MarkdownString {
  const md = new vscode.MarkdownString(`**${b.story.title}** · ${b.story.framework}\n\n`);
  md.appendMarkdown(b.story.sections.map((s) => `- ${roleName(s.role)}: ${s.words} words`).join('\n'));
  if (b.story.tags.length) md.appendMarkdown(`\n\nTags: ${b.story.tags.join(', ')}`);
  if (b.problems) md.appendMarkdown(`\n\n$(warning) ${b.problems} ${b.problems === 1 ? 'problem' : 'problems'}`);
  md.appendMarkdown(`\n\n$(history) Rehearsal: ${describeDue(schedule)}`);
  md.supportThemeIcons = true;
  return md;
}

/** Plain text of a story, for pasting into notes or an email to a coach. */
export function storyAsText(b: BankedStory): string {
  return [b.story.title, '', ...b.story.sections.flatMap((s) => [`${roleName(s.role)}: ${s.text}`, ''])].join('\n').trim();
}
