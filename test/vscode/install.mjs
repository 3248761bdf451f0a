// Installs the built extension into a code-server (or VS Code) extensions folder the way a VSIX would:
// the files that .vscodeignore lets into a package, copied to <extensionsDir>/<publisher>.<name>-<version>/.
// VS Code finds an extension folder there on start-up when the folder has no extensions.json yet (as
// a fresh one has), so no packaging tool is needed — and an extension that works from these files
// alone also works from the VSIX that `vsce package` would make of them.
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { globSync } from 'tinyglobby';
import { repoRoot } from './codeServer.mjs';

/** The repo-relative files a VSIX of this repo would hold, by .vscodeignore (an allow-list: `**`, then `!pattern` lines). */
export function packagedFiles(root = repoRoot) {
  const patterns = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
  if (patterns[0] !== '**' || patterns.slice(1).some((p) => !p.startsWith('!'))) {
    throw new Error('.vscodeignore is expected to be an allow-list: "**" first, then only "!pattern" lines.');
  }
  return globSync(patterns.slice(1).map((p) => p.slice(1)), { cwd: root, dot: true, ignore: ['node_modules/**'] }).sort();
}

/** Copies the packaged files into `extensionsDir` and returns the extension's folder there. */
export function installUnpacked(extensionsDir, root = repoRoot) {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const target = join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  const main = manifest.main?.replace(/^\.\//, '');
  const files = packagedFiles(root);
  if (main && !files.includes(main) && !files.includes(`${main}.js`)) {
    throw new Error(`${manifest.main} is not among the packaged files: run \`npm run build\` first, and check .vscodeignore.`);
  }
  for (const file of files) {
    mkdirSync(dirname(join(target, file)), { recursive: true });
    cpSync(join(root, file), join(target, file));
  }
  if (!existsSync(join(target, 'package.json'))) throw new Error('.vscodeignore leaves out package.json');
  return target;
}
