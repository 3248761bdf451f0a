// The wild corpus (test/wild/, issue 15): story banks written the ways people write them — plain and
// letter labels, other languages, generic headings — and pages that must hold no story (explanations
// of the method, unfilled templates, look-alikes). expected.json was written by hand from the rules of
// docs/parsing.md, not from the parser's output.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StoryAnalyser } from '../../src/core/analyse';
import { mergeConfig } from '../../src/core/lint/config';
import { applyEdits } from '../../src/core/lint/fix';
import { lintDocument } from '../../src/core/lint/lint';
import type { Story } from '../../src/core/model';

const wild = join(__dirname, '..', 'wild');
const expected = JSON.parse(readFileSync(join(wild, 'expected.json'), 'utf8')) as {
  files: Record<string, { pattern: string; stories: { title: string; line: number; language: string; sections: [string, number][] }[] }>;
};

function summarise(story: Story) {
  return { title: story.title, line: story.titleRange.start.line + 1, language: story.language, sections: story.sections.map((s) => [s.role, s.labelRange.start.line + 1]) };
}

const read = (file: string) => readFileSync(join(wild, file), 'utf8');

describe('wild corpus', () => {
  it('lists every file of test/wild/ in expected.json, at least 40', () => {
    const files = readdirSync(wild).filter((f) => f.endsWith('.md')).sort();
    assert.deepEqual(files, Object.keys(expected.files).sort());
    assert.ok(files.length >= 40);
  });

  for (const wholeDocument of [false, true]) {
    describe(wholeDocument ? 'as one whole document' : 'chunked', () => {
      const analyser = new StoryAnalyser({ wholeDocument });
      for (const [file, want] of Object.entries(expected.files)) {
        it(`finds exactly the stories of ${file} (${want.pattern})`, () => {
          assert.deepEqual(analyser.analyse(read(file), file).stories.map(summarise), want.stories);
        });
      }
    });
  }

  it('raises no finding on a file that holds no story: explanations, templates and look-alikes stay quiet', () => {
    const analyser = new StoryAnalyser();
    const config = mergeConfig();
    const noisy = Object.entries(expected.files)
      .filter(([, want]) => want.stories.length === 0)
      .map(([file]) => [file, lintDocument(analyser.analyse(read(file), file), config).map((f) => `${f.rule} ${f.message}`)])
      .filter(([, findings]) => findings.length > 0);
    assert.deepEqual(noisy, []);
  });

  it('keeps each unfilled template apart, as a template to start a story from', () => {
    const analyser = new StoryAnalyser();
    for (const file of Object.keys(expected.files).filter((f) => f.startsWith('template-'))) {
      const document = analyser.analyse(read(file), file);
      assert.ok(document.templates.length > 0, file);
      for (const t of document.templates) assert.ok(!document.stories.some((s) => s.id === t.id), `${file}: ${t.title}`);
    }
  });
});

describe('stories in tables', () => {
  it('never offers a fix that would break the table: no row insertion, no directive between rows', () => {
    const text = [
      '## Checkout', '', '| Part | Detail |', '|---|---|',
      '| **Situation** | Checkout failed at peak and we were significantly behind. |',
      '| **Action** | We raised the pool limit. |',
      '| **Result** | Failures fell a lot. |', '',
    ].join('\n');
    const analyser = new StoryAnalyser();
    const document = analyser.analyse(text, 'table.md');
    const findings = lintDocument(document, mergeConfig());
    assert.deepEqual(findings.map((f) => f.rule).sort(), ['STAR001', 'STAR005', 'STAR007', 'STAR008', 'STAR010']);
    const rows = (t: string) => {
      const lines = t.split('\n');
      const first = lines.findIndex((l) => l.startsWith('|'));
      const last = lines.length - 1 - [...lines].reverse().findIndex((l) => l.startsWith('|'));
      return lines.slice(first, last + 1);
    };
    for (const f of findings) {
      for (const fix of f.fixes ?? []) {
        const fixed = applyEdits(document, fix.edits);
        assert.ok(rows(fixed).every((l) => l.startsWith('|')), `${f.rule}: ${fix.title}`);
        assert.equal(rows(fixed).length, 5, `${f.rule}: ${fix.title}`);
      }
    }
  });
});
