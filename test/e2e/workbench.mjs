// What the end-to-end tests share: one code-server + headless Chromium for the whole run (started by
// run.mjs's root hooks), a fresh workbench page per test file, and the few gestures a person makes —
// open the command palette, type, press Enter — written once, waiting on selectors, never on sleeps.
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
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
 * A fresh temp copy of the repo's examples/ story bank (what `npm run demo` opens), inside code-server's
 * temp folder so it goes when the session stops. Returns its path, for `openWorkbench({ folder })`.
 */
export function exampleWorkspace() {
  const dir = join(mkdtempSync(join(server.root, 'examples-')), 'examples');
  cpSync(join(repoRoot, 'examples'), dir, { recursive: true });
  return dir;
}

/**
 * Opens the test workspace (or `folder`) in a new page with the extension loaded (the
 * extension-development payload, without a test suite) and waits until the workbench and its Explorer
 * are on screen.
 */
export async function openWorkbench({ folder, viewport } = {}) {
  const payload = [['extensionDevelopmentPath', server.remoteUri(repoRoot)]];
  const url = server.workbenchUrl(payload);
  const page = await openPage(folder ? url.replace(/folder=[^&]*/, `folder=${encodeURIComponent(folder)}`) : url, { viewport });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  return page;
}

/** Opens `url` (any VS Code workbench) in a page of its own and waits for the workbench. */
export async function openPage(url, { viewport = { width: 1280, height: 800 } } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text().split('\n')[0]);
  });
  page.consoleErrors = consoleErrors;
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 90_000 }); // a busy machine serves the workbench slowly
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
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

/** Saves test-results/e2e/<name>.png: the whole page, or `clip` ({ x, y, width, height }) of it. */
export async function screenshot(page, name, { clip } = {}) {
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, ...(clip ? { clip } : {}) });
  return path;
}

/** The bounding box of several locators together, padded, for a screenshot `clip`. */
export async function boxAround(locators, padding = 8) {
  const boxes = [];
  for (const locator of locators) {
    const box = await locator.boundingBox();
    if (box) boxes.push(box);
  }
  if (!boxes.length) return undefined;
  const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - padding);
  const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - padding);
  const right = Math.max(...boxes.map((b) => b.x + b.width)) + padding;
  const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + padding;
  return { x, y, width: right - x, height: bottom - y };
}

/**
 * Opens a workspace file by name — from the Explorer when it shows the file, else through Quick Open
 * (whose file search can take a while on a busy machine) — and waits until its editor is the active tab.
 */
export async function openFile(page, name) {
  const inExplorer = page.locator('.explorer-folders-view .monaco-list-row', { hasText: new RegExp(`^${escapeRegExp(name)}$`) });
  if (await inExplorer.isVisible()) {
    await inExplorer.click();
  } else {
    const input = await openCommandPalette(page);
    await input.fill(name);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 60_000 });
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }
  return activeEditor(page, name);
}

/** Waits until `name` is the active tab and returns its editor. */
export async function activeEditor(page, name) {
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();
  await editor.locator('.view-lines').waitFor();
  return editor;
}

/** Moves the cursor of the active editor to `line` (1-based) through "Go to Line". */
export async function goToLine(page, line) {
  const input = await openCommandPalette(page);
  await input.fill(`:${line}`);
  await page.locator('.quick-input-widget', { hasText: new RegExp(`line ${line}\\b`, 'i') }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.locator('#status\\.editor\\.selection', { hasText: `Ln ${line},` }).waitFor();
}

/** For an afterEach hook: when `test` failed, saves a screenshot and prints the workbench's last console errors. */
export async function reportFailure(test, page) {
  if (test?.state !== 'failed' || !page) return;
  const path = await screenshot(page, `failed-${test.title.replace(/\W+/g, '-')}`);
  console.log(`      screenshot of the failure: ${path}`);
  if (page.consoleErrors.length) console.log(`      workbench console errors:\n        ${page.consoleErrors.slice(-10).join('\n        ')}`);
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
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('.quick-input-box input');
  // The widget animates closed and is `inert` meanwhile; one reopened then can stay inert, so wait for
  // it to be gone first, and try again (Escape, F1) when the input it shows does not take typing.
  for (let attempt = 1; ; attempt++) {
    await widget.waitFor({ state: 'hidden' });
    await page.keyboard.press('F1');
    await input.waitFor();
    const usable = await page.waitForFunction(() => {
      const element = document.querySelector('.quick-input-widget .quick-input-box input');
      return element && !element.closest('[inert]') && document.activeElement === element;
    }, undefined, { timeout: 5_000 }).then(() => true, () => false);
    if (usable) return input;
    if (attempt === 3) throw new Error('the command palette opened but does not take typing (inert)');
    await page.keyboard.press('Escape');
  }
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
