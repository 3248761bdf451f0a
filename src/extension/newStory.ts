// "STAR: New Story": asks for a title and a label style, then inserts that story snippet at the cursor
// (in a new Markdown file when no Markdown editor is active).
import * as vscode from 'vscode';
import { fillStoryTitle, storyStyles, type SnippetDefinition, type StoryStyle } from '../core/views/storySnippet';

/** Arguments a keybinding or a test may pass to skip the prompts. */
export interface NewStoryArgs {
  title?: string;
  style?: string;
}

async function readStyles(extensionUri: vscode.Uri): Promise<StoryStyle[]> {
  const file = vscode.Uri.joinPath(extensionUri, 'snippets', 'star-stories.code-snippets');
  const snippets = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as Record<string, SnippetDefinition>;
  return storyStyles(snippets);
}

async function pickStyle(styles: StoryStyle[], wanted: string | undefined): Promise<StoryStyle | undefined> {
  if (wanted) return styles.find((s) => s.prefix === wanted || s.name === wanted);
  const picked = await vscode.window.showQuickPick(
    styles.map((style) => ({ label: style.name, detail: style.description, style })),
    { title: 'New STAR story: label style', placeHolder: 'How should the sections be labelled?' },
  );
  return picked?.style;
}

async function markdownEditor(): Promise<vscode.TextEditor> {
  const active = vscode.window.activeTextEditor;
  if (active?.document.languageId === 'markdown') return active;
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
  return vscode.window.showTextDocument(document);
}

export function registerNewStory(extensionUri: vscode.Uri): vscode.Disposable {
  return vscode.commands.registerCommand('starStories.newStory', async (args?: NewStoryArgs) => {
    const title = args?.title ?? await vscode.window.showInputBox({
      title: 'New STAR story',
      prompt: 'A short title you will recognise in the Story Explorer',
      placeHolder: 'Cut deploy time from 40 minutes to 5',
      validateInput: (value) => (value.trim() ? undefined : 'Give the story a title'),
    });
    if (!title?.trim()) return false;
    const style = await pickStyle(await readStyles(extensionUri), args?.style);
    if (!style) return false;
    const editor = await markdownEditor();
    const line = editor.document.lineAt(editor.selection.active.line);
    // In the middle of text, the story goes after the current line, a blank line apart.
    const at = line.isEmptyOrWhitespace ? editor.selection.active : line.range.end;
    const lead = line.isEmptyOrWhitespace ? '' : '\n\n';
    return editor.insertSnippet(new vscode.SnippetString(lead + fillStoryTitle(style.body, title)), at);
  });
}
