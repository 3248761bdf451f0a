#!/usr/bin/env node
// `npm run demo`: VS Code in the browser with STAR Stories installed, opened on the examples/ story
// bank, at http://127.0.0.1:8080 until Ctrl+C — so anyone can try the extension without installing
// VS Code. It is the same code-server 4.139.1 (VS Code 1.139.1) that the test tiers use, installed once
// into ~/.cache/star-stories (see test/vscode/toolchain.mjs); the extension is packaged as its VSIX and
// installed into a fresh extensions folder by code-server (test/vscode/vsix.mjs). Ctrl+C stops
// code-server's whole process group and removes its temp folder; the opened folder is left as it is.
//
// Usage: npm run demo [-- --port 8080] [-- --folder PATH]      (npm run demo builds first)
// Env: STAR_STORIES_CACHE, CHROME_PATH (Chromium is only checked for, as the tests need it).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runMain } from '../test/vscode/cleanup.mjs';
import { repoRoot, startCodeServer } from '../test/vscode/codeServer.mjs';
import { CODE_SERVER_VERSION, SetupError, ensureToolchain } from '../test/vscode/toolchain.mjs';
import { builtVsix, installVsix } from '../test/vscode/vsix.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8080' },
    folder: { type: 'string', default: join(repoRoot, 'examples') },
  },
});

async function main() {
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new SetupError(`--port ${values.port}: give a port number such as 8080 (0: any free port).`);
  const folder = resolve(values.folder);
  if (!existsSync(folder)) throw new SetupError(`--folder ${folder} does not exist.`);
  const toolchain = ensureToolchain();
  const vsix = builtVsix((message) => console.log(`[demo] ${message}`));
  let installed;
  let server;
  try {
    server = await startCodeServer({
      toolchain,
      port,
      workspace: folder,
      smokeTestDriver: false,
      setup: ({ extensionsDir }) => {
        installed = installVsix(toolchain, extensionsDir, vsix);
      },
    });
  } catch (error) {
    if (/EADDRINUSE/.test(error.message)) throw new SetupError(`Port ${port} is in use: stop what uses it or run \`npm run demo -- --port 8081\`.`);
    throw error;
  }
  console.log(`[demo] STAR Stories is installed in ${installed}`);
  console.log(`[demo] code-server ${CODE_SERVER_VERSION} is serving ${folder}`);
  console.log('');
  console.log(`    Open ${server.origin}/ in your browser`);
  console.log('');
  console.log('[demo] Click the STAR Stories icon (a star) in the activity bar, open a story, hover a label or a metric.');
  console.log('[demo] Press Ctrl+C to stop.');

  // Runs until Ctrl+C (cleanup.mjs stops code-server's process group and exits) or until code-server dies.
  await server.whenExited;
  console.error('[demo] code-server stopped by itself; its last lines:');
  console.error(server.outputTail(30));
  return 1;
}

runMain('demo', main);
