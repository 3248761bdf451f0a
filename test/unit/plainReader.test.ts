// The plain reader (src/core/read/plainReader.ts) against its oracle, remark: whenever the plain reader
// accepts a chunk, the facts it yields must equal those remark's tree yields — on every chunk of the
// fixtures, of the bench corpus, and of generated near-plain Markdown (test/unit/support/
// plainMarkdownArbitrary.ts; `npm run fuzz` runs many more). The acceptance rates are checked too:
// a reader that declined everything would pass the comparison and speed nothing up.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { storyBank } from '../../bench/corpus';
import { ChunkReader } from '../../src/core/read/chunkReader';
import { findFrontMatter, splitChunks } from '../../src/core/read/chunks';
import { buildLexicon } from '../../src/core/read/lexicon';
import { fuzzRuns, fuzzSeed } from './support/markdownArbitrary';
import { plainChunkArbitrary } from './support/plainMarkdownArbitrary';

const reader = new ChunkReader(buildLexicon());
const fixtures = join(__dirname, '..', 'fixtures');

/** Compares the plain reader with remark on every chunk of `files`; returns the share of bytes accepted. */
function compareChunks(files: { name: string; text: string }[]): number {
  let bytes = 0;
  let accepted = 0;
  for (const file of files) {
    const fm = findFrontMatter(file.text);
    for (const chunk of splitChunks(file.text, fm?.end ?? (file.text.charCodeAt(0) === 0xfeff ? 1 : 0))) {
      bytes += chunk.text.length;
      const plain = reader.readPlain(chunk.text);
      if (!plain) continue;
      accepted += chunk.text.length;
      assert.deepEqual(plain, reader.read(chunk.text), `${file.name} at offset ${chunk.start}`);
    }
  }
  return accepted / bytes;
}

function markdownFiles(dir: string): { name: string; text: string }[] {
  return readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
}

describe('the plain reader reads as remark does', function () {
  this.timeout(120_000);

  it('on every chunk of the seed files, and accepts most of them', () => {
    const share = compareChunks(markdownFiles(join(fixtures, 'seeds')));
    assert.ok(share > 0.75, `accepted ${(share * 100).toFixed(1)}% of the bytes`);
  });

  it('on every chunk of the other fixtures (non-stories, near misses)', () => {
    const share = compareChunks([...markdownFiles(join(fixtures, 'non-stories')), ...markdownFiles(join(fixtures, 'negative'))]);
    assert.ok(share > 0.75, `accepted ${(share * 100).toFixed(1)}% of the bytes`);
  });

  it('on every chunk of the bench corpus (200 files, 5 MB), and accepts nearly all of it', () => {
    const share = compareChunks(storyBank(20261125, 200, 5_000_000));
    assert.ok(share > 0.95, `accepted ${(share * 100).toFixed(1)}% of the bytes`);
  });

  it('on generated near-plain story Markdown', () => {
    let runs = 0;
    let accepted = 0;
    fc.assert(
      fc.property(plainChunkArbitrary, (text) => {
        runs++;
        const plain = reader.readPlain(text);
        if (!plain) return;
        accepted++;
        assert.deepEqual(plain, reader.read(text));
      }),
      { seed: fuzzSeed(), numRuns: fuzzRuns(4000) },
    );
    // The grammar is built to sit on the edge of what the reader accepts: both sides must be well used.
    assert.ok(accepted > runs * 0.25 && accepted < runs * 0.9, `accepted ${accepted} of ${runs}`);
  });

  it('reads a table of contents (plain links in nested lists) itself', () => {
    const toc = '## Contents\n\n- [Technical Challenges](#technical-challenges)\n  - [What key challenges have you faced?](#what-key-challenges)\n    - [Architecture](#architecture-1)\n- **[Result](#result)** and [Q3 (2024)](http://x.y/a_b?c=1&amp)\n';
    const plain = reader.readPlain(toc.replace('&amp', ''));
    assert.ok(plain, 'the plain reader declined the table of contents');
    assert.deepEqual(plain, reader.read(toc.replace('&amp', '')));
    assert.deepEqual(plain.prose.map((p) => p.text).slice(1, 4), ['Technical Challenges', 'What key challenges have you faced?', 'Architecture']);
  });

  it('declines what it does not read, so that remark reads it', () => {
    for (const text of [
      'a\tb', 'a\r\nb', 'a\rb', '> quote', '<div>x</div>', 'a <b>x</b> b', 'a <http://x.y> b', 'a \\* b', 'a &amp; b', '[a](b "t")', '[a](<b>)', '[*a*](b)', '![a](b)', '[a][b]',
      '[a]\n\n[a]: /url', '`a\nb`', '-\n', '- a\n  ```\n  x\n', '```\nnever closed', '- a\n\n      code', '- `` a\n  b',
      `${'- '.repeat(17)}deep`,
    ]) {
      assert.equal(reader.readPlain(text), undefined, JSON.stringify(text));
    }
  });
});
