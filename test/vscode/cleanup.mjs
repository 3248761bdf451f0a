// One place that stops what the test tiers started — code-server's process group, the browser — when
// a run ends normally, fails, or is interrupted (SIGINT/SIGTERM/SIGHUP), and as a last resort
// synchronously when the process exits.
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
