// STAR007's search for intensifiers: whole words only, in any case (Unicode case folding), at their
// first possible place. Offsets counted by hand.
import assert from 'node:assert/strict';
import { findVagueClaims } from '../../src/core/lint/metrics';

const found = (text: string) => findVagueClaims(text).map((c) => [c.start, c.word]);

describe('metrics: vague claims (STAR007)', () => {
  it('finds only whole words: not inside a longer word, not before a letter or digit', () => {
    assert.deepEqual(found('insignificantly better, significantly faster'), [[24, 'significantly']]);
    assert.deepEqual(found('significantly2 and éssignificantly, then significantly'), [[41, 'significantly']]);
    assert.deepEqual(found('\u{1D400}significantly'), []);
  });

  it('takes the longest claim that ends a word, and none when no form does', () => {
    assert.deepEqual(found('a lotta work, a lot of work'), [[14, 'a lot of']]);
    assert.deepEqual(found('big improvementsx and big improvements'), [[22, 'big improvements']]);
    assert.deepEqual(found('a lot ofx'), [[0, 'a lot']]);
  });

  it('matches in any case, Unicode case folding included', () => {
    assert.deepEqual(found('SIGNIFICANTLY, Way Better'), [[0, 'SIGNIFICANTLY'], [15, 'Way Better']]);
    assert.deepEqual(found('\u017Fignificantly'), [[0, '\u017Fignificantly']]);
  });
});
