// Entry point of the restricted-mode suite: `node test/vscode/run.mjs --untrusted` (part of
// `npm run test:integration`) opens a workspace VS Code does not trust, with STAR Stories installed as
// a normal extension, and the extension host loads dist/test/untrusted/index.js and calls run().
import { runSuite } from '../integration/suite';

export function run(): Promise<void> {
  return runSuite([() => import('./restrictedMode.test')]);
}
