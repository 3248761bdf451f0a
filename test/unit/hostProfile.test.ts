// The integration test's measure of the extension host (test/integration/hostProfile.ts), on a profile
// made up here: turns of the event loop are found from the timer's ticks, and each turn's samples go to
// the extension whose code ran, to VS Code, or to the runtime.
import assert from 'node:assert/strict';
import { blocks, RUNTIME, type CpuProfile } from '../integration/hostProfile';

const OURS = 'file:///ext/star-stories/dist/extension.js';
const frame = (functionName: string, url = '') => ({ functionName, url });

// Root; idle; garbage collection; VS Code calling our code; markdown-language-features on its own.
const nodes: CpuProfile['nodes'] = [
  { id: 1, callFrame: frame('(root)'), children: [2, 3, 4, 6] },
  { id: 2, callFrame: frame('(idle)') },
  { id: 3, callFrame: frame('(garbage collector)') },
  { id: 4, callFrame: frame('_doInvoke', 'file:///vscode/out/vs/workbench/api/node/extensionHostProcess.js'), children: [5] },
  { id: 5, callFrame: frame('provideDocumentSymbols', OURS) },
  { id: 6, callFrame: frame('tokenize', 'file:///vscode/extensions/markdown-language-features/dist/extension.js') },
];

/** One sample per millisecond: `[node, how many]` in order. */
function profile(runs: Array<[number, number]>): CpuProfile {
  const samples = runs.flatMap(([id, n]) => Array.from({ length: n }, () => id));
  return { nodes, startTime: 0, endTime: samples.length * 1000, samples, timeDeltas: samples.map(() => 1000) };
}

describe('attributing the extension host\'s long turns', () => {
  // Samples at 1, 2, … ms: idle to 5 ms; ours 6–35, GC 36–45, Markdown 46–105; idle; VS Code alone 111–130.
  const recorded = profile([[2, 5], [5, 30], [3, 10], [6, 60], [2, 5], [4, 20], [2, 5]]);
  const owners = { scripts: { [OURS]: 'star-stories' }, ours: 'star-stories', intervalUs: 1000 };

  it('finds the turns of 50 ms or more from the timer ticks, and who ran in each', () => {
    const ticks = [0, 5000, 105_500, 110_500, 130_500, 135_500].map((us) => ({ us }));
    assert.deepEqual(blocks(recorded, ticks, owners), [{
      atMs: 5,
      wallMs: 100.5,
      threadMs: 100,
      owners: [['markdown-language-features', 60], ['star-stories', 30], [RUNTIME, 10]],
      oursMs: 30,
      ourEntries: [['provideDocumentSymbols', 30]],
    }]);
  });

  it('counts samples, not wall time: a turn in which the thread was off the CPU is not charged to anyone', () => {
    // The same samples, but the ticks say the second turn lasted 80 ms: the thread ran 20 ms of it.
    const [, vsCode] = blocks(recorded, [0, 5000, 105_500, 110_500, 190_500].map((us) => ({ us })), owners);
    assert.deepEqual(vsCode, { atMs: 110.5, wallMs: 80, threadMs: 20, owners: [['VS Code', 20]], oursMs: 0, ourEntries: [] });
  });

  it('shares out the thread\'s CPU time by the samples where Node reports it', () => {
    // The turn of 100 samples used 50 ms of CPU: the samples over-counted it two to one.
    const ticks = [{ us: 0, cpuUs: 0 }, { us: 5000, cpuUs: 1000 }, { us: 105_500, cpuUs: 51_000 }, { us: 110_500, cpuUs: 52_000 }];
    const [turn] = blocks(recorded, ticks, owners);
    assert.deepEqual(turn, {
      atMs: 5,
      wallMs: 100.5,
      threadMs: 50,
      owners: [['markdown-language-features', 30], ['star-stories', 15], [RUNTIME, 5]],
      oursMs: 15,
      ourEntries: [['provideDocumentSymbols', 15]],
    });
  });
});
