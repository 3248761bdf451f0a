// STAR: Mock Interview in a real extension host: the quick pick offers the stories tagged with the
// question's competency first, answering it opens the rehearsal panel on that story, and the pairing is
// remembered the next time the same question is asked.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { StarStoriesApi } from '../../src/extension/extension';
import { closeAllEditors, runTakingFirstPick, starStories, until, workspaceFile } from './helpers';

const bankFile = 'mock-interview-bank.md';
const bank = `# Mock interview bank

## Shipping the billing export for a key customer

Tags: customer

**Situation:** A key customer could not reconcile invoices.
**Task:** I owned the export.
**Action:** I built a CSV export with their accountants.
**Result:** Reconciliation time went from 3 days → 2 hours.

## Pushing back on a launch date

Tags: conflict

**Situation:** Marketing had announced a date we could not meet.
**Task:** I had to tell the VP.
**Action:** I showed the burn-down and proposed a smaller first release.
**Result:** We launched 2 weeks later with 0 Sev-1 incidents.
`;

function askAndTakeFirst(question: string): Promise<boolean | undefined> {
  return runTakingFirstPick<boolean>('starStories.mockInterview', { question });
}

describe('mock interview', () => {
  let api: StarStoriesApi;
  const idOf = (title: string) => api.index.bank.all().find((b) => b.story.title === title)?.story.id;

  before(async () => {
    api = (await starStories().activate()) as StarStoriesApi;
    await vscode.workspace.fs.writeFile(workspaceFile(bankFile), new TextEncoder().encode(bank));
    await until(() => !!idOf('Pushing back on a launch date'), 'the index to read the mock interview bank', 30_000, [api.index.onDidChange as vscode.Event<unknown>]);
  });

  after(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(workspaceFile(bankFile));
  });

  it('offers the story tagged with the question\'s competency first and opens it in the rehearsal panel', async () => {
    assert.equal(await askAndTakeFirst('Describe a conflict within your team and how you resolved it.'), true);
    assert.equal(api.rehearsal.storyKey, idOf('Pushing back on a launch date'));
  });

  it('remembers which story answered a question and offers it first next time', async () => {
    const question = 'Tell me about a time you disagreed with your manager.';
    const customerStory = { uri: workspaceFile(bankFile).toString(), storyId: idOf('Shipping the billing export for a key customer') ?? '' };
    assert.equal(await vscode.commands.executeCommand('starStories.mockInterview', { question, story: customerStory }), true);
    assert.equal(api.rehearsal.storyKey, customerStory.storyId);
    // Asked again: the tags favour the conflict story, the pairing puts the customer story first.
    assert.equal(await askAndTakeFirst(question), true);
    assert.equal(api.rehearsal.storyKey, customerStory.storyId);
  });
});
