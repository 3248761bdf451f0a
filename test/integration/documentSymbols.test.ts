import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, expectedStories, openInEditor, starStories } from './helpers';

const seed = '001_0100f59d336e01c0.md';

/**
 * VS Code merges every provider's symbols. The built-in Markdown extension contributes one symbol per
 * heading, named with its hashes ("## Story 1: …", kind String); leave those out to see ours.
 */
function isBuiltInHeadingSymbol(symbol: vscode.DocumentSymbol): boolean {
  return symbol.kind === vscode.SymbolKind.String && /^#{1,6} /.test(symbol.name);
}

describe('document symbols', () => {
  afterEach(closeAllEditors);

  it('lists each story in seed 001 with its four sections as children', async () => {
    const editor = await openInEditor(seed);
    await starStories().activate();
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>(
      'vscode.executeDocumentSymbolProvider',
      editor.document.uri,
    );
    const stories = (symbols ?? []).filter((symbol) => !isBuiltInHeadingSymbol(symbol));
    const expected = expectedStories(seed);
    assert.deepEqual(
      stories.map((story) => story.name),
      expected.map((story) => story.title),
      `story symbols; all symbols were: ${JSON.stringify((symbols ?? []).map((s) => s.name))}`,
    );
    assert.equal(stories.length, 7);
    assert.equal(stories[0].name, 'Story 1: Handling NetSuite Timeout Issues');
    stories.forEach((story, index) => {
      const want = expected[index];
      assert.ok(story.range.contains(new vscode.Position(want.line - 1, 0)), `"${story.name}" covers its heading on line ${want.line}`);
      assert.equal(story.children.length, 4, `"${story.name}" has four sections, got ${JSON.stringify(story.children.map((c) => c.name))}`);
      story.children.forEach((section, i) => {
        const labelLine = want.sections[i][1] - 1;
        assert.ok(
          section.range.start.line <= labelLine && labelLine <= section.range.end.line,
          `section "${section.name}" of "${story.name}" covers its label on line ${labelLine + 1}`,
        );
        assert.ok(story.range.contains(section.range), `section "${section.name}" lies inside "${story.name}"`);
      });
    });
  });
});
