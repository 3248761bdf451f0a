import assert from 'node:assert/strict';
import { StoryAnalyser } from '../../../src/core/analyse';
import { cueCard, CUT_SECONDS, sixtySecondCut, storyScript } from '../../../src/core/rehearsal/script';
import { firstSentence, quantityClauses, sectionMarkdown, sentences } from '../../../src/core/rehearsal/text';

const bank = [
  '## Cutting the invoice backlog (2 minutes)',
  '',
  '**Situation (30 seconds):** Our finance team fell behind by 1,200 invoices. Vendors were calling every day.',
  '',
  '**Task:** I owned the fix. Nobody else had time.',
  '',
  '**Action:**',
  '- I wrote a matcher for purchase orders.',
  '- I paired with two clerks for a week. We reviewed every rule together.',
  '',
  '**Result:** The backlog went from 1,200 → 0 in 3 weeks. Late fees fell by 85%. Everyone was happier.',
  '',
].join('\n');

const analyser = new StoryAnalyser();

function script() {
  const document = analyser.analyse(bank, 'bank.md');
  assert.equal(document.stories.length, 1, 'the fixture holds one story');
  return { story: document.stories[0], script: storyScript(document.stories[0], document.lines) };
}

describe('rehearsal script: fading modes and the 60-second cut', () => {
  it('slices each section as Markdown that renders on its own, with targets from hints, else the story share', () => {
    const { script: sections } = script();
    assert.deepEqual(sections.map((s) => s.name), ['Situation', 'Task', 'Action', 'Result']);
    assert.equal(sections[0].markdown, 'Our finance team fell behind by 1,200 invoices. Vendors were calling every day.');
    assert.equal(sections[2].markdown, '- I wrote a matcher for purchase orders.\n- I paired with two clerks for a week. We reviewed every rule together.');
    assert.deepEqual(sections[0].targetSeconds, [30, 30], 'the Situation has its own timing hint');
    // The story's hint is 2 minutes; the Action gets the default 55% share.
    assert.deepEqual(sections[2].targetSeconds, [66, 66]);
  });

  it('makes a cue card from the label, the first sentence and the clauses with numbers', () => {
    const { script: sections } = script();
    const result = cueCard(sections[3]);
    assert.equal(result.firstSentence, 'The backlog went from 1,200 → 0 in 3 weeks.');
    assert.deepEqual(result.numbers, ['Late fees fell by 85%'], 'numbers already in the first sentence are not repeated');
    const task = cueCard(sections[1]);
    assert.equal(task.firstSentence, 'I owned the fix.');
    assert.deepEqual(task.numbers, []);
  });

  it('builds the 60-second cut from first sentences and the Result numbers, shares adding up to 60 s', () => {
    const { script: sections } = script();
    const cut = sixtySecondCut(sections);
    assert.deepEqual(cut.map((c) => c.lines), [
      ['Our finance team fell behind by 1,200 invoices.'],
      ['I owned the fix.'],
      ['I wrote a matcher for purchase orders.'],
      ['The backlog went from 1,200 → 0 in 3 weeks.', 'Late fees fell by 85%'],
    ]);
    assert.deepEqual(cut.map((c) => c.targetSeconds[0]), [9, 6, 33, 12]);
    assert.equal(cut.reduce((sum, c) => sum + c.targetSeconds[1], 0), CUT_SECONDS);
  });

  it('splits sentences without breaking at abbreviations or decimals', () => {
    assert.deepEqual(sentences('Latency fell from 1.8 s to 0.4 s, e.g. on search. Then we shipped it!'), [
      'Latency fell from 1.8 s to 0.4 s, e.g. on search.',
      'Then we shipped it!',
    ]);
    assert.equal(firstSentence('```js\nconst a = 1;\n```\nWe moved the job to a queue. It worked.'), 'We moved the job to a queue.');
  });

  it('does not count years and step numbers as metrics', () => {
    assert.deepEqual(quantityClauses('In 2021 we did Step 2 of the plan. Errors fell by half and costs by $40K.'), ['Errors fell by half and costs by $40K']);
  });

  it('dedents a list-item label content and drops a trailing bare list marker', () => {
    assert.equal(sectionMarkdown(' first line\n    - nested a\n    - nested b\n- '), 'first line\n- nested a\n- nested b');
  });
});
