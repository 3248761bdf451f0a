// The extension host's analysis worker, run here in plain Node: it answers like the in-process
// analyser (stories and findings up front, fixes, metric hovers and rehearsal views when asked), and a
// worker that does not answer in time is stopped and the document gets STAR000.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StoryAnalyser } from '../../src/core/analyse';
import { mergeConfig } from '../../src/core/lint/config';
import { safeEdits } from '../../src/core/lint/fix';
import { lintDocument } from '../../src/core/lint/lint';
import { AnalysisClient } from '../../src/extension/analysisClient';
import { buildStoryView } from '../../src/rehearsal/storyView';

const seed = readFileSync(join(__dirname, '..', 'fixtures', 'seeds', '001_0100f59d336e01c0.md'), 'utf8');
const config = mergeConfig();
const worker = join(__dirname, '..', 'fixtures', 'workers', 'analysis.js');

describe('analysis worker', function () {
  this.timeout(60000);
  let client: AnalysisClient;
  const local = new StoryAnalyser().analyse(seed, '001.md');
  const localFindings = lintDocument(local, config);
  const document = { fileName: '001.md', text: seed, config };

  before(() => {
    client = new AnalysisClient(worker, 30000);
  });
  after(() => client.dispose());

  it('answers with the stories and findings of an in-process analysis, fixes left in the worker', async () => {
    const { stories, findings, key } = await client.analyse(document);
    assert.deepEqual(stories, local.stories);
    assert.deepEqual(findings, localFindings.map(({ fixes: _fixes, ...shown }) => shown));
    assert.ok(localFindings.some((f) => f.fixes?.length), 'the seed has findings with fixes');
    assert.equal((await client.analyse(document)).key, key, 'the same text gives the same key');
    assert.notEqual((await client.analyse({ ...document, text: seed.replace('Situation', 'Background') })).key, key, 'changed stories give another key');
    assert.equal(client.restarts, 0);
  });

  it('gives the fixes of the findings at the places asked for, and the safe edits of them all', async () => {
    const wanted = [localFindings.find((f) => f.rule === 'STAR011')!, localFindings.find((f) => f.rule === 'STAR008')!];
    const nowhere = { rule: 'STAR008', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } };
    const fixes = await client.ask(document, { kind: 'fixes', places: [...wanted.map((f) => ({ rule: f.rule, range: f.range })), nowhere] });
    assert.deepEqual(fixes, [wanted[0].fixes, wanted[1].fixes, []]);
    assert.deepEqual(fixes[1].map((f) => f.title), ['Disable STAR008 (we-over-i) on this line', 'Disable STAR008 (we-over-i) in this file']);
    assert.deepEqual(await client.ask(document, { kind: 'fixAll' }), safeEdits(localFindings));
  });

  it('works out the metric under an offset for the hover', async () => {
    const text = '## Costs\n**Situation:** a.\n**Task:** b.\n**Action:** I c.\n**Result:** Spend went $50K → $40K (50% reduction).\n';
    const at = text.indexOf('$40K');
    // 10/50 = 20%, not the 50% claimed.
    assert.deepEqual(await client.ask({ fileName: 'costs.md', text, config }, { kind: 'metric', offset: at }), {
      start: text.indexOf('$50K'),
      end: at + '$40K'.length,
      markdown: '**Metric** · $50K → $40K: 20% lower (claim 50% should be 20%)',
    });
    assert.equal(await client.ask({ fileName: 'costs.md', text, config }, { kind: 'metric', offset: text.indexOf('I c') }), undefined);
  });

  it('builds the rehearsal view of a story, its Markdown rendered and sanitised', async () => {
    const story = local.stories[0];
    const options = { key: story.id, file: '001.md', storySeconds: 150, wordsPerMinute: 150 };
    const built = await client.ask(document, { kind: 'storyView', storyId: story.id, options });
    assert.ok(built);
    const expected = buildStoryView(story, local.lines, { ...options, random: () => 0 });
    // The follow-up question is picked at random among the general ones.
    assert.deepEqual({ ...built, view: { ...built.view, followUp: '' } }, { ...expected, view: { ...expected.view, followUp: '' } });
    assert.match(built.view.sections[2].html, /<pre><code class="language-javascript">/);
    assert.equal(await client.ask(document, { kind: 'storyView', storyId: 'no-such-story', options }), undefined);
  });

  it('stops a worker that does not answer by the deadline and reports STAR000 for the whole file', async () => {
    const silent = new AnalysisClient(join(__dirname, '..', 'fixtures', 'workers', 'silent.js'), 300);
    try {
      const { stories, findings } = await silent.analyse({ fileName: 'stuck.md', text: seed, config });
      assert.equal(silent.restarts, 1);
      assert.deepEqual(stories, []);
      assert.deepEqual(findings.map((f) => [f.rule, f.range.start.line]), [['STAR000', 0]]);
      await assert.rejects(silent.ask({ fileName: 'stuck.md', text: seed, config }, { kind: 'fixAll' }), /did not answer within 0.3 s/);
    } finally {
      silent.dispose();
    }
  });
});
