import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { StoryAnalyser } from '../../src/core/analyse';
import { findFrontMatter, splitChunks } from '../../src/core/read/chunks';
import { parseMarkdown } from '../../src/core/read/remark';
import type { Story } from '../../src/core/model';
import { fuzzRuns, fuzzSeed, markdownArbitrary } from './support/markdownArbitrary';

const fixtures = join(__dirname, '..', 'fixtures');
const expected = JSON.parse(readFileSync(join(fixtures, 'expected.json'), 'utf8')) as {
  files: Record<string, { stories: unknown[] }>;
};

/** The shape of expected.json: lines 1-based, sections as [role, line, targetSeconds]. */
function summarise(story: Story) {
  return {
    title: story.title,
    line: story.titleRange.start.line + 1,
    framework: story.framework,
    targetSeconds: story.targetSeconds ?? null,
    sections: story.sections.map((s) => [s.role, s.labelRange.start.line + 1, s.targetSeconds ?? null]),
    followUps: story.followUps.map((f) => f.range.start.line + 1),
  };
}

for (const wholeDocument of [false, true]) {
  describe(`seed corpus (${wholeDocument ? 'whole document' : 'chunked'})`, () => {
    const analyser = new StoryAnalyser({ wholeDocument });
    for (const [file, want] of Object.entries(expected.files)) {
      it(`finds exactly the expected stories in ${file}`, () => {
        const text = readFileSync(join(fixtures, 'seeds', file), 'utf8');
        const got = analyser.analyse(text, file).stories.map(summarise);
        assert.deepEqual(got, want.stories);
      });
    }
  });
}

describe('chunked parsing', () => {
  const chunked = new StoryAnalyser();
  const whole = new StoryAnalyser({ wholeDocument: true });
  const files = [...Object.keys(expected.files).map((f) => join(fixtures, 'seeds', f))];
  for (const path of files) {
    it(`gives the same stories, sections, text and ranges as one whole-document parse: ${path.replace(/^.*[\\/]/, '')}`, () => {
      const text = readFileSync(path, 'utf8');
      assert.deepEqual(chunked.analyse(text, 'f.md').stories, whole.analyse(text, 'f.md').stories);
    });
  }

  /** Offsets where remark, reading the whole body of `text`, starts a heading at the top level. */
  function topLevelHeadings(text: string, from: number): Set<number> {
    return new Set(parseMarkdown(text.slice(from)).children.filter((n) => n.type === 'heading').map((n) => from + (n.position?.start.offset ?? -1)));
  }

  it('cuts only where the whole document has a heading at the top level (random Markdown)', () => {
    fc.assert(
      fc.property(markdownArbitrary, (text) => {
        const from = findFrontMatter(text)?.end ?? (text.charCodeAt(0) === 0xfeff ? 1 : 0);
        const headings = topLevelHeadings(text, from);
        for (const chunk of splitChunks(text, from).slice(1)) assert.ok(headings.has(chunk.start), `cut at ${chunk.start} of ${JSON.stringify(text)}`);
      }),
      { seed: fuzzSeed(), numRuns: fuzzRuns(300) },
    );
  });

  it('does not cut under a fence that opens in what only looks like an HTML block', () => {
    // `<b>x</b> …` continues a paragraph (an inline tag, not an HTML block), so the fence below is real and never closes.
    const text = '**Overview**\n<b>x</b> and more\n> quoted\n```\ncode\n\n## Not a heading\n';
    assert.deepEqual([...topLevelHeadings(text, 0)], []);
    assert.deepEqual(splitChunks(text).map((c) => c.start), [0]);
  });

  it('does not cut under a fence that opens after an HTML block took in a fence line (found by npm run fuzz)', () => {
    // `<details>` starts an HTML block that runs to the blank line: the first ``` is in it, and the second opens a fence that never closes.
    const text = '<details><summary>**Situation:**</summary>x</details>\n```\n\n```\n\n### Follow-up Questions\n- Q: I?\n**Situation:** inside follow-ups';
    assert.deepEqual([...topLevelHeadings(text, 0)], []);
    assert.deepEqual(splitChunks(text).map((c) => c.start), [0]);
  });

  it('reuses cached chunks after an edit and still matches a fresh analysis', () => {
    const text = readFileSync(files[1], 'utf8');
    chunked.analyse(text, 'f.md');
    const edited = text.replace('### Task\nI needed to fix', '### Task\nI had to fix');
    assert.notEqual(edited, text);
    assert.deepEqual(chunked.analyse(edited, 'f.md').stories, new StoryAnalyser().analyse(edited, 'f.md').stories);
  });
});
