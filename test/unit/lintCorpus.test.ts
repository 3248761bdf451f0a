import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StoryAnalyser } from '../../src/core/analyse';
import { mergeConfig } from '../../src/core/lint/config';
import { lintDocument } from '../../src/core/lint/lint';

const fixtures = join(__dirname, '..', 'fixtures');
const { findings } = JSON.parse(readFileSync(join(fixtures, 'expected.json'), 'utf8')) as {
  findings: { must: { file: string; rule: string; line?: number; note: string }[]; mustNot: { file: string; rule: string }[] };
};
const analyser = new StoryAnalyser();
const lint = (file: string) => lintDocument(analyser.analyse(readFileSync(join(fixtures, 'seeds', file), 'utf8'), file), mergeConfig());

describe('lint on the seed corpus (expected.json)', () => {
  for (const must of findings.must) {
    it(`reports ${must.rule}${must.line ? ` at line ${must.line}` : ''} in ${must.file}: ${must.note}`, () => {
      const found = lint(must.file).filter((f) => f.rule === must.rule && (must.line === undefined || f.range.start.line + 1 === must.line));
      assert.ok(found.length > 0, `no ${must.rule} at ${must.line ?? 'any line'}`);
    });
  }
  for (const mustNot of findings.mustNot) {
    it(`does not report ${mustNot.rule} in ${mustNot.file}`, () => {
      assert.deepEqual(lint(mustNot.file).filter((f) => f.rule === mustNot.rule).map((f) => `${f.range.start.line + 1}: ${f.message}`), []);
    });
  }
});
