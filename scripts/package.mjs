// `npm run package [-- --pre-release] [-- --out PATH]`: a production build, then
// star-stories-<version>.vsix by vsce, failing on any warning vsce prints (docs/release.md).
//
// vsce only asks "Do you want to continue?" after a warning (no LICENSE, no repository…) when stdout is a
// terminal; without one it answers yes itself and packages anyway. So vsce runs here with stdin closed and
// its output captured, and a WARNING line fails the run and deletes the VSIX.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const vsce = require('@vscode/vsce');

const args = process.argv.slice(2);
const outAt = args.findIndex((a) => a === '--out' || a === '-o');
const manifest = (await import(join(root, 'package.json'), { with: { type: 'json' } })).default;
// npm run changes directory to the repo; a relative --out is meant from where the command was typed.
const out = outAt >= 0 ? resolve(process.env.INIT_CWD ?? process.cwd(), args[outAt + 1]) : join(root, `${manifest.name}-${manifest.version}.vsix`);
const passed = outAt >= 0 ? args.toSpliced(outAt, 2) : args;
mkdirSync(dirname(out), { recursive: true });

const build = spawnSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// vsce refuses a package.json "files" list beside a .vscodeignore, but the two lists are for different
// packages: "files" is the npm package (the CLI), .vscodeignore the VSIX. So vsce packages a copy of
// what .vscodeignore lets in, with a package.json that has no "files".
const { files: _npmFiles, ...vsixManifest } = manifest;
const stage = mkdtempSync(join(tmpdir(), 'star-stories-vsix-'));
let failed = true;
try {
  const files = await vsce.listFiles({ cwd: root, manifest: vsixManifest, packageManager: vsce.PackageManager.None });
  for (const file of [...files, '.vscodeignore']) {
    mkdirSync(dirname(join(stage, file)), { recursive: true });
    copyFileSync(join(root, file), join(stage, file));
  }
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(vsixManifest, null, 2)}\n`);

  const run = spawnSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package',
    // Everything the extension runs is bundled into dist/; node_modules holds only build tools.
    '--no-dependencies',
    // README's relative links and images become https://github.com/<repository>/{blob,raw}/main/….
    '--githubBranch', 'main',
    '--out', out, ...passed,
  ], { cwd: stage, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  process.stdout.write(run.stdout);
  process.stderr.write(run.stderr);
  // Plain output says " WARNING  …"; under GitHub Actions vsce writes "::warning::…" to stdout instead.
  const warnings = `${run.stdout}\n${run.stderr}`.split('\n').filter((line) => /\bWARNING\b|^::warning::/i.test(line));
  if (run.status !== 0) {
    console.error(`vsce failed (${run.status ?? run.signal})`);
  } else if (warnings.length > 0) {
    console.error(`vsce warned, so ${out} is not kept:\n${warnings.join('\n')}`);
  } else {
    failed = false;
    console.log(`${out}: ${statSync(out).size} bytes`);
  }
} finally {
  rmSync(stage, { recursive: true, force: true });
  if (failed) rmSync(out, { force: true });
}
process.exit(failed ? 1 : 0);
