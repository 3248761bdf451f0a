// What a person sees: open a story bank from the Explorer, find its stories in the Outline, run a
// STAR command from the command palette. Each step saves a screenshot to test-results/e2e/.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../vscode/codeServer.mjs';
import { closeWorkbench, screenshotFailures, escapeRegExp, openCommandPalette, openWorkbench, paletteEntry, runFromCommandPalette, screenshot } from './workbench.mjs';

const seed = '001_0100f59d336e01c0.md';
const firstStory = 'Story 1: Handling NetSuite Timeout Issues';
const packageJson = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

describe('a story bank in the editor', function () {
  let page;

  before(async function () {
    page = await openWorkbench();
  });

  afterEach(screenshotFailures('', () => page));

  after(async function () {
    await closeWorkbench(page);
  });

  it('opens a seed file from the Explorer', async function () {
    await page.getByRole('treeitem', { name: seed, exact: true }).click();
    await page.locator('.tabs-container .tab.active', { hasText: seed }).waitFor();
    await page.locator('.monaco-editor .view-lines', { hasText: firstStory }).waitFor();
    await screenshot(page, '01-explorer-opens-seed');
  });

  it('shows the stories in the Outline view', async function () {
    // The Outline waits for the extension host to activate and analyse: slow on a loaded 2-core machine.
    this.timeout(150_000);
    // Make room for the Outline: collapse the workspace folder's section of the Explorer.
    await page.locator('.pane-header', { hasText: 'story-bank' }).click();
    await runFromCommandPalette(page, 'Explorer: Focus on Outline View', 'Focus on Outline View');
    const story = page.locator('.outline-pane .monaco-list-row').filter({
      has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(firstStory)}$`) }),
    });
    // With Markdown's own symbols also registered, the Outline shows a group per provider ("STAR
    // Stories", "Markdown Language Features"), which may start collapsed: open ours while waiting.
    const ourGroup = page.locator('.outline-pane .monaco-list-row[aria-expanded="false"]').filter({
      has: page.locator('.label-name', { hasText: /^STAR Stories$/ }),
    });
    const deadline = Date.now() + 120_000;
    while (!(await story.isVisible())) {
      if (Date.now() > deadline) await story.waitFor({ timeout: 1 }); // fails with the locator in the message
      if (await ourGroup.isVisible()) await ourGroup.click();
      await story.waitFor({ timeout: 2_000 }).catch(() => {});
    }
    assert.equal(await story.count(), 1);
    await screenshot(page, '02-outline-shows-stories');
  });

  it('runs "STAR: Lint Workspace" from the command palette and reports the problems it found', async function () {
    await runFromCommandPalette(page, 'STAR: Lint Workspace');
    // The workbench announces the message (screen readers hear it at once); with the smoke-test driver
    // on, code-server keeps it in the notification centre rather than as a toast, so open the centre.
    const summary = /STAR Stories: \d+ stories in 5 files, \d+ problems?\./;
    await page.locator('.monaco-alert', { hasText: summary }).waitFor({ state: 'attached', timeout: 30_000 });
    await page.locator('#status\\.notifications').click();
    await page.locator('.notifications-center .notification-list-item', { hasText: summary }).waitFor();
    const problems = page.locator('#status\\.problems');
    const counts = async () => ((await problems.getAttribute('aria-label')) ?? '').match(/\d+/g)?.map(Number) ?? [];
    assert.ok((await counts()).reduce((a, b) => a + b, 0) > 0, `the status bar counts problems: ${await problems.getAttribute('aria-label')}`);
    await screenshot(page, '03-lint-workspace-from-palette');
    await page.locator('#status\\.notifications').click();
    await page.locator('.notifications-center').waitFor({ state: 'hidden' });
  });

  it('lists every STAR command in the command palette', async function () {
    const hidden = new Set((packageJson.contributes?.menus?.commandPalette ?? []).filter((m) => m.when).map((m) => m.command));
    const visible = (packageJson.contributes?.commands ?? []).filter((c) => !hidden.has(c.command));
    assert.ok(visible.length > 0, 'package.json contributes at least one command to the palette');
    const missing = [];
    for (const command of visible) {
      const label = `${command.category}: ${command.title}`;
      const input = await openCommandPalette(page);
      await input.fill(`>${label}`);
      try {
        await paletteEntry(page, label).waitFor({ timeout: 5_000 });
      } catch {
        missing.push(label);
      }
      await page.keyboard.press('Escape');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    }
    assert.deepEqual(missing, [], 'contributed commands the palette does not offer');
  });
});
