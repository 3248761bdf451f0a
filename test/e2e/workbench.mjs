// What the end-to-end tests share: one code-server + headless Chromium for the whole run (started by
// run.mjs's root hooks), a fresh workbench page per test file, and the few gestures a person makes —
// open the command palette, type, press Enter — written once, waiting on selectors, never on sleeps.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../vscode/browser.mjs';
import { repoRoot, startCodeServer } from '../vscode/codeServer.mjs';

export const screenshotDir = join(repoRoot, 'test-results/e2e');

let server;
let browser;

/** Starts code-server with this repo as the extension under development, and the browser. */
export async function startSession(toolchain) {
  rmSync(screenshotDir, { recursive: true, force: true }); // only this run's screenshots
  mkdirSync(screenshotDir, { recursive: true });
  server = await startCodeServer({ toolchain });
  browser = await launchChromium(toolchain.chromium);
  return server;
}

export async function stopSession() {
  await browser?.close();
  await server?.stop();
}

export function codeServer() {
  return server;
}

/**
 * Opens the test workspace in a new page with the extension loaded (the extension-development payload,
 * without a test suite) and waits until the workbench and its Explorer are on screen.
 */
export async function openWorkbench() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text().split('\n')[0]);
  });
  page.consoleErrors = consoleErrors;
  await page.goto(server.workbenchUrl([['extensionDevelopmentPath', server.remoteUri(repoRoot)]]));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  return page;
}

export async function closeWorkbench(page) {
  await page?.context().close();
}

/** An afterEach hook: a screenshot of a failed test (named `failed-<prefix><title>`) and the workbench's console errors. */
export function screenshotFailures(prefix, getPage) {
  return async function () {
    const page = getPage();
    if (this.currentTest?.state !== 'failed' || !page) return;
    const path = await screenshot(page, `failed-${prefix}${this.currentTest.title.replace(/\W+/g, '-')}`);
    console.log(`      screenshot of the failure: ${path}`);
    if (page.consoleErrors.length) console.log(`      workbench console errors:\n        ${page.consoleErrors.slice(-10).join('\n        ')}`);
  };
}

export async function screenshot(page, name) {
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Opens the command palette, types `text`, waits for the entry labelled `label` and runs it. */
export async function runFromCommandPalette(page, label, text = label) {
  const input = await openCommandPalette(page);
  await input.fill(`>${text}`);
  const entry = paletteEntry(page, label);
  await entry.waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

export async function openCommandPalette(page) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor();
  return input;
}

/** The command palette row whose label (category included, e.g. "STAR: Lint Workspace") is exactly `label`. */
export function paletteEntry(page, label) {
  return page.locator('.quick-input-list .monaco-list-row').filter({
    has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }),
  });
}

export function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
