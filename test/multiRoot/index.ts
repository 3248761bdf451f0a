// Entry point of the multi-root suite: `node test/vscode/run.mjs --multi-root` (part of
// `npm run test:integration`) opens test/fixtures/multi-root/stories.code-workspace, two folders each
// configured its own way, and the extension host loads dist/test/multiRoot/index.js and calls run().
import { runSuite } from '../integration/suite';

export function run(): Promise<void> {
  return runSuite([() => import('./multiRoot.test')]);
}
