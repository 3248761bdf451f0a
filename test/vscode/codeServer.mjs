// Starts code-server (a real VS Code server: workbench + extension host) for one test run, on a
// free loopback port, with fresh user-data and extensions folders and a temp copy of the fixtures as
// its workspace, and stops every process it started.
import { spawn } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeEnv } from './toolchain.mjs';
import { onCleanup } from './cleanup.mjs';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const fixtures = join(repoRoot, 'test/fixtures');

/** Settings that keep a test workbench quiet, offline and deterministic. */
const testSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'github.gitAuthentication': false,
  'files.hotExit': 'off',
  'window.restoreWindows': 'none',
  'editor.minimap.enabled': false,
};

/**
 * With `trusted: false`: workspace trust on, and the folder opened in restricted mode without the
 * "Do you trust the authors?" dialog (a fresh user-data folder trusts nothing).
 */
const untrustedSettings = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
};

/** The workspace every test run gets: the seed story banks plus test/fixtures/workspace/ when it exists. */
function makeWorkspace(dir) {
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(join(fixtures, 'seeds'))) {
    if (name.endsWith('.md')) cpSync(join(fixtures, 'seeds', name), join(dir, name));
  }
  const extra = join(fixtures, 'workspace');
  if (existsSync(extra)) cpSync(extra, dir, { recursive: true });
}

function tailLines(text, count) {
  const lines = text.split('\n');
  return lines.slice(Math.max(0, lines.length - count)).join('\n');
}

/** The HTTP status of a GET of `url`, or 0 when nothing answers within 2 s. */
export function httpStatus(url) {
  return new Promise((resolvePromise) => {
    const req = request(url, { timeout: 2000 }, (res) => {
      res.resume();
      resolvePromise(res.statusCode ?? 0);
    });
    req.on('error', () => resolvePromise(0));
    req.on('timeout', () => {
      req.destroy();
      resolvePromise(0);
    });
    req.end();
  });
}

/**
 * The tests pass `toolchain` (and `env`/`settings`); the untrusted-workspace suite also `trusted: false`
 * and `setup`. `npm run demo` (scripts/demo.mjs) also picks the port and the folder to open, turns the
 * smoke-test driver off and installs the extension through `setup`, which runs before code-server starts.
 * Workspace trust is off unless `trusted` is false: then it is on and the workspace is not trusted.
 * @param {{ toolchain: ReturnType<import('./toolchain.mjs').ensureToolchain>, env?: Record<string,string>, settings?: object, readyTimeoutMs?: number,
 *   port?: number, workspace?: string, workspaceFile?: string, smokeTestDriver?: boolean, trusted?: boolean, setup?: (dirs: { userDataDir: string, extensionsDir: string }) => void }} options
 */
export async function startCodeServer({ toolchain, env = {}, settings = {}, readyTimeoutMs = 60_000, port = 0, workspace: folder, workspaceFile, smokeTestDriver = true, trusted = true, setup }) {
  const root = mkdtempSync(join(tmpdir(), 'star-stories-vscode-'));
  const userDataDir = join(root, 'user-data');
  const extensionsDir = join(root, 'extensions');
  const workspace = folder ? resolve(folder) : join(root, 'story-bank');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(userDataDir, 'User/settings.json'), JSON.stringify({ ...testSettings, ...(trusted ? {} : untrustedSettings), ...settings }, null, 2));
  if (!folder) makeWorkspace(workspace);
  setup?.({ userDataDir, extensionsDir });

  const outputFile = join(root, 'code-server.log');
  const outputStream = createWriteStream(outputFile);
  let output = '';
  const args = [
    toolchain.codeServer.entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`, // 0: the OS picks a free port; code-server prints it
    '--config', join(root, 'config.yaml'),
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    ...(trusted ? ['--disable-workspace-trust'] : []),
    '--disable-getting-started-override',
    // lets the URL's payload load an extension under development
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    workspace,
  ];
  // detached: its own process group, so stop() reaches the helpers it starts (extension host, ptys…).
  const child = spawn(toolchain.node.node, args, {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: nodeEnv(toolchain.node, env),
  });
  let exited = false;
  let exitCode = null;
  const exitPromise = new Promise((resolveExit) => {
    child.on('exit', (code, signal) => {
      exited = true;
      exitCode = code ?? signal;
      resolveExit();
    });
  });
  const collect = (chunk) => {
    outputStream.write(chunk);
    output = tailLines(output + chunk.toString(), 400);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);

  let stopped = false;
  const killGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // ESRCH: the group is already gone.
    }
  };
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    killGroup('SIGTERM');
    const timedOut = await Promise.race([exitPromise.then(() => false), new Promise((r) => setTimeout(r, 5000, true).unref())]);
    if (timedOut) process.stderr.write('[vscode-test] code-server ignored SIGTERM; killing its process group\n');
    killGroup('SIGKILL'); // whatever helpers are left in the group
    await exitPromise;
    await new Promise((r) => outputStream.end(r));
    if (!process.env.STAR_STORIES_KEEP_TEMP) rmSync(root, { recursive: true, force: true });
    else process.stderr.write(`[vscode-test] kept ${root} (STAR_STORIES_KEEP_TEMP)\n`);
  };
  // Also on SIGINT/SIGTERM/uncaught errors and, synchronously, at process exit.
  const unregister = onCleanup(stop, () => killGroup('SIGKILL'));

  const session = {
    root,
    userDataDir,
    workspace,
    port: 0,
    origin: '',
    /** The last lines code-server printed. */
    outputTail: (lines = 60) => tailLines(output, lines),
    /** The extension hosts' logs (remoteexthost.log) from this run, concatenated. */
    extensionHostLog() {
      const logs = [];
      const walk = (dir) => {
        if (!existsSync(dir)) return;
        for (const name of readdirSync(dir)) {
          const path = join(dir, name);
          if (statSync(path).isDirectory()) walk(path);
          else if (/exthost/i.test(path) && name.endsWith('exthost.log')) logs.push(path);
        }
      };
      walk(join(userDataDir, 'logs'));
      return logs.map((path) => `--- ${path}\n${readFileSync(path, 'utf8')}`).join('\n') || '(no extension host log was written)';
    },
    /** The workbench URL for the test workspace (or `workspaceFile`, a .code-workspace), with a smoke-test-driver payload (array of [key, value]). */
    workbenchUrl(payload = []) {
      const query = (workspaceFile ? `workspace=${encodeURIComponent(resolve(workspaceFile))}` : `folder=${encodeURIComponent(workspace)}`) + (payload.length ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : '');
      return `${session.origin}/?${query}`;
    },
    /** A path on this machine as the workbench names it in a payload. */
    remoteUri(path) {
      return `vscode-remote://127.0.0.1:${session.port}${resolve(path)}`;
    },
    get exited() {
      return exited;
    },
    /** Resolves when code-server exits. */
    whenExited: exitPromise,
    stop: async () => {
      unregister();
      await stop();
    },
  };

  try {
    const deadline = Date.now() + readyTimeoutMs;
    // Wait for the port it printed, then check its health endpoint.
    while (!session.port) {
      const match = /HTTP server listening on https?:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) session.port = Number(match[1]);
      else await waitForOutputOrExit(child, exitPromise, deadline);
      if (exited) throw new Error(`code-server exited (${exitCode}) before listening`);
      if (Date.now() > deadline) throw new Error(`code-server did not listen within ${readyTimeoutMs / 1000} s`);
    }
    session.origin = `http://127.0.0.1:${session.port}`;
    // It prints that line once its socket listens, so the health endpoint answers now or never.
    const health = await httpStatus(`${session.origin}/healthz`);
    if (health !== 200) throw new Error(`code-server listens on ${session.port} but /healthz answered ${health}`);
    return session;
  } catch (error) {
    const tail = tailLines(output, 40);
    await session.stop();
    error.message += `\n--- code-server output (last lines)\n${tail}`;
    throw error;
  }
}

/** Resolves at the child's next output, its exit, or the deadline, whichever comes first. */
export function waitForOutputOrExit(child, exitPromise, deadline) {
  return new Promise((resolveWait) => {
    const timer = setTimeout(done, Math.max(0, deadline - Date.now()));
    function done() {
      clearTimeout(timer);
      child.stdout.off('data', done);
      child.stderr.off('data', done);
      resolveWait();
    }
    child.stdout.once('data', done);
    child.stderr.once('data', done);
    exitPromise.then(done);
  });
}
