// One place that stops what the test tiers started — code-server's process group, the browser — when
// a run ends normally, fails, or is interrupted (SIGINT/SIGTERM/SIGHUP), and as a last resort
// synchronously when the process exits.
import { SetupError } from './toolchain.mjs';

const entries = new Set();
let installed = false;
let interrupted = false;

async function runAll() {
  const pending = [...entries];
  entries.clear();
  await Promise.allSettled(pending.map((entry) => entry.async()));
}

function install() {
  if (installed) return;
  installed = true;
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    process.on(signal, () => {
      if (interrupted) process.exit(code); // a second signal: stop waiting
      interrupted = true;
      process.stderr.write(`\n[vscode-test] ${signal}: stopping code-server and the browser\n`);
      runAll().finally(() => process.exit(code));
    });
  }
  process.on('exit', () => {
    for (const entry of entries) entry.sync?.();
  });
}

/**
 * Registers a cleanup: `async` for orderly shutdown, `sync` for process exit (no awaiting possible then).
 * Returns a function that unregisters it.
 */
export function onCleanup(async, sync) {
  install();
  const entry = { async, sync };
  entries.add(entry);
  return () => entries.delete(entry);
}

/** Runs every registered cleanup (used by runners before they exit). */
export function cleanupAll() {
  return runAll();
}

/**
 * Runs a runner's `main` (which resolves to an exit code), then every cleanup, then exits with that
 * code. A failure exits 1 after printing `[tag] message`: a SetupError's one line, else the stack.
 */
export function runMain(tag, main) {
  // Once a signal is being handled, its handler exits with the signal's code: main ending because the
  // cleanup stopped code-server must not race it with an exit code of its own.
  main().then(
    async (code) => {
      if (interrupted) return;
      await runAll();
      process.exit(code);
    },
    async (error) => {
      if (interrupted) return;
      await runAll();
      if (error instanceof SetupError) console.error(`[${tag}] ${error.message}`);
      else console.error(`[${tag}] FAILED:`, error?.stack ?? error);
      process.exit(1);
    },
  );
}
