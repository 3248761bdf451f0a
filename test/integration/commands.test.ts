import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { starStories } from './helpers';

interface ContributedCommand {
  command: string;
  title?: string;
  category?: string;
}

interface Contributions {
  commands?: ContributedCommand[];
  menus?: Record<string, Array<{ command?: string; submenu?: string }>>;
  views?: Record<string, Array<{ id: string }>>;
}

function contributions(): Contributions {
  return (starStories().packageJSON as { contributes?: Contributions }).contributes ?? {};
}

function contributedCommands(): ContributedCommand[] {
  return contributions().commands ?? [];
}

/** The workbench registers `<view id>.focus`, `.open`, `.toggleVisibility`… for each contributed view. */
function isGeneratedForContributedView(command: string): boolean {
  const viewIds = Object.values(contributions().views ?? {}).flat().map((view) => view.id);
  return viewIds.some((id) => command.startsWith(`${id}.`));
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
    const undeclared = registered.filter((id) => !contributed.has(id) && !isGeneratedForContributedView(id));
    assert.deepEqual(undeclared, [], 'registered but missing from package.json contributes.commands');
  });

  it('gives every contributed command a title and the category STAR', () => {
    const untitled = contributedCommands().filter((c) => !c.title?.trim() || c.category !== 'STAR').map((c) => c.command);
    assert.deepEqual(untitled, [], 'commands without a title or with a category other than STAR');
  });

  it('contributes every command that its menus refer to', () => {
    const contributed = new Set(contributedCommands().map((c) => c.command));
    const referenced = Object.entries(contributions().menus ?? {}).flatMap(([menu, items]) =>
      items.filter((item) => item.command && !contributed.has(item.command)).map((item) => `${menu}: ${item.command}`),
    );
    assert.deepEqual(referenced, [], 'menu items that name a command package.json does not contribute');
  });
});
