// Shared by the integration tests: the extension under test, the test workspace, and waiting on
// conditions without fixed sleeps.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

export const extensionId = 'star-stories.star-stories';

export function starStories(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(extensionId);
  assert.ok(extension, `extension ${extensionId} is not loaded in this extension host`);
  return extension;
}

/** A file in the test workspace (a temp copy of test/fixtures/seeds — tests never touch the repo's files). */
export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test run has no workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openInEditor(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(document);
}

/**
 * Puts every edited document back as it is on disk and saves it, so the next test opens the fixture as
 * shipped (the workspace is a temp copy). Untitled documents are closed without a prompt.
 */
export async function revertAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    if (document.isUntitled) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      continue;
    }
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(document.uri));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), onDisk);
    assert.ok(await vscode.workspace.applyEdit(edit), `could not restore ${document.uri.fsPath}`);
    assert.equal(document.getText(), onDisk);
    await document.save();
  }
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

interface ExpectedStory {
  title: string;
  line: number;
  framework: string;
  sections: Array<[string, number, [number, number] | null]>;
}

/** What test/fixtures/expected.json says must be found in a seed file. */
export function expectedStories(seed: string): ExpectedStory[] {
  const path = join(starStories().extensionPath, 'test/fixtures/expected.json');
  const expected = JSON.parse(readFileSync(path, 'utf8')) as { files: Record<string, { stories: ExpectedStory[] }> };
  const file = expected.files[seed];
  assert.ok(file, `expected.json has no entry for ${seed}`);
  return file.stories;
}

/**
 * Resolves once `condition()` holds, re-checking whenever one of `events` fires; rejects after
 * `timeoutMs`. For state the API exposes no event for (such as an extension becoming active) pass no
 * events, and it re-checks on a short interval until the deadline.
 */
export function until(condition: () => boolean, what: string, timeoutMs = 10_000, events: Array<vscode.Event<unknown>> = []): Promise<void> {
  if (condition()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const subscriptions: vscode.Disposable[] = [];
    const finish = (error?: Error) => {
      clearTimeout(deadline);
      clearInterval(interval);
      subscriptions.forEach((s) => s.dispose());
      if (error) reject(error);
      else resolve();
    };
    const check = () => {
      if (condition()) finish();
    };
    const deadline = setTimeout(() => finish(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    const interval = setInterval(check, events.length ? 1_000 : 25);
    for (const event of events) subscriptions.push(event(check));
  });
}

/**
 * Runs a command that shows a quick pick and answers it with Enter (its first item), as a person would.
 * No event says a quick pick is open, so Enter is pressed until the command has settled.
 */
export async function runTakingFirstPick<T>(command: string, ...args: unknown[]): Promise<T | undefined> {
  let settled = false;
  const run = Promise.resolve(vscode.commands.executeCommand<T>(command, ...args)).finally(() => {
    settled = true;
  });
  await until(() => {
    if (!settled) void vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    return settled;
  }, `${command} to take the first item of its quick pick`, 30_000);
  return run;
}

/** This extension's diagnostics on a file, all of them or one rule's. */
export function starDiagnostics(uri: vscode.Uri, rule?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'STAR Stories' && (rule === undefined || codeOf(d) === rule));
}

/** A diagnostic's rule code (`STAR005`), whether it carries a link to the rule's docs or not. */
export function codeOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}

/** 1-based lines of a rule's diagnostics. */
export function linesOf(uri: vscode.Uri, rule: string): number[] {
  return starDiagnostics(uri, rule).map((d) => d.range.start.line + 1).sort((a, b) => a - b);
}

/** Resolves once `condition()` holds, re-checked whenever diagnostics change (30 s at most). */
export function diagnosticsSettle(condition: () => boolean, what: string): Promise<void> {
  return until(condition, what, 30_000, [vscode.languages.onDidChangeDiagnostics as vscode.Event<unknown>]);
}
