// Runs a list of integration test files with mocha inside VS Code's extension host: the common part
// of every suite's run() (test/integration/index.ts, test/untrusted/index.ts).
//
// mocha is not bundled: it is required at run time from the repo's node_modules. The test files are
// bundled into the suite and evaluated only after mocha has set up its globals (describe/it), which
// is why each suite lists them as dynamic import()s.
//
// When STAR_STORIES_TEST_REPORT names a file, mocha's output is also appended to `<file>.log` as the
// tests run, and a JSON report is written to `<file>` when they finish — that is how the code-server
// runner, which cannot see the extension host's console, gets the results.
import { appendFileSync, renameSync, writeFileSync } from 'node:fs';
import { format } from 'node:util';
import Mocha from 'mocha';

interface FailureReport {
  title: string;
  error: string;
  stack?: string;
}

interface SuiteReport {
  passes: number;
  pending: number;
  failures: FailureReport[];
  durationMs: number;
  error?: string;
}

function writeReport(file: string, report: SuiteReport): void {
  // Write then rename, so a reader never sees half a report.
  writeFileSync(`${file}.tmp`, JSON.stringify(report, null, 2));
  renameSync(`${file}.tmp`, file);
}

export async function runSuite(testFiles: Array<() => Promise<unknown>>): Promise<void> {
  const reportFile = process.env.STAR_STORIES_TEST_REPORT;
  const started = Date.now();
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void; useColors: boolean };
  const consoleLog = base.consoleLog;
  if (reportFile) {
    base.useColors = false;
    writeFileSync(`${reportFile}.log`, '');
    base.consoleLog = (...args: unknown[]) => {
      appendFileSync(`${reportFile}.log`, format(...args) + '\n');
      consoleLog(...args);
    };
  }

  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 60_000, color: !reportFile, forbidOnly: true, forbidPending: true });
  const report: SuiteReport = { passes: 0, pending: 0, failures: [], durationMs: 0 };
  try {
    mocha.suite.emit('pre-require', globalThis, 'integration', mocha);
    for (const load of testFiles) await load();
    const failures = await new Promise<number>((resolve) => {
      const runner = mocha.run(resolve);
      runner.on('pass', () => report.passes++);
      runner.on('pending', () => report.pending++);
      runner.on('fail', (test, error: Error) => {
        report.failures.push({ title: test.fullTitle(), error: String(error?.message ?? error), stack: error?.stack });
      });
    });
    report.durationMs = Date.now() - started;
    if (reportFile) writeReport(reportFile, report);
    if (failures > 0) throw new Error(`${failures} integration test(s) failed.`);
  } catch (error) {
    if (reportFile && report.durationMs === 0) {
      report.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
      report.durationMs = Date.now() - started;
      writeReport(reportFile, report);
    }
    throw error;
  } finally {
    base.consoleLog = consoleLog;
  }
}
