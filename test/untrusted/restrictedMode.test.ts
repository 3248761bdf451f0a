// STAR Stories in a workspace VS Code does not trust (restricted mode). The manifest declares full
// support (`untrustedWorkspaces: { supported: true }`, reasons in docs/security.md), so here, as in a
// trusted folder, the extension activates, lints and shows its findings, and the workspace's own
// configuration applies — nothing in it can run code, so nothing is restricted. What no workspace may
// set (the application-scoped question bank) stays out, and no include glob reaches past the folder.
import * as assert from 'node:assert/strict';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import * as vscode from 'vscode';
import type { StarStoriesApi } from '../../src/extension/extension';
import { closeAllEditors, diagnosticsSettle, linesOf, openInEditor, starDiagnostics, starStories, until, workspaceFile } from '../integration/helpers';

const seed003 = '003_ef79ab7181eafc2e.md';
/** This bundle is <repo>/dist/test/untrusted/index.js. */
const repoRoot = resolve(__dirname, '../../..');

/** A story with a Task, an Action and a Result but no Situation: STAR001 when it is linted. */
const storyWithoutSituation = `# Outside the workspace

## Cutting the build time

**Task:** Cut the build time of the main service.
**Action:** I cached the dependencies between builds.
**Result:** Builds went from 20 minutes to 4 minutes.
`;

async function writeWorkspaceFile(name: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceFile(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

interface LintSummary {
  files: number;
  stories: number;
  findings: number;
}

describe('an untrusted workspace (restricted mode)', () => {
  before(() => {
    // Everything below would also pass in a trusted folder: this is what makes it a restricted-mode test.
    assert.equal(vscode.workspace.isTrusted, false, 'the test workspace is trusted: the runner must start code-server with workspace trust on');
    // VS Code never disables an extension under development for trust: the one under test must be installed.
    assert.notEqual(realpathSync(starStories().extensionPath), realpathSync(repoRoot), 'STAR Stories is loaded from the repo as an extension under development');
  });

  after(async () => {
    await closeAllEditors();
    assert.equal(vscode.workspace.isTrusted, false, 'the workspace became trusted during the run');
  });

  it('activates when a story is opened and shows its findings', async () => {
    const { document } = await openInEditor(seed003);
    // The findings test/fixtures/expected.json says seed 003 must have.
    await diagnosticsSettle(() => linesOf(document.uri, 'STAR001').includes(259), 'STAR001 at line 259 of seed 003');
    assert.ok(starStories().isActive);
    assert.ok([186, 268].every((line) => linesOf(document.uri, 'STAR005').includes(line)), `STAR005 lines: ${linesOf(document.uri, 'STAR005')}`);
    assert.match(starDiagnostics(document.uri, 'STAR001')[0].message, /Situation/);
  });

  it('applies the workspace\'s .starstories.json and settings, as a trusted folder does', async () => {
    const { document } = await openInEditor(seed003);
    await diagnosticsSettle(() => linesOf(document.uri, 'STAR001').length > 0 && linesOf(document.uri, 'STAR005').length > 0, 'STAR001 and STAR005 in seed 003');
    const configFile = await writeWorkspaceFile('.starstories.json', JSON.stringify({ rules: { STAR001: 'off' } }));
    const settingsFile = await writeWorkspaceFile('.vscode/settings.json', JSON.stringify({ 'starStories.rules': { STAR005: 'off' } }));
    try {
      await diagnosticsSettle(() => linesOf(document.uri, 'STAR001').length === 0 && linesOf(document.uri, 'STAR005').length === 0, 'STAR001 and STAR005 switched off by the workspace');
    } finally {
      await vscode.workspace.fs.delete(configFile);
      await vscode.workspace.fs.delete(settingsFile);
    }
    await diagnosticsSettle(() => linesOf(document.uri, 'STAR001').length > 0 && linesOf(document.uri, 'STAR005').length > 0, 'STAR001 and STAR005 back');
  });

  it('leaves a question bank set by the workspace out of Mock Interview: only user settings may set it', async () => {
    const api = starStories().exports as StarStoriesApi;
    await api.index.build();
    const story = api.index.bank.all()[0];
    const uri = story && api.index.uriOf(story.file);
    assert.ok(uri, 'the index holds a story of the seeds');
    const question = 'Tell me about a time a workspace tried to set your questions.';
    const ask = () => vscode.commands.executeCommand<boolean>('starStories.mockInterview', { question, story: { uri: uri.toString(), storyId: story.story.id } });
    const bank = () => vscode.workspace.getConfiguration('starStories').get<unknown[]>('questionBank') ?? [];
    const configChanges = [vscode.workspace.onDidChangeConfiguration as vscode.Event<unknown>];

    const settingsFile = await writeWorkspaceFile('.vscode/settings.json', JSON.stringify({ 'starStories.rules': { STAR005: 'off' }, 'starStories.questionBank': [question] }));
    try {
      // The rules in the same file take effect: VS Code has read it.
      await until(() => vscode.workspace.getConfiguration('starStories').inspect<Record<string, string>>('rules')?.workspaceValue?.STAR005 === 'off', 'the workspace settings to be read', 30_000, configChanges);
      assert.deepEqual(bank(), []);
      assert.equal(await ask(), false, 'Mock Interview asked a question the workspace set');

      await vscode.workspace.getConfiguration('starStories').update('questionBank', [question], vscode.ConfigurationTarget.Global);
      await until(() => bank().includes(question), 'the question bank in user settings', 30_000, configChanges);
      assert.equal(await ask(), true, 'Mock Interview did not ask the question from user settings');
    } finally {
      await vscode.workspace.getConfiguration('starStories').update('questionBank', undefined, vscode.ConfigurationTarget.Global);
      await vscode.workspace.fs.delete(settingsFile);
      await closeAllEditors();
    }
  });

  it('reads no story outside the folder, whatever the include globs say', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const outside = mkdtempSync(join(tmpdir(), 'star-stories-outside-'));
    const outsideUri = vscode.Uri.file(join(outside, 'outside-story.md'));
    writeFileSync(outsideUri.fsPath, storyWithoutSituation);
    try {
      const { document } = await openInEditor(seed003);
      await diagnosticsSettle(() => linesOf(document.uri, 'STAR005').length > 0, 'STAR005 in seed 003');
      const before = await vscode.commands.executeCommand<LintSummary>('starStories.lintWorkspace');
      assert.ok(before.files > 0, 'Lint Workspace finds the seeds');

      const include = ['**/*.md', `${relative(folder, outside)}/*.md`, `${outside}/*.md`, `${outside}/**/*.md`];
      // STAR005 off says when the file has been read: the globs come with it.
      const configFile = await writeWorkspaceFile('.starstories.json', JSON.stringify({ include, rules: { STAR005: 'off' } }));
      try {
        await diagnosticsSettle(() => linesOf(document.uri, 'STAR005').length === 0, 'the .starstories.json with the globs to be read');
        const after = await vscode.commands.executeCommand<LintSummary>('starStories.lintWorkspace');
        assert.deepEqual({ files: after.files, stories: after.stories }, { files: before.files, stories: before.stories });
        assert.deepEqual(starDiagnostics(outsideUri), []);
      } finally {
        await vscode.workspace.fs.delete(configFile);
      }

      // The file outside is a story with a finding: read, it would have counted.
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(outsideUri));
      await diagnosticsSettle(() => starDiagnostics(outsideUri, 'STAR001').length === 1, 'STAR001 on the story outside the folder once it is opened');
    } finally {
      await closeAllEditors();
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
