// Incremental analysis (issue 7): after any edit, the analyser that reuses chunks, the outline, stories
// and lint results gives exactly what a fresh analyser that parses every chunk gives for the edited text.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { StoryAnalyser, type StoryDocument } from '../../src/core/analyse';
import { splitChunks } from '../../src/core/read/chunks';
import { changedRegion, resplitChunks } from '../../src/core/incremental/recut';
import { mergeConfig } from '../../src/core/lint/config';
import { LineIndex } from '../../src/core/read/lines';
import { lintDocument } from '../../src/core/lint/lint';
import type { Finding } from '../../src/core/model';
import { AnalysisSession } from '../../src/core/analysisSession';
// A small seeded generator (mulberry32), so a failure names the seed that reproduces it.
import { random, StoryBankWriter } from '../../bench/corpus';
import { fuzzRuns, fuzzSeed, markdownArbitrary } from './support/markdownArbitrary';

const fixtures = join(__dirname, '..', 'fixtures');
const files = [
  ...readdirSync(join(fixtures, 'seeds')).map((f) => join(fixtures, 'seeds', f)),
  ...readdirSync(join(fixtures, 'negative')).map((f) => join(fixtures, 'negative', f)),
];
const config = mergeConfig();

/** Insertions that change Markdown structure, not only words. */
const PIECES = [
  'x', ' ', '\n', '\n\n', '#', '## ', '\n## Story\n', '\n### Result\n', '**', '**Task:** ', '\n- **Action:** did it\n',
  '```', '\n```\n', '~~~\n', '<!-- star-story -->', '<div>\n', '\n---\n', '\n===\n', '?', 'Q: why?', '\r\n', '`', '> ',
  'Tags: a, b\n', '\n## Follow-up questions\n', '40% → 20% (50% reduction)', 'ðŸŽ¯',
  '\n# Part two\n', '\n#### Details\n', '\n## STAR Method\n', '\n### Situation\nWe were late.\n', '\nQuestion: why?\n',
];

function edit(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const r = next();
  if (r < 0.1) {
    // Make a line a heading one level deeper or shallower (or no heading): the outline changes shape.
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const hashes = /^#{0,6}/.exec(text.slice(lineStart))![0].length;
    const depth = Math.max(0, Math.min(6, hashes + (next() < 0.5 ? -1 : 1)));
    return text.slice(0, lineStart) + (depth ? `${'#'.repeat(depth)}${hashes ? '' : ' '}` : '') + text.slice(lineStart + hashes);
  }
  if (r < 0.55) return text.slice(0, at) + PIECES[Math.floor(next() * PIECES.length)] + text.slice(at);
  if (r < 0.85) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(next() * 40)));
  // Move a line elsewhere (a paste).
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at);
  const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd + 1);
  const without = text.slice(0, lineStart) + text.slice(lineStart + line.length);
  const to = Math.floor(next() * (without.length + 1));
  return without.slice(0, to) + line + without.slice(to);
}

function summary(document: StoryDocument, findings: Finding[] = lintDocument(document, config)) {
  return {
    stories: document.stories,
    findings: findings.map((f) => ({ ...f, fixes: f.fixes?.map((x) => ({ title: x.title, edits: x.edits })) })),
    tooComplex: document.tooComplex ?? [],
  };
}

describe('incremental analysis', () => {
  it('equals a fresh analysis that parses every chunk, after each of 600 random edits over the fixtures', function () {
    this.timeout(120000);
    const analyser = new StoryAnalyser();
    let checked = 0;
    files.forEach((path, f) => {
      const next = random(1000 + f);
      let text = readFileSync(path, 'utf8');
      analyser.analyse(text, 'bank.md');
      for (let i = 0; i < 60; i++) {
        text = edit(text, next);
        const incremental = summary(analyser.analyse(text, 'bank.md'));
        const fresh = summary(new StoryAnalyser({ parseEveryChunk: true }).analyse(text, 'bank.md'));
        assert.deepEqual(incremental, fresh, `${path} after edit ${i + 1} (seed ${1000 + f})`);
        checked++;
      }
    });
    assert.equal(checked, files.length * 60);
  });

  it('equals a fresh analysis after each of 300 random edits to a generated bank with sections of every depth', function () {
    this.timeout(120000);
    const writer = new StoryBankWriter(77);
    // Parts under a title, stories two and three levels down, setext stories beside them.
    let text = `# Stories\n\n${writer.file(12000)}\n# More stories\n\n## Group\n\n${writer.file(12000).replace(/^## /gm, '### ')}`;
    const session = new AnalysisSession();
    const next = random(2024);
    session.analyse('bank.md', text, config);
    for (let i = 0; i < 300; i++) {
      text = edit(text, next);
      const { document, findings } = session.analyse('bank.md', text, config);
      const fresh = new StoryAnalyser({ parseEveryChunk: true }).analyse(text, 'bank.md');
      assert.deepEqual(summary(document, findings), summary(fresh), `after edit ${i + 1}`);
    }
  });

  it('equals a fresh analysis after random edits to random Markdown (every line ending, front matter, noise)', function () {
    this.timeout(120000);
    const edits = fc.array(fc.tuple(fc.nat(), fc.nat(40), fc.constantFrom(...PIECES, '\r', '\r\n', '\n---\n', '')), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(markdownArbitrary, edits, (start, steps) => {
        const session = new AnalysisSession();
        let text = start;
        session.analyse('f.md', text, config);
        for (const [at, removed, inserted] of steps) {
          const from = at % (text.length + 1);
          text = text.slice(0, from) + inserted + text.slice(from + removed);
          const { document, findings } = session.analyse('f.md', text, config);
          assert.deepEqual(summary(document, findings), summary(new StoryAnalyser({ parseEveryChunk: true }).analyse(text, 'f.md')));
        }
      }),
      { seed: fuzzSeed(), numRuns: fuzzRuns(150) },
    );
  });

  it('updates the line index after an edit to what a fresh index gives, for LF, CRLF and CR', () => {
    const next = random(11);
    const alphabet = ['a', 'b ', '\n', '\r', '\r\n', '\n\r', '\r\r\n'];
    const piece = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    for (let round = 0; round < 200; round++) {
      let text = piece(Math.floor(next() * 40));
      let lines = new LineIndex(text);
      for (let i = 0; i < 10; i++) {
        const at = Math.floor(next() * (text.length + 1));
        const edited = text.slice(0, at) + piece(Math.floor(next() * 4)) + text.slice(at + Math.floor(next() * 4));
        lines = lines.edited(edited, changedRegion(text, edited));
        text = edited;
        const fresh = new LineIndex(text);
        assert.equal(lines.lineCount, fresh.lineCount, JSON.stringify(text));
        assert.equal(lines.eol, fresh.eol, JSON.stringify(text));
        for (let o = 0; o <= text.length; o++) assert.deepEqual(lines.positionAt(o), fresh.positionAt(o), `${JSON.stringify(text)} at ${o}`);
      }
    }
  });

  it('re-cuts only around an edit and gives the chunks a fresh split gives', () => {
    const next = random(7);
    for (const path of files) {
      let text = readFileSync(path, 'utf8');
      let chunks = splitChunks(text, 0);
      for (let i = 0; i < 40; i++) {
        const edited = edit(text, next);
        const again = resplitChunks({ text, chunks }, edited, 0).chunks;
        assert.deepEqual(again, splitChunks(edited, 0), `${path} after edit ${i + 1}`);
        text = edited;
        chunks = again;
      }
    }
  });

  it('reuses unchanged stories: an edit in one story leaves the other story objects as they were', () => {
    const analyser = new StoryAnalyser();
    const text = readFileSync(files[1], 'utf8');
    const before = analyser.analyse(text, 'f.md').stories;
    // Assembly moves a reused story in place: where each started is noted before the edit.
    const startedOn = before.map((s) => s.range.start.line);
    const at = text.indexOf('### Task');
    const editLine = text.slice(0, at).split('\n').length - 1;
    const after = analyser.analyse(`${text.slice(0, at)}### Task\nA new sentence.${text.slice(at + '### Task'.length)}`, 'f.md').stories;
    assert.equal(after.length, before.length);
    // The edited story is built afresh; the others are the same stories, those after the edit moved down a line.
    const reused = after.filter((s, i) => s === before[i]);
    assert.equal(reused.length, before.length - 1);
    assert.ok(reused.some((s) => startedOn[before.indexOf(s)] > editLine), 'a story after the edit is reused');
    for (const s of reused) {
      const was = startedOn[before.indexOf(s)];
      assert.equal(s.range.start.line, was > editLine ? was + 1 : was, s.title);
    }
  });

  it('does not parse a quiet chunk outside every story, and gives the same stories as parsing it', () => {
    const filler = Array.from({ length: 50 }, (_, i) => `## Note ${i}\n\nPlain words about nothing in particular, line ${i}.\n`).join('\n');
    const story = '## Outage\n\n### Situation\nWe were down.\n\n### Task\nFix it.\n\n### Action\nI rolled back.\n\n### Result\n0 errors in 30 days.\n';
    const text = `${filler}\n${story}`;
    const quiet = new StoryAnalyser().analyse(text, 'f.md');
    const parsed = new StoryAnalyser({ parseEveryChunk: true }).analyse(text, 'f.md');
    assert.deepEqual(quiet.stories, parsed.stories);
    // Prose is gathered only from parsed chunks: the notes' words are not there, the story's are.
    assert.ok(!quiet.facts.prose.some((p) => p.text.includes('Plain words')));
    assert.ok(parsed.facts.prose.some((p) => p.text.includes('Plain words')));
    assert.ok(quiet.facts.prose.some((p) => p.text.includes('rolled back')));
  });
});
