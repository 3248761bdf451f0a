#!/usr/bin/env node
// Runs the integration suite (dist/test/integration/index.js, built from test/integration/) inside a
// real VS Code extension host: code-server serves VS Code 1.139.1, headless Chromium opens its
// workbench with an extension-development payload, and the extension host loads this repo as the
// extension under development and calls the suite's run().
//
// Results come back through a file: the runner passes STAR_STORIES_TEST_REPORT=<file> to code-server,
// whose extension host inherits it; the suite appends mocha's output to <file>.log as it goes and
// writes a JSON report to <file> when mocha finishes. No report before the time limit (or the
// workbench closing without one) is a failure.
//
// With --untrusted it runs the restricted-mode suite (dist/test/untrusted/index.js, from test/untrusted/)
// instead: workspace trust on and the workspace not trusted, STAR Stories installed from its VSIX
// (test/vscode/vsix.mjs), and test/vscode/test-host/ (an empty extension) as the extension under
// development — VS Code never disables an extension under development, whatever its trust declaration.
//
// With --installed it runs the installed tier (dist/test/installed/index.js, from test/installed/): the
// VSIX installed the same way, test-host/ under development, and a temp copy of examples/ as the workspace.
//
// With --multi-root it runs the multi-root suite (dist/test/multiRoot/index.js, from test/multiRoot/) in a
// temp copy of test/fixtures/multi-root, opened by its .code-workspace file.
//
// Usage: node test/vscode/run.mjs [--untrusted | --multi-root | --installed] [--suite path/to/index.js]
// Env: STAR_STORIES_CACHE, CHROME_PATH, STAR_STORIES_VSIX (install this VSIX instead of packaging one), STAR_STORIES_TEST_TIMEOUT (seconds, default 600),
//      STAR_STORIES_KEEP_TEMP=1 (keep the temp workspace, user data and logs).
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from './browser.mjs';
import { onCleanup, runMain } from './cleanup.mjs';
import { repoRoot, startCodeServer } from './codeServer.mjs';
import { SetupError, ensureToolchain } from './toolchain.mjs';
import { builtVsix, installVsix } from './vsix.mjs';

const { values } = parseArgs({ options: { suite: { type: 'string' }, untrusted: { type: 'boolean', default: false }, 'multi-root': { type: 'boolean', default: false }, installed: { type: 'boolean', default: false } } });
const testHost = join(repoRoot, 'test/vscode/test-host');

/** A temp copy of test/fixtures/multi-root, opened by its .code-workspace file. */
function multiRootWorkspace() {
  const copy = mkdtempSync(join(tmpdir(), 'star-stories-multi-root-'));
  cpSync(join(repoRoot, 'test/fixtures/multi-root'), copy, { recursive: true });
  const remove = () => rmSync(copy, { recursive: true, force: true });
  onCleanup(async () => remove(), remove);
  return { workspace: copy, workspaceFile: join(copy, 'stories.code-workspace') };
}

/** A temp copy of examples/, the story bank a new user opens first. */
function examplesWorkspace() {
  const copy = mkdtempSync(join(tmpdir(), 'star-stories-examples-'));
  cpSync(join(repoRoot, 'examples'), copy, { recursive: true });
  const remove = () => rmSync(copy, { recursive: true, force: true });
  onCleanup(async () => remove(), remove);
  return copy;
}

/** Installs the VSIX into the run's fresh extensions folder, before code-server starts. */
const installPackage = (toolchain, vsix) => ({ extensionsDir }) => {
  say(`installed ${installVsix(toolchain, extensionsDir, vsix)}`);
};

/** Each kind of run: its suite, the extension under development, and how code-server is started. */
const MODES = {
  integration: { suite: 'dist/test/integration/index.js', developmentPath: repoRoot, server: () => ({}) },
  untrusted: { suite: 'dist/test/untrusted/index.js', developmentPath: testHost, server: (toolchain) => ({ trusted: false, setup: installPackage(toolchain, builtVsix(say)) }), note: ' (not trusted)' },
  'multi-root': { suite: 'dist/test/multiRoot/index.js', developmentPath: repoRoot, server: multiRootWorkspace, note: ' (two folders)' },
  installed: { suite: 'dist/test/installed/index.js', developmentPath: testHost, server: (toolchain) => ({ workspace: examplesWorkspace(), setup: installPackage(toolchain, builtVsix(say)) }), note: ' (examples/, installed from the VSIX)' },
};
const mode = MODES[['untrusted', 'multi-root', 'installed'].find((name) => values[name]) ?? 'integration'];
const suite = resolve(values.suite ?? join(repoRoot, mode.suite));
const { developmentPath } = mode;
const timeoutMs = Number(process.env.STAR_STORIES_TEST_TIMEOUT || 600) * 1000;

function say(message) {
  console.log(`[integration] ${message}`);
}

async function main() {
  const started = Date.now();
  if (!values.suite && !existsSync(suite)) {
    throw new SetupError(`${suite} is missing: run \`npm run build\` first (npm run test:integration does).`);
  }
  const toolchain = ensureToolchain();

  const reportDir = mkdtempSync(join(tmpdir(), 'star-stories-report-'));
  const reportFile = join(reportDir, 'report.json');
  const logFile = `${reportFile}.log`;
  let server;
  let browser;
  try {
    server = await startCodeServer({ toolchain, env: { STAR_STORIES_TEST_REPORT: reportFile }, ...mode.server(toolchain) });
    say(`code-server ${server.origin} ready in ${((Date.now() - started) / 1000).toFixed(1)} s; workspace ${server.workspace}${mode.note ?? ''}`);

    browser = await launchChromium(toolchain.chromium);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const browserErrors = [];
    page.on('console', (message) => {
      if (message.type() === 'error') browserErrors.push(message.text().split('\n')[0]);
    });
    let pageClosed = false;
    page.on('close', () => {
      pageClosed = true;
    });
    const payload = [
      ['extensionDevelopmentPath', server.remoteUri(developmentPath)],
      ['extensionTestsPath', server.remoteUri(suite)],
    ];
    await page.goto(server.workbenchUrl(payload));

    // Wait for the report, streaming the suite's output as it is written.
    let printed = 0;
    const printNewOutput = () => {
      if (!existsSync(logFile)) return;
      const text = readFileSync(logFile, 'utf8');
      if (text.length > printed) {
        process.stdout.write(text.slice(printed));
        printed = text.length;
      }
    };
    // Every write of the log or the report is a change in reportDir: wake on those, on the window
    // closing and on code-server exiting, never on a timer.
    const watcher = watch(reportDir);
    const nextChange = (until) => new Promise((wake) => {
      const timer = setTimeout(done, Math.max(0, until - Date.now()));
      function done() {
        clearTimeout(timer);
        watcher.off('change', done);
        page.off('close', done);
        wake();
      }
      watcher.on('change', done);
      page.on('close', done);
      server.whenExited.then(done);
    });
    const deadline = Date.now() + timeoutMs;
    let closedAt;
    let report;
    for (;;) {
      printNewOutput();
      if (existsSync(reportFile) && statSync(reportFile).size > 0) {
        report = JSON.parse(readFileSync(reportFile, 'utf8'));
        break;
      }
      if (server.exited) break;
      // When run() settles the extension host exits and the workbench closes its window; the report
      // is written before that, so a closed window with no report (after a grace period for the
      // file system) means the suite never ran or crashed.
      if (pageClosed) {
        closedAt ??= Date.now();
        if (Date.now() - closedAt > 5000) break;
      }
      if (Date.now() > deadline) break;
      await nextChange(closedAt === undefined ? deadline : Math.min(deadline, closedAt + 5000));
    }
    watcher.close();
    printNewOutput();

    if (!report) {
      const why = server.exited ? 'code-server exited' : pageClosed ? 'the workbench closed' : `no report within ${timeoutMs / 1000} s`;
      console.error(`[integration] FAILED: the extension host never reported test results (${why}).`);
      console.error(`[integration] suite: ${suite}`);
      printDiagnostics(server, browserErrors);
      console.log('integration: 0 passed, 1 failed');
      return 1;
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const failed = report.failures.length;
    if (report.passes + failed === 0) {
      console.error('[integration] FAILED: the suite ran no test.');
      printDiagnostics(server, browserErrors);
      console.log('integration: 0 passed, 1 failed');
      return 1;
    }
    if (failed > 0 || report.error) {
      if (report.error) console.error(`[integration] the suite's run() failed: ${report.error}`);
      printDiagnostics(server, browserErrors);
    }
    say(`finished in ${seconds} s`);
    console.log(`integration: ${report.passes} passed, ${failed} failed`);
    return failed > 0 || report.error ? 1 : 0;
  } finally {
    await browser?.close();
    await server?.stop();
    rmSync(reportDir, { recursive: true, force: true });
  }
}

function printDiagnostics(server, browserErrors) {
  console.error('\n[integration] ----- extension host log -----');
  console.error(server.extensionHostLog());
  console.error('[integration] ----- code-server output (tail) -----');
  console.error(server.outputTail(60));
  if (browserErrors.length) {
    console.error('[integration] ----- workbench console errors (last 20) -----');
    console.error(browserErrors.slice(-20).join('\n'));
  }
}

runMain('integration', main);
