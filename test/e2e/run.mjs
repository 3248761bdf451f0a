#!/usr/bin/env node
// Runs the end-to-end tests (test/e2e/*.e2e.mjs): mocha in plain Node, playwright-core driving
// headless Chromium against code-server with this repo loaded as the extension under development.
// One code-server and one browser serve the whole run; each test file opens its own workbench page.
// Screenshots go to test-results/e2e/ (git-ignored).
//
// Usage: node test/e2e/run.mjs [--grep PATTERN]   (build first: npm run test:e2e does)
// Env: STAR_STORIES_CACHE, CHROME_PATH, STAR_STORIES_KEEP_TEMP=1.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Mocha from 'mocha';
import { runMain } from '../vscode/cleanup.mjs';
import { repoRoot } from '../vscode/codeServer.mjs';
import { SetupError, ensureToolchain } from '../vscode/toolchain.mjs';
import { codeServer, startSession, stopSession } from './workbench.mjs';

const { values } = parseArgs({ options: { grep: { type: 'string' } } });

async function main() {
  if (!existsSync(join(repoRoot, 'dist/extension.js'))) {
    throw new SetupError('dist/extension.js is missing: run `npm run build` first (npm run test:e2e does).');
  }
  // Installing the toolchain (first run only) happens before any test's clock starts.
  const toolchain = ensureToolchain();

  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 60_000, forbidOnly: true, forbidPending: true, grep: values.grep });
  const dir = join(repoRoot, 'test/e2e');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.e2e.mjs')).sort()) mocha.addFile(join(dir, name));
  let anyFailed = false;
  mocha.rootHooks({
    async beforeAll() {
      this.timeout(120_000);
      await startSession(toolchain);
    },
    async afterAll() {
      this.timeout(30_000);
      const server = codeServer();
      if (anyFailed && server) {
        console.error('[e2e] ----- extension host log -----');
        console.error(server.extensionHostLog());
        console.error('[e2e] ----- code-server output (tail) -----');
        console.error(server.outputTail(60));
      }
      await stopSession();
    },
  });
  await mocha.loadFilesAsync();

  const counts = { passed: 0, failed: 0 };
  await new Promise((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', () => counts.passed++);
    runner.on('fail', () => {
      counts.failed++;
      anyFailed = true;
    });
  });
  if (counts.passed + counts.failed === 0) {
    console.error('[e2e] FAILED: no end-to-end test ran.');
    counts.failed = 1;
  }
  console.log(`e2e: ${counts.passed} passed, ${counts.failed} failed`);
  return counts.failed > 0 ? 1 : 0;
}

runMain('e2e', main);
