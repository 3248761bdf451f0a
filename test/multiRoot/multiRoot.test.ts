// A multi-root workspace: each folder's settings and `.starstories.json` files apply to that folder's
// files only, nested ones included (test/fixtures/multi-root/README.md), and Lint Workspace finds each
// folder's stories by that folder's own `include`.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, diagnosticsSettle, linesOf, starDiagnostics } from '../integration/helpers';

function folderFile(folder: string, path: string): vscode.Uri {
  const found = vscode.workspace.workspaceFolders?.find((f) => f.name === folder);
  assert.ok(found, `no workspace folder named ${folder}: ${vscode.workspace.workspaceFolders?.map((f) => f.name).join(', ')}`);
  return vscode.Uri.joinPath(found.uri, path);
}

async function open(folder: string, path: string): Promise<vscode.Uri> {
  const document = await vscode.workspace.openTextDocument(folderFile(folder, path));
  await vscode.window.showTextDocument(document, { preview: false });
  return document.uri;
}

describe('a multi-root workspace', () => {
  before(() => {
    assert.deepEqual(vscode.workspace.workspaceFolders?.map((f) => f.name), ['alpha', 'beta'], 'the runner must open stories.code-workspace');
  });

  after(closeAllEditors);

  it('applies the first folder\'s .starstories.json to its files: STAR005 off, STAR001 on', async () => {
    const uri = await open('alpha', 'stories/onboarding.md');
    await diagnosticsSettle(() => linesOf(uri, 'STAR001').length > 0, 'STAR001 in alpha');
    assert.deepEqual(linesOf(uri, 'STAR005'), []);
  });

  it('applies the second folder\'s own settings, not the first folder\'s file: STAR001 off, STAR005 on', async () => {
    const uri = await open('beta', 'onboarding.md');
    await diagnosticsSettle(() => linesOf(uri, 'STAR005').includes(7), 'STAR005 at line 7 in beta');
    assert.deepEqual(linesOf(uri, 'STAR001'), []);
    assert.equal(starDiagnostics(uri, 'STAR005')[0].severity, vscode.DiagnosticSeverity.Warning);
  });

  it('reads a nested .starstories.json present at start-up: STAR005 an error under beta/sub/, the folder settings still applying', async () => {
    const uri = await open('beta', 'sub/onboarding.md');
    await diagnosticsSettle(() => starDiagnostics(uri, 'STAR005').some((d) => d.severity === vscode.DiagnosticSeverity.Error), 'STAR005 as an error under beta/sub/');
    assert.deepEqual(linesOf(uri, 'STAR001'), []);
  });

  it('lints each folder by its own include: alpha/stories only, all of beta', async () => {
    await closeAllEditors();
    const summary = await vscode.commands.executeCommand<{ files: number; stories: number }>('starStories.lintWorkspace');
    assert.deepEqual(summary && { files: summary.files, stories: summary.stories }, { files: 3, stories: 3 });
    assert.deepEqual(vscode.languages.getDiagnostics(folderFile('alpha', 'notes/onboarding.md')), [], 'alpha/notes/ is outside alpha\'s include');
  });
});
