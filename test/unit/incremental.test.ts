// Incremental analysis (issue 7): after any edit, the analyser that reuses chunks, stories and lint
// results gives exactly what a fresh analyser that parses every chunk gives for the edited text.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StoryAnalyser, type StoryDocument } from '../../src/core/analyse';
import { storyOrigin } from '../../src/core/assemble';
import { resplitChunks, splitChunks } from '../../src/core/chunks';
import { mergeConfig } from '../../src/core/config';
import { lintDocument } from '../../src/core/lint';
// A small seeded generator (mulberry32), so a failure names the seed that reproduces it.
import { random } from '../../bench/corpus';

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
];

function edit(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const r = next();
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

function summary(document: StoryDocument) {
  return {
    stories: document.stories,
    findings: lintDocument(document, config).map((f) => ({ ...f, fixes: f.fixes?.map((x) => ({ title: x.title, edits: x.edits })) })),
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
    const at = text.indexOf('### Task');
    const after = analyser.analyse(`${text.slice(0, at)}### Task\nA new sentence.${text.slice(at + '### Task'.length)}`, 'f.md').stories;
    assert.equal(after.length, before.length);
    // The edited story is built afresh; the others are the same stories, moved down a line.
    const reused = after.filter((s, i) => storyOrigin(s).story === storyOrigin(before[i]).story);
    assert.equal(reused.length, before.length - 1);
    assert.ok(reused.every((s) => storyOrigin(s).lines === 1 || s.range.start.line < text.slice(0, at).split('\n').length));
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
