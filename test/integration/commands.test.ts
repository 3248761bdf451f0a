import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { starStories } from './helpers';

interface ContributedCommand {
  command: string;
  title?: string;
  category?: string;
}

function contributedCommands(): ContributedCommand[] {
  const packageJson = starStories().packageJSON as { contributes?: { commands?: ContributedCommand[] } };
  return packageJson.contributes?.commands ?? [];
}

describe('commands', () => {
  before(async () => {
    await starStories().activate();
  });

  it('registers every command that package.json contributes', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributedCommands().map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], 'contributed in package.json but not registered by activate()');
  });

  it('contributes every starStories.* command that it registers', async () => {
    const contributed = new Set(contributedCommands().map((c) => c.command));
    const registered = (await vscode.commands.getCommands(true)).filter((id) => id.startsWith('starStories.'));
    const undeclared = registered.filter((id) => !contributed.has(id));
    assert.deepEqual(undeclared, [], 'registered but missing from package.json contributes.commands');
  });

  it('gives every contributed command a title and the category STAR', () => {
    const untitled = contributedCommands().filter((c) => !c.title?.trim() || c.category !== 'STAR').map((c) => c.command);
    assert.deepEqual(untitled, [], 'commands without a title or with a category other than STAR');
  });
});
