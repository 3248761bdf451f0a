// One build for every bundle: the extension (CommonJS, `vscode` external), the CLI and,
// when present, the integration suite that runs inside the extension host.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const production = process.argv.includes('--production');

// iconv-lite bundles the tables of its double-byte code pages (Chinese, Japanese, Korean: 400 KB that every
// process would parse on start). STAR011 only reads Windows-1252, Mac Roman and UTF-8, so they are left out.
const withoutDoubleByteCodePages = {
  name: 'without-double-byte-code-pages',
  setup(build) {
    build.onLoad({ filter: /iconv-lite[\\/]encodings[\\/]dbcs-data\.js$/ }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

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
  plugins: [withoutDoubleByteCodePages],
  // jsonc-parser's `main` is a UMD build whose run-time require()s a bundler cannot follow; its ES build bundles.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
};

// Every `import * as vscode from 'vscode'` of the extension reads one namespace (src/extension/vscodeApi.ts).
const vscodeOnce = {
  name: 'vscode-once',
  setup(b) {
    const api = resolvePath('src/extension/vscodeApi.ts');
    b.onResolve({ filter: /^vscode$/ }, (args) => (args.importer === api ? { path: 'vscode', external: true } : { path: api }));
  },
};

const entries = [
  // The first and last statements of the bundle note the time, so activation can report module
  // evaluation + activate() (src/extension/activationClock.ts).
  { entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', plugins: [...common.plugins, vscodeOnce], banner: { js: `globalThis.__starStoriesModule = { start: [performance.now(), process.threadCpuUsage?.()] };\n${common.banner.js}` }, footer: { js: 'globalThis.__starStoriesModule.end = [performance.now(), process.threadCpuUsage?.()];' } },
  // The analysis worker: the core and its parser, off the extension host's thread (src/extension/analysisClient.ts).
  { entryPoints: ['src/extension/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' },
  { entryPoints: ['src/cli/cli.ts'], outfile: 'dist/cli.js', banner: { js: `#!/usr/bin/env node\n${common.banner.js}` } },
  // The integration suite; mocha comes from node_modules at run time (test/integration/index.ts).
  { entryPoints: ['test/integration/index.ts'], outfile: 'dist/test/integration/index.js', external: ['vscode', 'mocha'] },
  // The restricted-mode suite: the same harness in a workspace VS Code does not trust (test/untrusted/).
  { entryPoints: ['test/untrusted/index.ts'], outfile: 'dist/test/untrusted/index.js', external: ['vscode', 'mocha'] },
  // The multi-root suite: two workspace folders, each with its own configuration (test/multiRoot/).
  { entryPoints: ['test/multiRoot/index.ts'], outfile: 'dist/test/multiRoot/index.js', external: ['vscode', 'mocha'] },
  // The installed tier: the packaged VSIX in an empty extensions folder, on a copy of examples/ (test/installed/).
  { entryPoints: ['test/installed/index.ts'], outfile: 'dist/test/installed/index.js', external: ['vscode', 'mocha'] },
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

const metafile = process.argv.includes('--metafile');
const [results] = await Promise.all([
  Promise.all(entries.filter((e) => existsSync(e.entryPoints[0])).map((e) => build({ ...common, ...e, metafile }))),
  build(webview),
]);
if (metafile) {
  // `node esbuild.mjs --production --metafile`: what each bundle is made of, largest inputs first.
  const { writeFileSync } = await import('node:fs');
  for (const r of results) {
    for (const [out, info] of Object.entries(r.metafile.outputs)) {
      if (!out.endsWith('.js')) continue;
      writeFileSync(`${out}.meta.json`, JSON.stringify(r.metafile));
      const top = Object.entries(info.inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput).slice(0, 8);
      console.log(`${out}: ${info.bytes} bytes; largest inputs: ${top.map(([f, i]) => `${f.replace(/^node_modules\//, '')} ${i.bytesInOutput}`).join(', ')}`);
    }
  }
}
