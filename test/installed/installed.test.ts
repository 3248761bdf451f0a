// What a new user sees right after installing the VSIX and opening the shipped examples/: the
// extension is the installed one (minified bundles, no source, no repo around it), it lints the
// example with problems, fills the Outline and the Story Explorer, offers a quick fix that works, and
// opens the rehearsal panel.
import * as assert from 'node:assert/strict';
import { existsSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as vscode from 'vscode';
import type { StarStoriesApi } from '../../src/extension/extension';
import { closeAllEditors, diagnosticsSettle, linesOf, openInEditor, revertAll, starDiagnostics, starStories, until } from '../integration/helpers';

/** This bundle is <repo>/dist/test/installed/index.js. */
const repoRoot = resolve(__dirname, '../../..');

describe('STAR Stories as installed from its VSIX', () => {
  let api: StarStoriesApi;

  before(async () => {
    const extension = starStories();
    const home = realpathSync(extension.extensionPath);
    assert.ok(!home.startsWith(realpathSync(repoRoot)), `STAR Stories runs from ${home}, inside the repo`);
    assert.match(home, /[/\\]extensions[/\\]star-stories\.star-stories-\d+\.\d+\.\d+$/, 'installed into the extensions folder by code-server');
    // The package is what the VSIX holds: bundles and docs, never the sources or the tests.
    for (const absent of ['src', 'test', 'node_modules', 'dist/extension.js.map']) assert.ok(!existsSync(join(home, absent)), `${absent} is in the installed extension`);
    api = (await extension.activate()) as StarStoriesApi;
  });

  afterEach(async () => {
    await revertAll();
    await closeAllEditors();
  });

  it('reports the problems of examples/needs-work.md, where the CLI reports them', async () => {
    const { document } = await openInEditor('needs-work.md');
    // The lines `star-stories lint examples/` prints (1-based): STAR001 at 5, STAR005 at 14, STAR006 at 21.
    await diagnosticsSettle(() => linesOf(document.uri, 'STAR006').includes(21), 'STAR006 at line 21');
    assert.deepEqual(linesOf(document.uri, 'STAR001'), [5]);
    assert.deepEqual(linesOf(document.uri, 'STAR005'), [14]);
    assert.match(starDiagnostics(document.uri, 'STAR006')[0].message, /the numbers give 20%/);
  });

  it('shows each story of the file in the Outline, its sections as children', async () => {
    const { document } = await openInEditor('technical.md');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    // The built-in Markdown extension adds one symbol per heading, named with its hashes.
    const stories = symbols.filter((s) => !/^#{1,6} /.test(s.name));
    assert.deepEqual(stories.map((s) => s.name), ['Cutting API latency with a token cache', 'Choosing Postgres over a document store']);
    // The label lines `star-stories parse examples/technical.md` gives (1-based): "Context:" at 9, "### Result" at 31…
    const labelLines = [[9, 10, 11, 15], [21, 24, 27, 31]];
    stories.forEach((story, i) => assert.deepEqual(story.children.map((c) => c.range.start.line + 1), labelLines[i], story.name));
  });

  it('lists every example file and its stories in the Story Explorer', async () => {
    await until(() => api.index.isReady, 'the story index to be built', 60_000, [api.index.onDidChange as vscode.Event<unknown>]);
    const roots = (await api.explorer.getChildren()) as unknown as Array<{ kind: string; label: string; children: Array<{ label: string }> }>;
    const files = roots.filter((n) => n.kind === 'group' && n.label.endsWith('.md'));
    assert.deepEqual(files.map((g) => g.label).sort(), ['leadership.md', 'needs-work.md', 'technical.md']);
    assert.equal(files.reduce((n, g) => n + g.children.length, 0), 6, 'the six stories `star-stories lint examples/` counts');
  });

  it('fixes the percentage of STAR006 with its quick fix, and the finding goes away', async () => {
    const { document } = await openInEditor('needs-work.md');
    await diagnosticsSettle(() => starDiagnostics(document.uri, 'STAR006').length === 1, 'STAR006 in needs-work.md');
    const [diagnostic] = starDiagnostics(document.uri, 'STAR006');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.edit && /20%/.test(a.title));
    assert.ok(fix?.edit, `actions offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await diagnosticsSettle(() => starDiagnostics(document.uri, 'STAR006').length === 0, 'STAR006 gone');
    assert.match(document.lineAt(20).text, /\(20% reduction\)/);
  });

  it('opens the rehearsal panel for a story, from its CodeLens', async () => {
    const { document } = await openInEditor('leadership.md');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    const rehearse = lenses.find((l) => l.command?.command === 'starStories.rehearse');
    assert.ok(rehearse?.command?.arguments, `lenses: ${lenses.map((l) => l.command?.title).join(' | ')}`);
    const storyId = (rehearse.command.arguments[0] as { storyId: string }).storyId;
    const shown = new Promise<{ sections: string[] }>((done) => {
      const subscription = api.rehearsal.onDidReceiveMessage((m) => {
        if (m.type !== 'rendered' || m.storyKey !== storyId || m.screen !== 'rehearse') return;
        subscription.dispose();
        done(m);
      });
    });
    assert.equal(await vscode.commands.executeCommand('starStories.rehearse', ...rehearse.command.arguments), true);
    const { sections } = await shown;
    assert.deepEqual(sections.slice(0, 4), ['Situation', 'Task', 'Action', 'Result']);
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
    assert.equal(tabs.length, 1);
    assert.match(tabs[0].label, /^Rehearse: /);
  });
});
