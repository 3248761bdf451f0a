// Story ids: letters and digits of the title, lower case, joined by `-`. Expected values worked out by
// hand: NFKD splits `é` into `e` and a combining mark (not a letter), and turns `ﬁ` into `fi`.
import assert from 'node:assert/strict';
import { slugify } from '../../src/core/util/slug';

describe('slugify', () => {
  it('joins ASCII words and numbers with single dashes, none at the ends', () => {
    assert.equal(slugify('Reduced p95 Latency — 40%!'), 'reduced-p95-latency-40');
    assert.equal(slugify('  --Hello__World--  '), 'hello-world');
    assert.equal(slugify('Q1: Tell me about a time…'), 'q1-tell-me-about-a-time');
    assert.equal(slugify('?!'), '');
  });

  it('normalises other scripts and compatibility forms, and keeps their letters', () => {
    assert.equal(slugify('Café Crème'), 'cafe-cre-me');
    assert.equal(slugify('\uFB01le'), 'file');
    assert.equal(slugify('\u212Aelvin'), 'kelvin');
    assert.equal(slugify('İstanbul'), 'i-stanbul');
    assert.equal(slugify('日本語 タイトル'), '日本語-タイトル');
  });
});
