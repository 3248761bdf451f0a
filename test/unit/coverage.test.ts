import assert from 'node:assert/strict';
import { join } from 'node:path';
import { StoryAnalyser } from '../../src/core/analyse';
import { competencyOf, coverage } from '../../src/core/views/coverage';
import { main } from '../../src/cli/cli';

describe('competency coverage', () => {
  it('maps tags and their common spellings to competencies', () => {
    assert.equal(competencyOf('Technical-Decision'), 'technical decision');
    assert.equal(competencyOf('mentorship'), 'mentoring');
    assert.equal(competencyOf('cooking'), undefined);
  });

  it('lists the stories tagged for each competency and the competencies with none', () => {
    const text = '## A\nTags: leadership, conflict\n**Situation:** a\n**Task:** b\n**Action:** c\n\n## B\nTags: Leadership\n**Situation:** a\n**Task:** b\n**Action:** c\n';
    const rows = coverage(new StoryAnalyser().analyse(text, 'bank.md').stories);
    const count = Object.fromEntries(rows.map((r) => [r.competency, r.stories.map((s) => s.title)]));
    assert.deepEqual(count.leadership, ['A', 'B']);
    assert.deepEqual(count.conflict, ['A']);
    assert.deepEqual(count.failure, []);
    assert.equal(rows.length, 10);
  });

  it('star-stories coverage exits 1 when a competency has fewer than --min stories', () => {
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t) };
    const examples = join(__dirname, '..', '..', 'examples', '*.md');
    assert.equal(main(['coverage', examples], io), 1);
    assert.match(out.join('\n'), /✗ failure +0 +—/);
    assert.match(out.join('\n'), /✓ leadership +2 +Turning around a late migration/);
    assert.equal(main(['coverage', examples, '--min', '0'], io), 0);
    assert.equal(main(['coverage', examples, '--min', 'x'], io), 2);
  });
});
