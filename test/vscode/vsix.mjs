// STAR Stories as a user gets it: the VSIX that `npm run package` makes (scripts/package.mjs), installed
// into an extensions folder by code-server's own `--install-extension`, offline, as `code
// --install-extension star-stories-<version>.vsix` would. Used by the installed and untrusted tiers
// (test/vscode/run.mjs) and by `npm run demo`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onCleanup } from './cleanup.mjs';
import { repoRoot } from './codeServer.mjs';
import { nodeEnv } from './toolchain.mjs';

/**
 * The VSIX to install: STAR_STORIES_VSIX when set (CI packages once), otherwise a fresh package of the
 * working tree in a temp folder, removed at exit. Packaging rebuilds dist/ for production.
 */
export function builtVsix(say = console.log) {
  if (process.env.STAR_STORIES_VSIX) return process.env.STAR_STORIES_VSIX;
  const dir = mkdtempSync(join(tmpdir(), 'star-stories-vsix-out-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  onCleanup(async () => remove(), remove);
  const vsix = join(dir, 'star-stories.vsix');
  const started = Date.now();
  const run = spawnSync(process.execPath, [join(repoRoot, 'scripts/package.mjs'), '--out', vsix], { cwd: repoRoot, encoding: 'utf8' });
  if (run.status !== 0 || !existsSync(vsix)) throw new Error(`npm run package failed (${run.status ?? run.signal}):\n${run.stdout}\n${run.stderr}`);
  say(`packaged ${vsix} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return vsix;
}

/** Installs `vsix` into `extensionsDir` with code-server and returns the folder it made there. */
export function installVsix(toolchain, extensionsDir, vsix) {
  const run = spawnSync(toolchain.node.node, [toolchain.codeServer.entry, '--extensions-dir', extensionsDir, '--install-extension', vsix], {
    encoding: 'utf8',
    env: nodeEnv(toolchain.node),
    timeout: 120_000,
  });
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const id = `${manifest.publisher}.${manifest.name}-${manifest.version}`;
  const installed = existsSync(extensionsDir) ? readdirSync(extensionsDir).find((name) => name.toLowerCase() === id.toLowerCase()) : undefined;
  if (run.status !== 0 || !installed) {
    throw new Error(`code-server --install-extension ${vsix} failed (${run.status ?? run.signal}); ${extensionsDir} holds ${existsSync(extensionsDir) ? readdirSync(extensionsDir).join(', ') || 'nothing' : 'nothing'}:\n${run.stdout}\n${run.stderr}`);
  }
  return join(extensionsDir, installed);
}
