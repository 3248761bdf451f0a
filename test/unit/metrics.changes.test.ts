// The arithmetic check of STAR006 on the examples of issue 4 / DESIGN §4. Expected values worked out
// by hand: e.g. (270 − 150) / 270 = 44.44 %, (30 000 − 45) / 30 000 = 99.85 %.
import assert from 'node:assert/strict';
import { findMetricChanges } from '../../src/core/lint/metrics';

function claimsOf(text: string) {
  return findMetricChanges(text).flatMap((c) => c.claims);
}

describe('metrics: before → after claims (STAR006)', () => {
  const holding: [string, string][] = [
    ['60s → 2s (97% improvement)', '58/60 = 96.7%'],
    ['Infrastructure costs reduced from $270K to $150K annually = **$120K savings (44.4% reduction)**', 'seed 000: 120/270 = 44.4%, and the amount is 120K'],
    ['85% → 99.2% (17% improvement)', 'relative: 14.2/85 = 16.7%'],
    ['1-2 per week → 8-10 per week (400% increase)', 'the range ends give 300%…900%'],
    ['30 seconds → 45ms (99.85% faster)', '29 955/30 000 = 99.85%, seconds converted to ms'],
    ['Deploys: 40 min → 5 min (8x faster)', '40/5 = 8'],
    ['Error rate: 12% → 2% (10 percentage points lower)', 'difference in points'],
    ['Error rate: 12% → 2% (10pp lower)', 'difference in points'],
  ];
  for (const [text, why] of holding) {
    it(`accepts "${text}" (${why})`, () => {
      const claims = claimsOf(text);
      assert.ok(claims.length > 0, 'the claim is found');
      assert.equal(claims.length, text.includes('$120K') ? 2 : 1);
      for (const claim of claims) assert.equal(claim.holds, true, `${claim.text}: computed ${JSON.stringify(claim.computed)}`);
    });
  }

  const wrong: [string, string, string][] = [
    ['$50K → $40K (50% reduction)', '50%', '20%'],
    ['10 → 30 jobs per hour (300% increase)', '300%', '200%'],
    ['Latency 800ms → 200ms (50% faster)', '50%', '75%'],
  ];
  for (const [text, stated, expected] of wrong) {
    it(`flags "${text}" and computes ${expected}`, () => {
      const [claim] = claimsOf(text);
      assert.ok(claim, 'the claim is found');
      assert.equal(claim.holds, false);
      assert.equal(claim.valueText, stated);
      assert.equal(text.slice(claim.valueStart, claim.valueEnd), stated);
      assert.equal(claim.expected, expected);
    });
  }

  it('reads the mojibake arrows as arrows', () => {
    assert.equal(claimsOf('API response time: 60s â†’ 2s (97% improvement)')[0]?.holds, true);
    assert.equal(claimsOf('Build: 40 min ‚Üí 10 min (75% faster)')[0]?.holds, true);
  });

  it('finds a change at every arrow and at `from` in any case (text with neither is not scanned)', () => {
    const arrows = ['-->', '—>', '–>', '->', '==>', '=>', '→', '⟶', '⇒', '➔', '➜', '➡', '➡️', '⮕', '&rarr;', '&#8594;', 'â†’', '‚Üí'];
    const texts = [
      ...arrows.map((arrow) => `Build: 40 min ${arrow} 10 min (75% faster)`),
      'Build time went FROM 40 min TO 10 min (75% faster)',
      'Build time went down To 10 min From 40 min (75% faster)',
      'Build time went _from_ 40 min to 10 min (75% faster)',
    ];
    for (const text of texts) assert.equal(claimsOf(text)[0]?.holds, true, text);
    assert.deepEqual(findMetricChanges('Build: 40 min, then 10 min (75% faster)'), []);
  });

  it('does not pair a year with a number or check a claim with no change beside it', () => {
    assert.deepEqual(claimsOf('In 2019 → 2021 I led the team; we grew 50% faster than planned.').filter((c) => c.holds === false), []);
  });
});
