// The workspace story bank in a real VS Code: the Story Explorer tree, workspace symbols, CodeLens,
// snippets and the New Story command.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { StarStoriesApi } from '../../src/extension/extension';
import { closeAllEditors, codeOf, diagnosticsSettle, expectedStories, openInEditor, revertAll, starDiagnostics, starStories, until, workspaceFile } from './helpers';

const seed = '001_0100f59d336e01c0.md';

interface TreeNode {
  kind: string;
  label: string;
  children: TreeNode[];
}

async function api(): Promise<StarStoriesApi> {
  const exports = (await starStories().activate()) as StarStoriesApi;
  await until(() => exports.index.isReady, 'the story index to be built', 60_000, [exports.index.onDidChange as vscode.Event<unknown>]);
  return exports;
}

/** The tree exactly as VS Code asks the provider for it. */
async function fileGroup(explorer: StarStoriesApi['explorer'], file: string): Promise<TreeNode | undefined> {
  const roots = (await explorer.getChildren()) as unknown as TreeNode[];
  return roots.find((n) => n.kind === 'group' && n.label === file);
}

describe('story bank in the editor', () => {
  afterEach(async () => {
    await revertAll();
    await closeAllEditors();
  });

  it('lists the seven stories of seed 001 in the Story Explorer, each with four sections', async () => {
    const { explorer } = await api();
    const group = await fileGroup(explorer, seed);
    assert.ok(group, 'a group for seed 001');
    assert.deepEqual(group.children.map((s) => s.label), expectedStories(seed).map((s) => s.title));
    for (const story of group.children) assert.deepEqual(story.children.map((s) => s.label), ['Situation', 'Task', 'Action', 'Result'], story.label);
  });

  it('updates the tree when a label is edited in an open document', async () => {
    const { explorer } = await api();
    const editor = await openInEditor(seed);
    const resultLine = expectedStories(seed)[0].sections[3][1] - 1;
    const labelRange = editor.document.lineAt(resultLine).range;
    const changed = new Promise<void>((resolve) => {
      const subscription = explorer.onDidChangeTreeData(async () => {
        const story = (await fileGroup(explorer, seed))?.children[0];
        if (story && story.children.length === 3) {
          subscription.dispose();
          resolve();
        }
      });
    });
    await editor.edit((edit) => edit.replace(labelRange, 'Some closing remarks'));
    await changed;
    assert.deepEqual((await fileGroup(explorer, seed))?.children[0].children.map((s) => s.label), ['Situation', 'Task', 'Action']);
  });

  it('finds a story by title with workspace symbols (Ctrl+T)', async () => {
    await api();
    const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Redis');
    const story = symbols.find((s) => s.name === 'Story 2: Optimizing API Latency with Redis Caching');
    assert.ok(story, `symbols: ${symbols.map((s) => s.name).join(' | ')}`);
    assert.ok(story.location.uri.path.endsWith(seed));
    assert.equal(story.location.range.start.line, 68);
  });

  it('puts one Rehearse CodeLens above each story', async () => {
    const { document } = await openInEditor(seed);
    await starStories().activate();
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 100);
    const rehearse = lenses.filter((l) => l.command?.command === 'starStories.rehearse');
    assert.equal(rehearse.length, expectedStories(seed).length);
    assert.deepEqual(rehearse.map((l) => l.range.start.line + 1), expectedStories(seed).map((s) => s.line));
    assert.match(rehearse[0].command?.title ?? '', /^▶ Rehearse · \d+m\d{2}s · 4\/4 sections$/);
  });

  it('expands every shipped snippet in a Markdown file', async function () {
    this.timeout(120_000);
    await starStories().activate();
    const file = join(starStories().extensionPath, 'snippets', 'star-stories.code-snippets');
    const snippets = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { prefix: string; body: string[] }>;
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    const editor = await vscode.window.showTextDocument(document);
    for (const [name, snippet] of Object.entries(snippets)) {
      await editor.edit((edit) => edit.delete(new vscode.Range(0, 0, document.lineCount, 0)));
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name });
      const firstWords = snippet.body[0].replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\d+/g, '').trim();
      assert.ok(document.getText().startsWith(firstWords), `${snippet.prefix}: got ${JSON.stringify(document.getText().slice(0, 80))}, expected it to start with ${JSON.stringify(firstWords)}`);
    }
  });

  it('inserts a story with STAR: New Story that the Outline reads back', async () => {
    await starStories().activate();
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('starStories.newStory', { title: 'Moved billing onto a queue', style: 'star-story-bullets' });
    assert.match(document.getText(), /^## Moved billing onto a queue\n/);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    const story = symbols.find((s) => s.name === 'Moved billing onto a queue');
    assert.ok(story, `symbols: ${symbols.map((s) => s.name).join(' | ')}`);
    assert.equal(story.children.length, 4);
  });
});

describe('an unfilled template', () => {
  const name = 'template-and-story.md';
  const text = [
    '# Stories to write',
    '',
    '## Customer escalation',
    '',
    'Situation: [what was going on]',
    'Task: ___',
    'Action: TBD',
    'Result: TBD',
    '',
    '## Hiring the analyst',
    '',
    'Situation: the team had been one analyst short for a quarter.',
    'Task: I ran the search.',
    'Action: I rewrote the job ad and interviewed twelve people.',
    'Result: the team was much happier.',
    '',
  ].join('\n');

  after(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(workspaceFile(name));
  });

  it('is linted as nothing, and its CodeLens "Fill in this template" selects the first placeholder to type over', async () => {
    await starStories().activate();
    const uri = workspaceFile(name);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    // The story below it gets its finding (no number in its Result); the template gets none.
    await diagnosticsSettle(() => starDiagnostics(uri, 'STAR005').length === 1, 'STAR005 on the story below the template');
    assert.deepEqual(starDiagnostics(uri).filter((d) => d.range.start.line < 9).map((d) => codeOf(d)), []);

    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.title.split(' · ')[0]]).sort(), [[2, '✎ Fill in this template'], [9, '▶ Rehearse']]);
    const fill = lenses.find((l) => l.command?.command === 'starStories.fillTemplate')!;
    await vscode.commands.executeCommand(fill.command!.command, ...(fill.command!.arguments ?? []));
    assert.equal(editor.document.getText(vscode.window.activeTextEditor!.selection), '[what was going on]');
  });
});
