// The extension host's analysis worker, run here in plain Node: it answers like the in-process
// analyser, and a worker that does not answer in time is stopped and the document gets STAR000.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StoryAnalyser } from '../../src/core/analyse';
import { mergeConfig } from '../../src/core/config';
import { lintDocument } from '../../src/core/lint';
import { AnalysisClient } from '../../src/extension/analysisClient';

const seed = readFileSync(join(__dirname, '..', 'fixtures', 'seeds', '001_0100f59d336e01c0.md'), 'utf8');

describe('analysis worker', function () {
  this.timeout(60000);

  it('answers with the stories and findings of an in-process analysis', async () => {
    const client = new AnalysisClient(join(__dirname, '..', 'fixtures', 'workers', 'analysis.js'), 30000);
    try {
      const config = mergeConfig();
      const { document, findings } = await client.analyse('001.md', seed, config);
      const local = new StoryAnalyser().analyse(seed, '001.md');
      assert.deepEqual(document.stories, local.stories);
      assert.deepEqual(findings, lintDocument(local, config));
      assert.equal(document.lines.lineCount, local.lines.lineCount);
      assert.equal(client.restarts, 0);
    } finally {
      client.dispose();
    }
  });

  it('stops a worker that does not answer by the deadline and reports STAR000 for the whole file', async () => {
    const client = new AnalysisClient(join(__dirname, '..', 'fixtures', 'workers', 'silent.js'), 300);
    try {
      const { document, findings } = await client.analyse('stuck.md', seed, mergeConfig());
      assert.equal(client.restarts, 1);
      assert.deepEqual(document.stories, []);
      assert.deepEqual(findings.map((f) => [f.rule, f.range.start.line]), [['STAR000', 0]]);
    } finally {
      client.dispose();
    }
  });
});
