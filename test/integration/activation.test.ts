import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openInEditor, starStories, until } from './helpers';

describe('activation', () => {
  afterEach(closeAllEditors);

  it('activates when a Markdown file is opened', async () => {
    const extension = starStories();
    // activationEvents are minimal: nothing has opened Markdown yet in this fresh window.
    assert.equal(extension.isActive, false, 'the extension was active before any Markdown file was opened');
    const editor = await openInEditor('001_0100f59d336e01c0.md');
    assert.equal(editor.document.languageId, 'markdown');
    // Generous: on a loaded 2-core CI machine the first extension host start can take a while.
    await until(() => extension.isActive, 'the extension to activate after opening a Markdown file', 60_000);
    assert.equal(vscode.extensions.getExtension('star-stories.star-stories')?.isActive, true);
  });
});
