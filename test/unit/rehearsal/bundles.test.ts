import assert from 'node:assert/strict';
import { build } from 'esbuild';

/** The source files esbuild puts into a bundle of `entry`. */
async function inputs(entry: string, platform: 'browser' | 'node'): Promise<string[]> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    platform,
    format: platform === 'node' ? 'cjs' : 'iife',
    external: ['vscode'],
    logLevel: 'silent',
    define: { 'import.meta.url': '"file:///x"', STAR_STORIES_VERSION: '"0"' },
  });
  return Object.keys(result.metafile.inputs);
}

describe('rehearsal bundles keep their layers apart', function () {
  this.timeout(60_000);

  it('the webview bundle holds only the webview code and the protocol file', async () => {
    const files = await inputs('src/webview/main.ts', 'browser');
    const foreign = files.filter((f) => !f.startsWith('src/webview/') && f !== 'src/rehearsal/protocol.ts');
    assert.deepEqual(foreign, [], 'the webview must not pull in core, host or npm code');
  });

  it('the extension bundle holds no webview code', async () => {
    const files = await inputs('src/extension/extension.ts', 'node');
    assert.ok(files.includes('src/rehearsal/panel.ts'), 'the panel host is in the extension');
    assert.deepEqual(files.filter((f) => f.startsWith('src/webview/')), []);
  });

  it('the extension bundle holds no parser, renderer or metrics: the analysis worker has them', async () => {
    // What the extension host loads at activation; story Markdown is parsed and rendered in the worker.
    const files = await inputs('src/extension/extension.ts', 'node');
    // jsonc-parser (about 27 KB) is the one package the host needs: it reads `.starstories.jsonc` files.
    const npm = (f: string) => f.startsWith('node_modules/') && !f.startsWith('node_modules/jsonc-parser/');
    assert.deepEqual(files.filter((f) => npm(f) || f === 'src/rehearsal/render.ts' || f.startsWith('src/core/lint/metrics/')), []);
    const worker = await inputs('src/extension/analysisWorker.ts', 'node');
    assert.ok(worker.includes('src/rehearsal/render.ts') && worker.includes('src/core/lint/metrics/quantity.ts'), 'the worker renders and computes metrics');
  });
});
