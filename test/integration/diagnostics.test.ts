// Lint in the editor: diagnostics at the right lines, quick fixes that remove their finding, fix-all,
// configuration from .starstories.json (and nested .starstories.jsonc) without a reload, and inline directives.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, diagnosticsSettle, linesOf, openInEditor, revertAll, starDiagnostics, workspaceFile } from './helpers';

const seed003 = '003_ef79ab7181eafc2e.md';
const seed001 = '001_0100f59d336e01c0.md';

describe('diagnostics and quick fixes', () => {
  afterEach(async () => {
    await revertAll();
    await closeAllEditors();
  });

  it('reports STAR001 and STAR005 in seed 003 at the lines expected.json gives, linking to the rule docs', async () => {
    const { document } = await openInEditor(seed003);
    await diagnosticsSettle(() => linesOf(document.uri, 'STAR001').includes(259), 'STAR001 at line 259');
    assert.ok(linesOf(document.uri, 'STAR005').includes(268), `STAR005 lines: ${linesOf(document.uri, 'STAR005')}`);
    assert.ok(linesOf(document.uri, 'STAR005').includes(186), `STAR005 lines: ${linesOf(document.uri, 'STAR005')}`);
    const star001 = starDiagnostics(document.uri, 'STAR001')[0];
    assert.equal(star001.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(star001.message, /Situation/);
    assert.ok(typeof star001.code === 'object' && star001.code.target.toString().endsWith('docs/rules.md#star001'), JSON.stringify(star001.code));
  });

  it('applies the STAR001 quick fix: a Situation is inserted and the finding goes away', async () => {
    const { document } = await openInEditor(seed003);
    await diagnosticsSettle(() => linesOf(document.uri, 'STAR001').includes(259), 'STAR001 at line 259');
    const diagnostic = starDiagnostics(document.uri, 'STAR001').find((d) => d.range.start.line === 258);
    assert.ok(diagnostic);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const insert = actions.find((a) => a.title === 'Insert a Situation section');
    assert.ok(insert?.edit, `actions offered: ${actions.map((a) => a.title).join(' | ')}`);
    const before = document.getText();
    assert.ok(await vscode.workspace.applyEdit(insert.edit));
    await diagnosticsSettle(() => !linesOf(document.uri, 'STAR001').some((l) => l >= 259 && l <= 262), 'STAR001 gone from the Process story');
    const added = document.lineCount - before.split('\n').length;
    assert.ok(added > 0 && added <= 3, `the fix added ${added} lines`);
    assert.match(document.getText(), /Situation/);
    // Every line before the story is untouched.
    assert.deepEqual(document.getText().split('\n').slice(0, 258), before.split('\n').slice(0, 258));
  });

  it('repairs the mojibake of seed 001 with source.fixAll.starStories and touches nothing else', async () => {
    const { document } = await openInEditor(seed001);
    await diagnosticsSettle(() => starDiagnostics(document.uri, 'STAR011').length > 0, 'STAR011 in seed 001');
    const before = document.getText();
    assert.ok(before.includes('â†’'));
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, whole, 'source.fixAll.starStories');
    const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.starStories');
    assert.ok(fixAll?.edit, `actions offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    await diagnosticsSettle(() => starDiagnostics(document.uri, 'STAR011').length === 0, 'STAR011 gone');
    const after = document.getText();
    assert.ok(!after.includes('â†’') && !after.includes('ðŸŽ¯'));
    assert.ok(after.includes('decode → upload to Zoho') && after.includes('## 🎯 What is STAR Method?'));
    assert.equal(after.split('\n').length, before.split('\n').length);
  });

  it('turns STAR005 off from .starstories.json without a reload, and back on when the file goes', async () => {
    const { document } = await openInEditor(seed003);
    await diagnosticsSettle(() => linesOf(document.uri, 'STAR005').length > 0, 'STAR005 in seed 003');
    const config = workspaceFile('.starstories.json');
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode(JSON.stringify({ rules: { STAR005: 'off' } })));
    try {
      await diagnosticsSettle(() => linesOf(document.uri, 'STAR005').length === 0, 'STAR005 switched off');
      assert.ok(linesOf(document.uri, 'STAR001').length > 0, 'other rules still report');
    } finally {
      await vscode.workspace.fs.delete(config);
    }
    await diagnosticsSettle(() => linesOf(document.uri, 'STAR005').length > 0, 'STAR005 back');
  });

  it('applies a .starstories.jsonc in a subfolder to the files below it, not to those above', async () => {
    // A Result without a number: STAR005.
    const story = '## Launch\n\n**Situation:** a\n**Task:** b\n**Action:** I did c\n**Result:** it went well\n';
    const above = workspaceFile('nested-launch.md');
    const below = workspaceFile('team/deep/launch.md');
    const config = workspaceFile('team/.starstories.jsonc');
    const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    await write(above, story);
    await write(below, story);
    try {
      const [top, deep] = await Promise.all([above, below].map((uri) => vscode.workspace.openTextDocument(uri)));
      await vscode.window.showTextDocument(deep);
      await diagnosticsSettle(() => linesOf(deep.uri, 'STAR005').length > 0 && linesOf(top.uri, 'STAR005').length > 0, 'STAR005 in both copies');
      await write(config, '{\n  // this team counts differently\n  "rules": { "result-without-metric": "off", },\n}\n');
      await diagnosticsSettle(() => linesOf(deep.uri, 'STAR005').length === 0, 'STAR005 off under team/');
      assert.ok(linesOf(top.uri, 'STAR005').length > 0, 'the file above team/ still reports STAR005');
    } finally {
      await vscode.workspace.fs.delete(workspaceFile('team'), { recursive: true });
      await vscode.workspace.fs.delete(above);
    }
  });

  it('silences one line with an inline disable-next-line comment', async () => {
    const editor = await openInEditor(seed003);
    const { document } = editor;
    await diagnosticsSettle(() => linesOf(document.uri, 'STAR005').includes(268), 'STAR005 at line 268');
    await editor.edit((edit) => edit.insert(new vscode.Position(267, 0), '<!-- star-stories-disable-next-line STAR005 -->\n'));
    await diagnosticsSettle(() => !linesOf(document.uri, 'STAR005').includes(269), 'STAR005 silenced under the comment');
    assert.ok(linesOf(document.uri, 'STAR005').includes(186), 'the other STAR005 still reports');
  });
});
