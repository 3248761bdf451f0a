#!/usr/bin/env node
// Runs the integration suite in desktop VS Code through @vscode/test-electron — for a machine that
// can download VS Code (it caches the download in .vscode-test/). On machines that cannot (like the
// project's dev boxes and CI), use `npm run test:integration`, which runs the same suite in code-server.
//
// Usage: npm run build && node test/integration/electron.mjs
// Env: VSCODE_VERSION (default "stable"; e.g. 1.139.1), VSCODE_EXECUTABLE (use an installed VS Code
// instead of downloading one). On a Linux box without a display, run it under `xvfb-run -a`.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const suite = join(repoRoot, 'dist/test/integration/index.js');
if (!existsSync(suite)) {
  console.error(`${suite} is missing: run \`npm run build\` first.`);
  process.exit(1);
}

// The same workspace the code-server runner uses: a temp copy of the seeds (and
// test/fixtures/workspace/ when present), so tests never touch the repo's files.
const root = mkdtempSync(join(tmpdir(), 'star-stories-electron-'));
const workspace = join(root, 'story-bank');
mkdirSync(workspace);
const seeds = join(repoRoot, 'test/fixtures/seeds');
for (const name of readdirSync(seeds).filter((n) => n.endsWith('.md'))) cpSync(join(seeds, name), join(workspace, name));
const extra = join(repoRoot, 'test/fixtures/workspace');
if (existsSync(extra)) cpSync(extra, workspace, { recursive: true });

let code = 0;
try {
  await runTests({
    version: process.env.VSCODE_VERSION || 'stable',
    ...(process.env.VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE } : {}),
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: suite,
    launchArgs: [
      workspace,
      '--disable-extensions', // other installed extensions stay out; the one under development still loads
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--user-data-dir', join(root, 'user-data'),
      '--extensions-dir', join(root, 'extensions'),
    ],
  });
} catch (error) {
  console.error(`Integration tests failed: ${error instanceof Error ? error.message : error}`);
  code = 1;
} finally {
  rmSync(root, { recursive: true, force: true });
}
process.exit(code);
