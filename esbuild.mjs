// One build for every bundle: the extension (CommonJS, `vscode` external), the CLI and,
// when present, the integration suite that runs inside the extension host.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // unified/remark are ESM-only; bundling them into CommonJS keeps every entry point loadable by `require`.
  // Some bundled ESM reads `import.meta.url`, which CommonJS lacks: give it the bundle's own URL.
  define: { 'import.meta.url': '__bundleUrl', STAR_STORIES_VERSION: JSON.stringify(version) },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

const entries = [
  { entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['src/cli/cli.ts'], outfile: 'dist/cli.js', banner: { js: `#!/usr/bin/env node\n${common.banner.js}` } },
  // The integration suite; mocha comes from node_modules at run time (test/integration/index.ts).
  { entryPoints: ['test/integration/index.ts'], outfile: 'dist/test/integration/index.js', external: ['vscode', 'mocha'] },
];

// The rehearsal webview runs in a browser frame: its own bundle, nothing from Node or VS Code, and the
// only folder the panel may load from (`localResourceRoots`).
const webview = {
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  sourcemap: false,
  minify: production,
  logLevel: 'warning',
  entryPoints: { webview: 'src/webview/main.ts', rehearsal: 'src/webview/rehearsal.css' },
  outdir: 'dist/media',
};

await Promise.all([
  ...entries.filter((e) => existsSync(e.entryPoints[0])).map((e) => build({ ...common, ...e })),
  build(webview),
]);
