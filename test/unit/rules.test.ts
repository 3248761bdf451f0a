import assert from 'node:assert/strict';
import { StoryAnalyser } from '../../src/core/analyse';
import { mergeConfig, type StarConfig } from '../../src/core/lint/config';
import { applyEdits } from '../../src/core/lint/fix';
import { lintDocument } from '../../src/core/lint/lint';
import type { Finding } from '../../src/core/model';

const analyser = new StoryAnalyser();
function lint(text: string, config: Partial<StarConfig> = {}): Finding[] {
  return lintDocument(analyser.analyse(text, 'story.md'), mergeConfig(config));
}
const codes = (text: string, config: Partial<StarConfig> = {}) => lint(text, config).map((f) => `${f.rule}@${f.range.start.line + 1}`);
const only = (code: string, text: string) => codes(text).filter((c) => c.startsWith(code));

const GOOD = [
  '## Cutting latency',
  '**Situation:** Our API was slow at peak.',
  '**Task:** I had to meet the 2 s SLA.',
  '**Action:** I profiled the service under load, I added a token cache in Redis, I wrote the rollout plan and I rolled it out behind a flag to 10% of traffic first.',
  '**Result:** p95 latency fell from 3s → 800ms (73% faster).',
  '',
].join('\n');

describe('rules', () => {
  it('a complete, well-told story has no findings', () => assert.deepEqual(codes(GOOD), []));

  describe('STAR001 missing-section', () => {
    it('flags a STAR story with no Situation, at the story title, naming the story', () => {
      const text = GOOD.replace('**Situation:** Our API was slow at peak.\n', '');
      const [f] = lint(text).filter((x) => x.rule === 'STAR001');
      assert.equal(f.range.start.line, 0);
      assert.match(f.message, /^Story 'Cutting latency' has no Situation — add one line of context before the Task\.$/);
    });
    it('does not ask a CAR story for a Task', () => {
      assert.deepEqual(only('STAR001', '## Late release\n**Challenge:** The release slipped.\n**Action:** I cut scope.\n**Result:** Shipped 2 days early.\n'), []);
    });
    it('inserts the section in the story\'s own label style and place, and the finding goes away', () => {
      const cases: [string, string, string][] = [
        [GOOD.replace('**Situation:** Our API was slow at peak.\n', ''), 'STAR001', '**Situation:**\n\n**Task:**'],
        ['### Process\n- **Task:** improve deploys.\n- **Steps Taken**\n    - scripted it\n- **Impact:** 3 releases a week.\n', 'STAR001', '- **Situation:**\n- **Task:**'],
        ['## Leak\n### Situation\nCrashes.\n### Task\nFix.\n### Action\nI fixed it.\n', 'STAR001', 'I fixed it.\n\n### Result'],
        ['## Pitch\n\n**The Setup**: "I built it."\n\n**The Solution**: "I cached."\n\n**The Impact**: "2x faster."\n', 'STAR001', '**Task**:\n\n**The Solution**'],
      ];
      for (const [text, code, snippet] of cases) {
        const document = analyser.analyse(text, 'story.md');
        const finding = lintDocument(document, mergeConfig()).find((f) => f.rule === code)!;
        const fixed = applyEdits(document, finding.fixes![0].edits);
        assert.ok(fixed.includes(snippet), `expected ${JSON.stringify(snippet)} in\n${fixed}`);
        assert.deepEqual(only(code, fixed), [], fixed);
        // Only lines were added: every original line is still there, in order.
        const kept = fixed.split('\n').filter((l) => text.split('\n').includes(l));
        assert.deepEqual(kept.filter((l) => l !== ''), text.split('\n').filter((l) => l !== ''));
      }
    });
  });

  describe('STAR002 empty-section', () => {
    it('flags a label with nothing under it', () => assert.deepEqual(only('STAR002', GOOD.replace('I had to meet the 2 s SLA.', '')), ['STAR002@3']));
    it('does not flag a section whose content is a code block', () => {
      assert.deepEqual(only('STAR002', '## Fix\n### Situation\nSlow.\n### Task\nFix it.\n### Action\n```sh\nmake fast\n```\n### Result\n2x faster.\n'), []);
    });
  });

  describe('STAR003 section-order', () => {
    it('flags a Result told before the Action', () => {
      const text = '## Order\n**Situation:** a.\n**Task:** b.\n**Result:** 3 wins.\n**Action:** I did c.\n';
      assert.deepEqual(only('STAR003', text), ['STAR003@5']);
    });
    it('accepts S → T → A → R → L', () => assert.deepEqual(only('STAR003', `${GOOD}**Learning:** measure first.\n`), []));
  });

  describe('STAR004 duplicate-section', () => {
    it('flags the second Action', () => assert.deepEqual(only('STAR004', GOOD.replace('**Result:**', '**Action:** I also wrote docs.\n**Result:**')), ['STAR004@5']));
    it('does not flag one of each', () => assert.deepEqual(only('STAR004', GOOD), []));
  });

  describe('STAR005 result-without-metric', () => {
    it('flags a Result with no number, at its label', () => {
      assert.deepEqual(only('STAR005', GOOD.replace('p95 latency fell from 3s → 800ms (73% faster).', 'delivering projects on time.')), ['STAR005@5']);
    });
    it('accepts number words and ignores years', () => {
      assert.deepEqual(only('STAR005', GOOD.replace('p95 latency fell from 3s → 800ms (73% faster).', 'zero downtime since the launch.')), []);
      assert.deepEqual(only('STAR005', GOOD.replace('p95 latency fell from 3s → 800ms (73% faster).', 'it shipped in 2021.')), ['STAR005@5']);
    });
    it('inserts a metric line whose own arithmetic holds, and the finding goes away', () => {
      const text = GOOD.replace('p95 latency fell from 3s → 800ms (73% faster).', 'delivering projects on time.');
      const document = analyser.analyse(text, 'story.md');
      const finding = lintDocument(document, mergeConfig()).find((f) => f.rule === 'STAR005')!;
      const fixed = applyEdits(document, finding.fixes![0].edits);
      assert.match(fixed, /delivering projects on time\.\n\n- Before → after: 40 min → 5 min \(88% faster\)\n$/);
      assert.deepEqual(codes(fixed), []);
    });
  });

  describe('STAR006 metric-math', () => {
    it('flags a claim that does not match its numbers and replaces only the claim\'s number', () => {
      const text = GOOD.replace('p95 latency fell from 3s → 800ms (73% faster).', 'spend went from $50K → $40K (50% reduction).');
      const document = analyser.analyse(text, 'story.md');
      const [finding] = lintDocument(document, mergeConfig()).filter((f) => f.rule === 'STAR006');
      assert.equal(finding.message, "'50% reduction' does not match $50K → $40K — the numbers give 20%.");
      assert.equal(finding.range.start.line, 4);
      assert.equal(finding.fixes![0].safe, true);
      const fixed = applyEdits(document, finding.fixes![0].edits);
      assert.equal(fixed, text.replace('(50% reduction)', '(20% reduction)'));
      assert.deepEqual(only('STAR006', fixed), []);
    });
    it('accepts claims that hold, in any section', () => {
      assert.deepEqual(only('STAR006', GOOD.replace('Our API was slow at peak.', 'Calls took 60s → 2s (97% improvement) after a fix.')), []);
      assert.deepEqual(only('STAR006', GOOD.replace('Our API was slow at peak.', 'It went 10 → 30 jobs per hour (300% increase).')), ['STAR006@2']);
    });
  });

  describe('STAR007 vague-claim', () => {
    it('flags an intensifier with no number in the Result', () => {
      const text = GOOD.replace('p95 latency fell from 3s → 800ms (73% faster).', 'the API was significantly faster.');
      assert.deepEqual(lint(text).filter((f) => f.rule === 'STAR007').map((f) => [f.range.start.line, f.range.start.character]), [[4, 24]]); // '**Result:** the API was ' is 24 characters
    });
    it('accepts an intensifier backed by a number', () => {
      assert.deepEqual(only('STAR007', GOOD.replace('p95 latency fell', 'p95 latency fell significantly,')), []);
    });
  });

  describe('STAR008 we-over-i', () => {
    it('flags an Action that says "we" more than "I"', () => {
      assert.deepEqual(only('STAR008', GOOD.replace(/I profiled.*first\./, 'We profiled it and we added a cache.')), ['STAR008@4']);
    });
    it('accepts an Action told in the first person', () => assert.deepEqual(only('STAR008', GOOD), []));
  });

  describe('STAR009 too-long', () => {
    it('flags a story over its timing hint', () => {
      // 100 words at 150 words per minute is 40 s, over the 30 s hint.
      const text = `## Pitch (30 seconds)\n**Situation:** ${'word '.repeat(25)}\n**Task:** ${'word '.repeat(25)}\n**Action:** ${'word '.repeat(25)}\n**Result:** ${'word '.repeat(24)}2x.\n`;
      assert.deepEqual(only('STAR009', text), ['STAR009@1']);
    });
    it('flags a section over its own timing hint, and honours wordsPerMinute', () => {
      // 60 words: 24 s at 150 wpm (over 20 s), 12 s at 300 wpm (under).
      const text = GOOD.replace('**Situation:** Our API was slow at peak.', `**Situation (20 seconds):** ${'word '.repeat(60)}`);
      assert.deepEqual(only('STAR009', text), ['STAR009@2']);
      assert.deepEqual(codes(text, { wordsPerMinute: 300 }).filter((c) => c.startsWith('STAR009')), []);
    });
  });

  describe('STAR010 situation-heavy', () => {
    it('flags a story whose Situation and Task are over 35% of its words', () => {
      assert.deepEqual(only('STAR010', GOOD.replace('Our API was slow at peak.', 'word '.repeat(30))), ['STAR010@2']);
    });
    it('accepts a short set-up', () => assert.deepEqual(only('STAR010', GOOD), []));
  });

  describe('configuration and directives', () => {
    const noSituation = GOOD.replace('**Situation:** Our API was slow at peak.\n', '');
    it('sets severities by code or by name, and turns rules off', () => {
      assert.equal(lint(noSituation, { rules: { STAR001: 'error' } })[0].severity, 'error');
      assert.equal(lint(noSituation, { rules: { 'missing-section': 'info' } })[0].severity, 'info');
      assert.deepEqual(codes(noSituation, { rules: { STAR001: 'off' } }), []);
    });
    it('honours disable-next-line, disable … enable, and disable-file', () => {
      assert.deepEqual(codes(`<!-- star-stories-disable-next-line STAR001 -->\n${noSituation}`), []);
      assert.deepEqual(codes(`<!-- star-stories-disable-next-line STAR008 -->\n${noSituation}`), ['STAR001@2']);
      assert.deepEqual(codes(`<!-- star-stories-disable missing-section -->\n${noSituation}<!-- star-stories-enable -->\n`), []);
      assert.deepEqual(codes(`${noSituation}\n<!-- star-stories-disable-file -->\n`), []);
    });
    it('offers disable fixes that silence exactly that finding', () => {
      const document = analyser.analyse(noSituation, 'story.md');
      const [finding] = lintDocument(document, mergeConfig());
      const [line, file] = finding.fixes!.filter((f) => f.title.startsWith('Disable'));
      assert.deepEqual(codes(applyEdits(document, line.edits)), []);
      assert.deepEqual(codes(applyEdits(document, file.edits)), []);
      assert.match(applyEdits(document, line.edits), /^<!-- star-stories-disable-next-line STAR001 -->\n## Cutting latency/);
    });
  });

  it('reports nothing on Markdown that holds no story', () => {
    assert.deepEqual(codes('# Notes\n\n**Result:** we did things significantly better. We, we, we.\n'), []);
  });
});
