// Entry point of the integration suite. VS Code's extension host (desktop via @vscode/test-electron,
// or code-server via test/vscode/run.mjs) loads dist/test/integration/index.js and calls run().
import { runSuite } from './suite';

const testFiles: Array<() => Promise<unknown>> = [
  () => import('./activation.test'),
  () => import('./documentSymbols.test'),
  () => import('./commands.test'),
  () => import('./diagnostics.test'),
  () => import('./storyBank.test'),
  () => import('./encodings.test'),
  () => import('./rehearsal.test'),
  () => import('./mockInterview.test'),
  () => import('./performance.test'),
];

export function run(): Promise<void> {
  return runSuite(testFiles);
}
