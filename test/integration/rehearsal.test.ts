// The rehearsal panel in a real extension host: the command opens the webview for the story it is
// given, the webview (its real script, under its real CSP) reports what it rendered over the message
// protocol, an attempt driven through the panel lands in the history file, and the file is handled
// safely when corrupt.
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { StarStoriesApi } from '../../src/extension/extension';
import { RehearsalHistory } from '../../src/rehearsal/history';
import type { HostMessage, WebviewMessage } from '../../src/rehearsal/protocol';
import { closeAllEditors, expectedStories, openInEditor, runTakingFirstPick, starStories, until, workspaceFile } from './helpers';

const seed = '001_0100f59d336e01c0.md';
const firstStory = 'Story 1: Handling NetSuite Timeout Issues';

/** Resolves with the first message that matches, from the webview (`received`) or to it (`posted`). */
function nextMessage<T extends WebviewMessage | HostMessage>(event: vscode.Event<T>, matches: (m: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const subscription = event((m) => {
      if (!matches(m)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(m);
    });
  });
}

type Rendered = Extract<WebviewMessage, { type: 'rendered' }>;

describe('rehearsal panel', () => {
  let api: StarStoriesApi;
  let lensArgument: { uri: string; storyId: string };

  const rendered = (matches: (m: Rendered) => boolean, what: string) =>
    nextMessage(api.rehearsal.onDidReceiveMessage, (m) => m.type === 'rendered' && matches(m), what) as Promise<Rendered>;

  /** Opens the panel on the first story of the seed, as its CodeLens does, and waits until the webview shows it. */
  async function openFirstStory(): Promise<Rendered> {
    const shown = rendered((m) => m.storyKey === lensArgument.storyId && m.screen === 'rehearse' && m.section === -1, 'the webview to render the story');
    assert.equal(await vscode.commands.executeCommand('starStories.rehearse', lensArgument), true);
    return shown;
  }

  /** Drives one whole attempt through the webview (Space at each section, then once more to finish). */
  async function rehearseToTheEnd(sections: number): Promise<Extract<WebviewMessage, { type: 'attempt' }>> {
    for (let i = 0; i < sections; i++) {
      const moved = rendered((m) => m.section === i, `section ${i} to start`);
      await api.rehearsal.control('next');
      await moved;
    }
    const attempt = nextMessage(api.rehearsal.onDidReceiveMessage, (m) => m.type === 'attempt', 'the webview to send its attempt');
    const report = rendered((m) => m.screen === 'report', 'the report to be shown');
    await api.rehearsal.control('next');
    const sent = (await attempt) as Extract<WebviewMessage, { type: 'attempt' }>;
    await report;
    return sent;
  }

  before(async () => {
    api = (await starStories().activate()) as StarStoriesApi;
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', workspaceFile(seed));
    const lens = lenses.find((l) => l.command?.command === 'starStories.rehearse' && (l.command.arguments?.[0] as { storyId: string }).storyId.includes('story-1-'));
    assert.ok(lens?.command?.arguments, `a Rehearse CodeLens over "${firstStory}"`);
    lensArgument = lens.command.arguments[0] as { uri: string; storyId: string };
  });

  afterEach(closeAllEditors);

  it('opens a webview panel beside the editor for the CodeLens story, and the webview renders its four sections', async () => {
    const shown = await openFirstStory();
    assert.deepEqual(shown.sections, ['Situation', 'Task', 'Action', 'Result']);
    assert.equal(shown.mode, 'full');
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
    assert.deepEqual(tabs.map((t) => t.label), [`Rehearse: ${firstStory}`]);
  });

  it('opens the story under the cursor first when run from the palette without a story', async () => {
    const third = expectedStories(seed)[2];
    const editor = await openInEditor(seed);
    const inside = new vscode.Position(third.line + 2, 0);
    editor.selection = new vscode.Selection(inside, inside);
    await until(() => api.index.isReady, 'the story index', 20_000, [api.index.onDidChange]);
    const id = api.index.bank.all().find((b) => b.file === seed && b.story.title === third.title)?.story.id;
    assert.ok(id, `the index knows "${third.title}"`);
    const shown = rendered((m) => m.storyKey === id, 'the story under the cursor to render');
    assert.equal(await runTakingFirstPick<boolean>('starStories.rehearse'), true);
    await shown;
    assert.equal(api.rehearsal.storyKey, id);
  });

  it('opens a story of the bank with Rehearse Random Story', async () => {
    await until(() => api.index.isReady, 'the story index', 20_000, [api.index.onDidChange]);
    const ids = new Set(api.index.bank.all().map((b) => b.story.id));
    const shown = rendered((m) => ids.has(m.storyKey), 'a story of the bank to render');
    assert.equal(await vscode.commands.executeCommand('starStories.rehearseRandom'), true);
    await shown;
    assert.ok(ids.has(api.rehearsal.storyKey ?? ''), `${api.rehearsal.storyKey} is a story of the bank`);
  });

  it('reuses the one panel for the next story, picked from the Story Explorer', async () => {
    await openFirstStory();
    await until(() => api.index.isReady, 'the story index', 20_000, [api.index.onDidChange]);
    const group = api.explorer.model().find((n) => n.kind === 'group' && n.label === '002_63ba985466591da0.md');
    // The node as VS Code gets it from the tree, with the file and story it stands for.
    const node = group && (await api.explorer.getChildren(group))[0];
    assert.ok(node && node.kind === 'story', 'a story node in the Story Explorer');
    const shown = rendered((m) => m.storyKey === node.banked.story.id, 'the second story to render');
    assert.equal(await vscode.commands.executeCommand('starStories.rehearse', node), true);
    await shown;
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
    assert.deepEqual(tabs.map((t) => t.label), [`Rehearse: ${node.banked.story.title}`], 'one panel, retitled');
  });

  it('records an attempt driven through the webview in the history file, atomically, and sends back the report', async () => {
    const before = (await new RehearsalHistory(dirname(api.rehearsal.history.file)).attempts(lensArgument.storyId)).length;
    await openFirstStory();
    const report = nextMessage(api.rehearsal.onDidPostMessage, (m) => m.type === 'report', 'the host to answer with a report');
    const { attempt } = await rehearseToTheEnd(4);
    assert.equal(attempt.completed, true);
    assert.deepEqual(attempt.sections.map((s) => s.role), ['situation', 'task', 'action', 'result']);
    const answer = (await report) as Extract<HostMessage, { type: 'report' }>;
    assert.deepEqual(answer.report.rows.map((r) => r.name), ['Situation', 'Task', 'Action', 'Result']);
    assert.match(answer.report.headline, /well under the 2m30s target|On time/);
    assert.equal(answer.report.due, 'next tomorrow', 'a first good attempt is due again in one day');

    const folder = dirname(api.rehearsal.history.file);
    assert.deepEqual(readdirSync(folder).filter((n) => n.startsWith('rehearsal-history')), ['rehearsal-history.json'], 'no temp or lock file left behind');
    const reread = new RehearsalHistory(folder);
    const attempts = await reread.attempts(lensArgument.storyId);
    assert.equal(attempts.length, before + 1);
    assert.equal(attempts.at(-1)?.storyTitle, firstStory);
  });

  it('moves a corrupt history file aside and starts a fresh one', async () => {
    const file = api.rehearsal.history.file;
    writeFileSync(file, '{"version":1,"stories":{ this is not JSON');
    api.rehearsal.history.reload();
    await openFirstStory();
    await rehearseToTheEnd(4);
    const folder = dirname(file);
    const aside = readdirSync(folder).filter((n) => n.startsWith('rehearsal-history.corrupt-'));
    assert.equal(aside.length, 1, `the corrupt file is kept aside: ${readdirSync(folder).join(', ')}`);
    assert.equal(readFileSync(join(folder, aside[0]), 'utf8'), '{"version":1,"stories":{ this is not JSON');
    const fresh = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(Object.keys(fresh.stories).length, 1);
    assert.equal(fresh.stories[lensArgument.storyId].attempts.length, 1);
  });

  it('tells the webview when an attempt cannot be saved, and the panel starts afresh', async () => {
    const lock = join(dirname(api.rehearsal.history.file), 'rehearsal-history.json.lock');
    writeFileSync(lock, 'another window'); // a live lock that never goes away: the write gives up after 5 s
    try {
      await openFirstStory();
      for (let i = 0; i < 4; i++) {
        const moved = rendered((m) => m.section === i, `section ${i} to start`);
        await api.rehearsal.control('next');
        await moved;
      }
      const failed = nextMessage(api.rehearsal.onDidPostMessage, (m) => m.type === 'error', 'the host to report the failed save');
      const reset = rendered((m) => m.screen === 'rehearse' && m.section === -1, 'the webview to start afresh');
      await api.rehearsal.control('next');
      const error = (await failed) as Extract<HostMessage, { type: 'error' }>;
      assert.match(error.message, /could not be saved: .*locked by another window/);
      await reset;
    } finally {
      rmSync(lock, { force: true });
    }
  });

  it('updates the open panel when the story is edited', async () => {
    await openFirstStory();
    const document = await vscode.workspace.openTextDocument(workspaceFile(seed));
    const line = document.getText().split('\n').findIndex((l) => l.includes('Accounting team no longer needs manual retries'));
    assert.ok(line > 0, 'the Result line to edit');
    const updated = nextMessage(api.rehearsal.onDidPostMessage, (m) => m.type === 'story' && m.reason === 'edit', 'the edited story to reach the panel');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(line + 1, 0), '- **Morale**: the on-call pager went quiet for 6 weeks\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      const message = (await updated) as Extract<HostMessage, { type: 'story' }>;
      assert.match(message.story.sections[3].html, /the on-call pager went quiet for 6 weeks/);
    } finally {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('exports the history as CSV', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'star-export-'));
    try {
      const target = vscode.Uri.file(join(dir, 'history.csv'));
      const written = await vscode.commands.executeCommand<vscode.Uri>('starStories.exportRehearsalHistory', target);
      assert.equal(written?.fsPath, target.fsPath);
      assert.ok(existsSync(target.fsPath));
      const rows = readFileSync(target.fsPath, 'utf8').trim().split('\r\n');
      assert.match(rows[0], /^story,file,date,mode,completed,total_seconds/);
      assert.ok(rows.slice(1).some((r) => r.startsWith(`${firstStory},`)), rows.join('\n'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('puts a story that ran well over target into the Due group of the Story Explorer', async () => {
    await until(() => api.index.isReady, 'the story index', 20_000, [api.index.onDidChange]);
    const story = api.index.bank.all()[0];
    const changed = new Promise<void>((resolve) => {
      const s = api.due.onDidChange(() => {
        s.dispose();
        resolve();
      });
    });
    await api.rehearsal.history.record({
      storyKey: story.story.id,
      storyTitle: story.story.title,
      file: story.file,
      at: new Date().toISOString(),
      mode: 'full',
      completed: true,
      totalSeconds: 900,
      targetSeconds: [150, 150],
      sections: [{ role: 'action', label: 'Action', seconds: 900, targetSeconds: [80, 80] }],
    });
    await changed;
    const due = api.explorer.model()[0];
    assert.equal(due.kind, 'due');
    assert.ok(due.children.some((c) => c.kind === 'story' && c.banked.story.id === story.story.id));
  });
});
