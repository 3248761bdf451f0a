// `npm run demo` as someone trying STAR Stories would use it: start it, open the URL it prints, find the
// Story Explorer; then Ctrl+C stops code-server and removes its temp folder. The demo runs on a free
// port (`--port 0`) and a temp copy of examples/, beside the e2e session's own code-server.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { onCleanup } from '../vscode/cleanup.mjs';
import { httpStatus, repoRoot, waitForOutputOrExit } from '../vscode/codeServer.mjs';
import { closeWorkbench, exampleWorkspace, openPage, reportFailure, screenshot } from './workbench.mjs';

describe('npm run demo', function () {
  let demo;
  let exited;
  let output = '';
  let unregister;
  let page;

  before(function () {
    // dist/ is already built by `npm run test:e2e`, so run the script itself rather than `npm run demo`.
    demo = spawn(process.execPath, [join(repoRoot, 'scripts/demo.mjs'), '--port', '0', '--folder', exampleWorkspace()], {
      cwd: repoRoot,
      detached: true, // a group of its own: Ctrl+C in a terminal reaches the demo alone, as here
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    exited = new Promise((resolve) => demo.on('exit', (code, signal) => resolve(code ?? signal)));
    demo.stdout.on('data', (chunk) => (output += chunk));
    demo.stderr.on('data', (chunk) => (output += chunk));
    unregister = onCleanup(async () => {
      try {
        process.kill(-demo.pid, 'SIGINT');
      } catch {
        // already gone
      }
      await exited;
    });
  });

  afterEach(async function () {
    await reportFailure(this.currentTest, page);
    if (this.currentTest?.state === 'failed') console.log(`      demo output:\n${output}`);
  });

  after(async function () {
    this.timeout(30_000);
    await closeWorkbench(page);
    unregister?.();
    if (demo.exitCode === null && demo.signalCode === null) {
      process.kill(-demo.pid, 'SIGKILL');
      await exited;
    }
  });

  /** Waits until the demo prints `pattern` and returns the match. */
  async function printed(pattern, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    let match;
    while (!(match = pattern.exec(output))) {
      if (demo.exitCode !== null || demo.signalCode !== null) assert.fail(`the demo exited (${demo.exitCode ?? demo.signalCode}) before printing ${pattern}:\n${output}`);
      if (Date.now() > deadline) assert.fail(`the demo did not print ${pattern} within ${timeoutMs / 1000} s:\n${output}`);
      await waitForOutputOrExit(demo, exited, deadline);
    }
    return match;
  }

  it('serves VS Code with STAR Stories installed, opened on the story bank', async function () {
    this.timeout(180_000);
    const [, url] = await printed(/Open (http:\/\/127\.0\.0\.1:\d+\/) in your browser/, 120_000);
    page = await openPage(url, { viewport: { width: 1440, height: 900 } });
    // Installed, not loaded as an extension under development.
    assert.doesNotMatch(await page.title(), /Extension Development Host/);
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'leadership.md' }).waitFor({ timeout: 60_000 });
    await page.locator('.activitybar .action-item .action-label[aria-label^="STAR Stories"]').click();
    const story = page.locator('.part.sidebar .monaco-list-row', { hasText: 'Turning around a late migration' });
    await story.waitFor({ timeout: 60_000 });
    await story.click();
    await page.locator('.tabs-container .tab.active', { hasText: 'leadership.md' }).waitFor();
    await page.locator('.codelens-decoration', { hasText: 'Rehearse' }).filter({ visible: true }).first().waitFor({ timeout: 30_000 });
    await screenshot(page, '30-demo');
  });

  it('stops code-server and removes its temp folder on Ctrl+C', async function () {
    this.timeout(60_000);
    const [, url] = await printed(/Open (http:\/\/127\.0\.0\.1:\d+\/) in your browser/, 1000);
    const [, installed] = await printed(/installed in (\S+)/, 1000);
    const tempRoot = dirname(dirname(installed)); // <temp>/extensions/<extension>
    assert.ok(existsSync(tempRoot), `${tempRoot} exists while the demo runs`);
    await closeWorkbench(page);
    page = undefined;
    process.kill(-demo.pid, 'SIGINT');
    assert.equal(await exited, 130, 'the demo exits as interrupted');
    assert.equal(existsSync(tempRoot), false, `${tempRoot} is removed`);
    assert.equal(await httpStatus(url), 0, `nothing answers at ${url} any more`);
  });
});
