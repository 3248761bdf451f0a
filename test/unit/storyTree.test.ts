import assert from 'node:assert/strict';
import { StoryAnalyser } from '../../src/core/analyse';
import { mergeConfig } from '../../src/core/lint/config';
import { labelHover } from '../../src/core/views/labelHover';
import { lensTitle } from '../../src/core/views/storyLens';
import { lintDocument } from '../../src/core/lint/lint';
import { findMetricChanges, formatChange } from '../../src/core/lint/metrics';
import { bankStory, problemCounter, StoryBank } from '../../src/core/views/storyBank';
import { buildStoryTree, type TreeNode } from '../../src/core/views/storyTree';

const analyser = new StoryAnalyser();
const config = mergeConfig();
const story = (title: string, tags = '', extra = '') =>
  `## ${title}\n${tags ? `Tags: ${tags}\n` : ''}**Situation:** a b c.\n**Task:** d e.\n**Action:** I did f g h.\n**Result:** 3 wins.\n${extra}`;

/** What the workspace index does with a file's analysis; whether anything changed. */
function put(bank: StoryBank, file: string, text: string): boolean {
  // The text stands in for the worker's hash of the analysis: both change whenever the stories can.
  const document = analyser.analyse(text, file);
  if (bank.unchanged(file, text, document.stories.length, 150)) return false;
  const problems = problemCounter(lintDocument(document, config));
  bank.put(file, document.stories.map((story) => bankStory(file, story, problems(story), 150)), text, 150);
  return true;
}

/** The tree without the Coverage node, as `group › story (description)` lines. */
function shape(nodes: TreeNode[]): string[] {
  return nodes.filter((n) => n.kind === 'group').flatMap((g) => g.children.map((s) => `${g.label} › ${s.label} (${s.description})`));
}

describe('workspace story bank and Story Explorer model', () => {
  // Each story: 3 + 2 + 5 + 2 = 12 words, 12 / 150 wpm = 4.8 s, shown as 5s.
  it('groups stories by file, and follows a story added, renamed, deleted and a file deleted', () => {
    const bank = new StoryBank();
    put(bank, 'a.md', story('Alpha'));
    put(bank, 'b.md', story('Beta'));
    const tree = () => shape(buildStoryTree(bank, { groupBy: 'file', problemsOnly: false, wordsPerMinute: 150 }));
    assert.deepEqual(tree(), ['a.md › Alpha (4/4 · 5s)', 'b.md › Beta (4/4 · 5s)']);
    assert.equal(put(bank, 'a.md', story('Alpha') + story('Gamma')), true, 'adding a story is a change');
    assert.deepEqual(tree(), ['a.md › Alpha (4/4 · 5s)', 'a.md › Gamma (4/4 · 5s)', 'b.md › Beta (4/4 · 5s)']);
    put(bank, 'a.md', story('Alpha renamed') + story('Gamma'));
    assert.deepEqual(tree(), ['a.md › Alpha renamed (4/4 · 5s)', 'a.md › Gamma (4/4 · 5s)', 'b.md › Beta (4/4 · 5s)']);
    put(bank, 'a.md', story('Gamma'));
    assert.deepEqual(tree(), ['a.md › Gamma (4/4 · 5s)', 'b.md › Beta (4/4 · 5s)']);
    assert.equal(bank.delete('b.md'), true);
    assert.deepEqual(tree(), ['a.md › Gamma (4/4 · 5s)']);
    assert.equal(put(bank, 'a.md', story('Gamma')), false, 'the same content is not a change');
    put(bank, 'a.md', '# Just notes\n');
    assert.deepEqual(buildStoryTree(bank, { groupBy: 'file', problemsOnly: false, wordsPerMinute: 150 }), [], 'no stories: the welcome view shows');
  });

  it('groups by tag (a story under each of its tags, untagged last), filters to stories with problems, and lists sections', () => {
    const bank = new StoryBank();
    put(bank, 'a.md', story('Alpha', 'leadership, conflict') + story('Beta'));
    put(bank, 'b.md', '## Gamma\nTags: conflict\n**Task:** t.\n**Action:** I a.\n**Result:** 2x.\n');
    const byTag = buildStoryTree(bank, { groupBy: 'tag', problemsOnly: false, wordsPerMinute: 150 });
    assert.deepEqual(shape(byTag).map((l) => l.replace(/ \(.*\)$/, '')), ['conflict › Alpha', 'conflict › Gamma', 'leadership › Alpha', 'untagged › Beta']);
    const problems = buildStoryTree(bank, { groupBy: 'file', problemsOnly: true, wordsPerMinute: 150 });
    assert.deepEqual(shape(problems), ['b.md › Gamma (3/4 · 2s · 1 problem)']);
    const gamma = problems.find((n) => n.kind === 'group')!.children[0];
    assert.deepEqual(gamma.children.map((c) => `${c.label}: ${c.description}`), ['Task: 1 words · 0s', 'Action: 2 words · 1s', 'Result: 1 words · 0s']);
  });

  it('puts a Coverage node first with each competency and its stories', () => {
    const bank = new StoryBank();
    put(bank, 'a.md', story('Alpha', 'leadership'));
    const [coverageNode] = buildStoryTree(bank, { groupBy: 'file', problemsOnly: false, wordsPerMinute: 150 });
    assert.equal(coverageNode.kind, 'coverage');
    assert.equal(coverageNode.description, '1/10 competencies');
    const leadership = coverageNode.children.find((c) => c.label === 'leadership')!;
    assert.deepEqual(leadership.children.map((s) => s.label), ['Alpha']);
    assert.equal(coverageNode.children.find((c) => c.label === 'conflict')!.description, 'no story yet');
  });
});

describe('CodeLens and hover text', () => {
  it('shows speaking time and completeness over a story', () => {
    // 4 sections of 75 words: 300 words at 150 wpm is 2 minutes.
    const words = 'word '.repeat(75);
    const [s] = analyser.analyse(`## Big\n**Situation:** ${words}\n**Task:** ${words}\n**Action:** ${words}\n**Result:** ${words}\n`, 'a.md').stories;
    assert.equal(lensTitle(s, 150), '▶ Rehearse · 2m · 4/4 sections');
    const [car] = analyser.analyse('## C\n**Challenge:** x\n**Action:** y\n**Result:** 2x\n', 'c.md').stories;
    assert.equal(lensTitle(car, 150), '▶ Rehearse · 1s · 3/3 sections');
  });

  it('describes a label: role, words, time against its target', () => {
    // 60 words = 24 s at 150 wpm; the Action's default target is 55% of 150 s = 82.5 → 83 s.
    const [s] = analyser.analyse(`## Big\n**Situation:** a\n**Task:** b\n**Action:** ${'word '.repeat(60)}\n**Result:** 2x\n`, 'a.md').stories;
    const text = labelHover(s.sections[2], s, config);
    assert.match(text, /^\*\*Action\*\* of \*Big\* \(STAR\)/);
    assert.match(text, /60 words · about 24s at 150 wpm · target 1m23s \(2m30s story default\)$/);
    // 300 words = 2 minutes, 37 s over the 83 s target.
    const [long] = analyser.analyse(`## Big\n**Situation:** a\n**Task:** b\n**Action:** ${'word '.repeat(300)}\n**Result:** 2x\n`, 'a.md').stories;
    assert.match(labelHover(long.sections[2], long, config), /\*\*37s over\*\*/);
  });

  it('explains a metric: the computed change and whether each claim holds', () => {
    const hover = (text: string) => formatChange(findMetricChanges(text)[0]);
    // 10/50 = 20%, not 50%.
    assert.equal(hover('$50K → $40K (50% reduction)'), '$50K → $40K: 20% lower (claim 50% should be 20%)');
    // 58/60 = 96.7%, which rounds to the claimed 97%.
    assert.equal(hover('60s → 2s (97% improvement)'), '60 s → 2 s: 96.7% lower (claim 97% holds)');
    // 14.2/85 = 16.7% relative, 14.2 points absolute.
    assert.equal(hover('85% → 99.2% (17% improvement)'), '85% → 99.2%: 16.7% higher (+14.2 points) (claim 17% holds)');
  });
});

describe('Story Explorer: stories due for rehearsal', () => {
  it('puts a group of due stories on top, and none when nothing is due', () => {
    const bank = new StoryBank();
    put(bank, 'a.md', story('Alpha') + story('Beta'));
    const due = buildStoryTree(bank, { groupBy: 'file', problemsOnly: false, wordsPerMinute: 150, isDue: (b) => b.story.title === 'Beta' });
    assert.equal(due[0].kind, 'due');
    assert.equal(due[0].label, 'Due for rehearsal');
    assert.deepEqual(due[0].children.map((c) => c.label), ['Beta']);
    assert.equal(due[0].description, '1 story');
    const none = buildStoryTree(bank, { groupBy: 'file', problemsOnly: false, wordsPerMinute: 150, isDue: () => false });
    assert.equal(none[0].kind, 'coverage');
  });
});
