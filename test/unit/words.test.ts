// wordCount counts in one pass what the regular expression it replaced matches: that expression is the
// oracle here, on random text from an alphabet of letters, digits, joiners and their neighbours.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { wordCount } from '../../src/core/util/words';
import { fuzzRuns, fuzzSeed } from './support/markdownArbitrary';

const WORD = /[\p{L}\p{N}]+(?:['’.,\-][\p{L}\p{N}]+)*/gu;
const oracle = (text: string) => text.match(WORD)?.length ?? 0;

const PIECES = ['a', 'Z', '7', 'é', 'ß', '数', 'ك', '٣', '𝒜', '𝟙', '🎯', '👩🏽‍💻', 'e\u0301', '\u00a0', ' ', '\n', "'", '’', '.', ',', '-', '—', '$', '%', '\uD800', '\uDC00', '_', '\u200b'];

describe('wordCount', () => {
  it('counts speakable words', () => {
    assert.equal(wordCount("I didn't cut $120K on-call costs — 1,000.5 times."), 8);
    assert.equal(wordCount('— … 🎯'), 0);
    assert.equal(wordCount('数据 𝒜𝒜 a..b a-.b'), 6);
  });

  it('agrees with the regular expression on random text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        assert.equal(wordCount(text), oracle(text), JSON.stringify(text));
      }),
      { seed: fuzzSeed(), numRuns: fuzzRuns(5000) },
    );
  });
});
