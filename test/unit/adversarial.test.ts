// Adversarial input (DESIGN §9, issue 8 item 2): every input gives a result, or a STAR000 finding for
// the part that could not be read, within 2 s — and the stories around it are still found.
//
// Time limits here are correctness bounds, not benchmarks. The parse budget is 500 ms, so a limit of
// 2 000 ms leaves 1.5 s for splitting, the budget's one retry of a cut-short group, outline, assembly
// and lint. The limit is on this process's CPU time: on a shared machine other processes stretch wall
// time many times over (load 15 on 2 cores while this was written), not the work done here. Wall time
// gets a hang guard of 30 s. Unhandled, some of these inputs take 10–35 s of CPU or more.
import assert from 'node:assert/strict';
import { StoryAnalyser, type StoryDocument } from '../../src/core/analyse';
import { runEachWithin } from '../../src/core/util/budget';
import { mergeConfig } from '../../src/core/lint/config';
import { lintDocument } from '../../src/core/lint/lint';
import type { Finding } from '../../src/core/model';
import { ADVERSARIAL } from '../fixtures/adversarial/generate';

const BUDGET_MS = 500;
const LIMIT_MS = 2000;
const HANG_MS = 30000;

/** CPU time (user + system) and wall time of `work`, in ms. */
function timed(work: () => void): { cpu: number; wall: number } {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  work();
  const used = process.cpuUsage(cpu);
  return { cpu: (used.user + used.system) / 1000, wall: performance.now() - wall };
}
const config = mergeConfig();

/** The input as the Action of a story, so it must be parsed (a quiet part outside stories is not). */
function insideStory(middle: string): string {
  return `## Outage\n\n### Situation\nWe were down.\n\n### Task\nFix it.\n\n### Action\n${middle}\n\n### Result\n0 errors in 30 days.\n\n## Later\n\n### Situation\nCalm.\n\n### Task\nKeep it.\n\n### Action\nI watched.\n\n### Result\n3 weeks quiet.\n`;
}

describe('adversarial input', function () {
  this.timeout(60000);

  for (const input of ADVERSARIAL) {
    // One input is large rather than hostile, and gets a looser bound, stated here rather than hidden:
    // a bank of 5 000 stories, all assembled and linted (about 4 s of CPU on the loaded development
    // machine). 100 000 headings take about 1 s of CPU there.
    const limit = input.name === 'label-headings-20k' ? 4 * LIMIT_MS : LIMIT_MS;
    for (const place of ['between stories', 'inside a story'] as const) {
      it(`${input.name} (${input.why}), ${place}: a result or STAR000 within ${limit} ms of CPU`, () => {
        const generated = input.text();
        const text = place === 'inside a story' ? insideStory(generated) : generated;
        let document!: StoryDocument;
        let findings: Finding[] = [];
        const took = timed(() => {
          document = new StoryAnalyser({ budgetMs: BUDGET_MS }).analyse(text, 'adversarial.md');
          findings = lintDocument(document, config);
        });
        assert.ok(took.cpu < limit, `took ${took.cpu.toFixed(0)} ms of CPU`);
        assert.ok(took.wall < HANG_MS, `took ${took.wall.toFixed(0)} ms`);
        const tooComplex = findings.filter((f) => f.rule === 'STAR000');
        assert.ok(tooComplex.length <= 1, `STAR000 reported ${tooComplex.length} times`);
        // The rest of the file is read: the stories the generator put around the input are found
        // (an HTML comment that never closes swallows the rest of the file, as CommonMark says).
        const titles = document.stories.map((s) => s.title);
        if (input.name === 'html-comments') assert.equal(titles[0], 'Outage');
        else if (place === 'inside a story') assert.ok(titles.includes('Later'), `stories: ${titles.join(', ')}`);
        else assert.ok(titles.includes('Outage again'), `stories: ${titles.slice(0, 5).join(', ')}`);
      });
    }
  }
});

describe('parse budget', function () {
  this.timeout(60000);

  it('skips a chunk that runs past its budget, reports STAR000 once at its first line, and reads the rest', () => {
    const text = insideStory(`${'* '.repeat(8000)}a`);
    const analyser = new StoryAnalyser({ budgetMs: 200 });
    const document = analyser.analyse(text, 'f.md');
    const findings = lintDocument(document, config).filter((f) => f.rule === 'STAR000');
    assert.equal(findings.length, 1);
    const actionLine = text.split('\n').indexOf('### Action');
    assert.equal(findings[0].range.start.line, actionLine);
    assert.match(findings[0].message, /too complex to analyse within 200 ms/);
    assert.deepEqual(document.stories.map((s) => s.title), ['Outage', 'Later']);
    // The skipped Action is missing from the first story; the second is whole.
    assert.deepEqual(document.stories[1].sections.map((s) => s.role), ['situation', 'task', 'action', 'result']);

    // Analysed again (an edit elsewhere), the chunk is not parsed again: it is known to be too complex.
    const started = performance.now();
    const again = analyser.analyse(text.replace('Calm.', 'Calm again.'), 'f.md');
    assert.ok(performance.now() - started < 200, 'the known chunk was parsed again');
    assert.equal(lintDocument(again, config).filter((f) => f.rule === 'STAR000').length, 1);
  });

  it('stops a job that runs forever and goes on with the next', () => {
    const done: number[] = [];
    const over = runEachWithin(3, 100, (i) => {
      if (i === 1) for (;;);
      done.push(i);
    });
    assert.deepEqual(over, [1]);
    assert.deepEqual(done, [0, 2]);
  });

  it('gives a job cut short in a batch a second try on its own before calling it too complex', () => {
    let calls = 0;
    const over = runEachWithin(2, 150, (i) => {
      // Job 0 uses most of the batch's budget; job 1 is slow only on its first try (it gets stopped there).
      if (i === 1) calls++;
      const until = performance.now() + (i === 0 ? 100 : calls === 1 ? 5000 : 10);
      while (performance.now() < until);
    });
    assert.deepEqual(over, []);
    assert.equal(calls, 2);
  });

  it('parses a small chunk of the worst known kind well within the budget (it runs without the watchdog)', () => {
    const took = timed(() => new StoryAnalyser({ budgetMs: Infinity }).analyse(insideStory(`${'* '.repeat(250)}a`), 'f.md'));
    assert.ok(took.cpu < 250, `took ${took.cpu.toFixed(0)} ms of CPU`);
  });
});
