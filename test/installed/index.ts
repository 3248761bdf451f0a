// Entry point of the installed tier: `node test/vscode/run.mjs --installed` (part of
// `npm run test:integration`) packages the VSIX, installs it into an empty extensions folder with
// code-server's --install-extension, opens a copy of examples/, and the extension host loads
// dist/test/installed/index.js and calls run(). The extension under development is the empty
// test/vscode/test-host/, so everything here comes from the installed package.
import { runSuite } from '../integration/suite';

export function run(): Promise<void> {
  return runSuite([() => import('./installed.test')]);
}
