// DESIGN §10: Markdown that holds no story produces no diagnostics at all. test/fixtures/non-stories/
// holds realistic documents written for this test — READMEs, changelogs, ADRs, RFCs, postmortems,
// meeting notes, tutorials, API docs, FAQs, in English, French, German, Spanish, Japanese and
// Portuguese — many of them using label words (`## Results`, `### Context`, `**Problem:**`) in
// ordinary ways. test/fixtures/negative/ holds a few more.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StoryAnalyser } from '../../src/core/analyse';
import { mergeConfig } from '../../src/core/lint/config';
import { buildLexicon, lookupLabel } from '../../src/core/read/lexicon';
import { lintDocument } from '../../src/core/lint/lint';
import { runCli as run } from './support/cli';

const fixtures = join(__dirname, '..', 'fixtures');
const corpus = ['non-stories', 'negative'].flatMap((dir) =>
  readdirSync(join(fixtures, dir)).filter((f) => f.endsWith('.md')).sort().map((f) => join(fixtures, dir, f)),
);
const name = (path: string) => path.replace(/^.*[\\/](?=[^\\/]+[\\/][^\\/]+$)/, '');


describe('quiet on Markdown that holds no story', () => {
  it('has at least 30 documents, most of them using label words in headings or bold text', () => {
    const nonStories = corpus.filter((p) => p.includes('non-stories'));
    assert.ok(nonStories.length >= 30, `only ${nonStories.length} files in test/fixtures/non-stories`);
    // Guards the corpus: documents that never use a label word would not test the recogniser.
    const lexicon = buildLexicon();
    const withLabelWords = corpus.filter((p) => {
      const text = readFileSync(p, 'utf8');
      const candidates = [...text.matchAll(/^#{1,6}[ \t]+(.+)$|\*\*([^*\n]+)\*\*/gm)].map((m) => m[1] ?? m[2]);
      return candidates.some((c) => lookupLabel(lexicon, c) !== undefined);
    });
    assert.ok(withLabelWords.length >= 15, `only ${withLabelWords.length} files use a label word: ${withLabelWords.map(name).join(', ')}`);
  });

  const analyser = new StoryAnalyser();
  for (const path of corpus) {
    it(`finds no story and reports nothing in ${name(path)}`, () => {
      const document = analyser.analyse(readFileSync(path, 'utf8'), path);
      assert.deepEqual(document.stories.map((s) => s.title), []);
      assert.deepEqual(lintDocument(document, mergeConfig()).map((f) => `${f.rule} ${f.range.start.line + 1}: ${f.message}`), []);
    });
  }

  it('the command line reports no story and no finding for any of them, and exits 0', () => {
    const parse = run(['parse', ...corpus, '--json']);
    assert.equal(parse.code, 0, parse.err.join('\n'));
    const parsed = JSON.parse(parse.out) as { files: { path: string; stories: unknown[] }[] };
    assert.equal(parsed.files.length, corpus.length);
    assert.deepEqual(parsed.files.filter((f) => f.stories.length > 0).map((f) => f.path), []);
    const lint = run(['lint', ...corpus, '--format', 'json']);
    assert.equal(lint.code, 0, lint.err.join('\n'));
    const linted = JSON.parse(lint.out) as { files: { path: string; findings: unknown[] }[] };
    assert.equal(linted.files.length, corpus.length);
    assert.deepEqual(linted.files.filter((f) => f.findings.length > 0).map((f) => f.path), []);
  });
});

describe('document outlines are not stories', () => {
  const analyser = new StoryAnalyser();
  const titles = (text: string) => analyser.analyse(text, 'doc.md').stories.map((s) => s.title);
  const brief = '# Brief\n\n## Problem\nLists are separate.\n\n## Solution\nShared lists.\n\n## Impact\nFewer duplicates.\n';

  it('ignores Problem/Solution/Impact headings beside other sections of the same level', () => {
    assert.deepEqual(titles(`${brief}\n## Open questions\n- Permissions?\n`), []);
  });
  it('still reads the same headings as a story when they are its only sections, or when it opts in', () => {
    assert.deepEqual(titles(brief), ['Brief']);
    assert.deepEqual(titles(`${brief}\n## Open questions\n- Permissions?\n`.replace('# Brief\n', '# Brief\n<!-- star-story -->\n')), ['Brief']);
  });
  it('still reads canonical heading labels beside other sections', () => {
    assert.deepEqual(titles('## Outage\n\n### Situation\na\n\n### Task\nb\n\n### Action\nc\n\n### Result\n5\n\n### Tech stack\nGo\n'), ['Outage']);
  });
});
