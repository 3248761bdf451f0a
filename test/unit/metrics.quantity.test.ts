import assert from 'node:assert/strict';
import { findQuantities, findQuantityWords, hasQuantity } from '../../src/core/lint/metrics';

describe('metrics: hasQuantity (STAR005)', () => {
  const withQuantity: [string, string][] = [
    ['99.99% success rate', 'a percentage'],
    ['$120K savings', 'money with a K suffix'],
    ['3x faster', 'a multiplier'],
    ['cut it from two hours to twenty minutes', 'number words with durations'],
    ['zero downtime', 'the word zero'],
    ['zero-downtime deployments', 'zero in a hyphenated compound'],
    ['doubled throughput', 'a multiplying verb'],
    ['halved the on-call load', 'halved'],
    ['twice as fast', 'twice'],
    ['cut review time in half', 'in half'],
    ['handled dozens of incidents', 'dozens'],
    ['served 2,000 users', 'digits with a thousands separator'],
    ['onboarded 2000 users', 'a year-like number followed by a plural noun'],
    ['p99 went to 250 ms', 'milliseconds after a space'],
    ['now 1.8 s end to end', 'seconds after a space'],
    ['deploys 3 times a week', 'a rate'],
    ['10,000 Zoho calls/day', 'a per-day rate'],
    ['€300 per month', 'euros per month'],
    ['one hour instead of a day', '"one" with a unit'],
    ['twenty-five minutes', 'a hyphenated number word'],
    ['a team of 12', 'a plain count'],
    ['4H', 'hours in capitals'],
    ['saved £1.2M', 'pounds with an M suffix'],
  ];
  for (const [text, why] of withQuantity) {
    it(`finds a quantity in "${text}" (${why})`, () => {
      assert.equal(hasQuantity(text), true);
    });
  }

  const without: [string, string][] = [
    ['delivering complex projects on time, as everyone was aware of the timeline', 'seed 003 line 186'],
    ['This reduces MTTR from minutes to seconds, eliminates toil for on-call engineers', 'units without numbers (seed 004 line 30)'],
    ['went from doing infrequent, large releases to frequent, small releases', 'seed 003 line 268'],
    ['We shipped it in 2021', 'a year standing alone'],
    ['Since 2019 the team owned billing', 'a year after "since"'],
    ['Q3 2022 planning', 'a year after a quarter'],
    ['on March 5, 2021', 'a date in words'],
    ['on 12/05/2021', 'a numeric date'],
    ['on 2021-03-04', 'an ISO date'],
    ['back in the 1990s', 'a decade'],
    ['2021 was a hard year', 'a year followed by "was"'],
    ['1. Gather requirements', 'list numbering'],
    ['### 2) Design', 'list numbering in a heading'],
    ['Step 2: roll out', 'step numbering'],
    ['Phase 3 of the migration', 'phase numbering'],
    ['Week 1-2: discovery', 'a numbered range of weeks'],
    ['### Q11: "Tell me about a time"', 'a question number'],
    ['see #4 in the backlog', 'an issue number'],
    ['moved to v2 of the API', 'a version with v'],
    ['upgraded to Python 3.11', 'a product version (decision: not a quantity)'],
    ['upgraded to Java 17 and Spring Boot 3', 'product versions'],
    ['release 1.2.3', 'a dotted version'],
    ['9 AM - 6 PM', 'clock times'],
    ['the 9:30 stand-up', 'a clock time'],
    ['24/7 support', '24/7'],
    ['weekly 1:1s with my reports', '1:1 meetings'],
    ['my first project', 'an ordinal word'],
    ['came 2nd in the hackathon', 'an ordinal number'],
    ['one of the engineers', '"one" as a pronoun'],
    ['a two-phase commit', 'a number word naming a design, not an amount'],
    ['EC2 and S3 behind CloudFront', 'digits inside names'],
    ['p95 latency improved', 'a percentile name'],
    ['a 5G rollout', 'unknown letters glued to the number'],
    ['double-checked every migration', '"double" is not a quantity'],
    ['Week 1-2', 'numbered weeks'],
  ];
  for (const [text, why] of without) {
    it(`finds no quantity in "${text}" (${why})`, () => {
      assert.equal(hasQuantity(text), false);
    });
  }

  it('ignores Markdown emphasis around numbers', () => {
    assert.equal(hasQuantity('**Result:** saved **$120K** a year'), true);
  });
});

describe('metrics: findQuantities', () => {
  function only(text: string) {
    const qs = findQuantities(text);
    assert.equal(qs.length, 1, `expected one quantity in "${text}", got ${JSON.stringify(qs.map((q) => q.text))}`);
    return qs[0];
  }

  it('reads money with a magnitude suffix and gives its offsets', () => {
    const q = only('cost $120K today');
    // "cost " is 5 characters, "$120K" is 5 more.
    assert.deepEqual([q.start, q.end, q.text], [5, 10, '$120K']);
    assert.equal(q.value, 120_000); // 120 × 1000
    assert.equal(q.unit.dimension, 'money');
    assert.equal(q.unit.currency, '$');
    assert.equal(q.magnitude, 'K');
  });

  it('reads durations with their factor to milliseconds', () => {
    const s = only('1.8 s');
    assert.equal(s.value, 1.8);
    assert.equal(s.unit.factor, 1000); // 1 s = 1000 ms
    assert.equal(s.decimals, 1);
    const h = only('4H');
    assert.equal(h.unit.factor, 3_600_000); // 60 × 60 × 1000
    const min = only('30MIN');
    assert.equal(min.unit.factor, 60_000);
    const ms = only('420 ms');
    assert.equal(ms.unit.factor, 1);
  });

  it('tells $5m (million) from 5m (minutes)', () => {
    assert.equal(only('$5m').value, 5_000_000);
    const m = only('5m');
    assert.equal(m.value, 5);
    assert.equal(m.unit.dimension, 'duration');
  });

  it('reads data sizes', () => {
    const q = only('45MB');
    assert.equal(q.unit.dimension, 'data');
    assert.equal(q.unit.symbol, 'MB');
    assert.equal(q.unit.factor, 1e6);
  });

  it('reads multipliers', () => {
    const q = only('3x faster');
    assert.equal(q.unit.dimension, 'multiplier');
    assert.equal(q.value, 3);
    assert.equal(only('a 10× speed-up').value, 10);
  });

  it('reads ranges with a rate', () => {
    const q = only('1-2 per week');
    assert.equal(q.value, 1);
    assert.equal(q.high, 2);
    assert.equal(q.unit.per?.name, 'week');
    assert.equal(q.text, '1-2 per week');
  });

  it('reads a rate named after a word in between: "10,000 Zoho calls/day"', () => {
    const q = only('10,000 Zoho calls/day');
    assert.equal(q.value, 10_000);
    assert.equal(q.unit.per?.name, 'day');
    assert.equal(q.text, '10,000 Zoho calls/day');
  });

  it('reads money rates and scores out of ten', () => {
    const r = only('$800/month');
    assert.equal(r.unit.per?.name, 'month');
    assert.equal(r.value, 800);
    const s = only('6.2/10');
    assert.equal(s.unit.outOf, 10);
    assert.equal(s.value, 6.2);
  });

  it('reads number words with units', () => {
    const q = only('twenty-five minutes');
    assert.equal(q.value, 25); // twenty + five
    assert.equal(q.words, true);
    assert.equal(q.unit.symbol, 'min');
    assert.equal(only('two hundred requests').value, 200); // 2 × 100
  });

  it('reads percentage ranges and money ranges', () => {
    const p = only('10-20%');
    assert.deepEqual([p.value, p.high, p.unit.dimension], [10, 20, 'percent']);
    const m = only('$50K-$100K');
    assert.deepEqual([m.value, m.high], [50_000, 100_000]);
  });

  it('does not read year ranges as ranges', () => {
    assert.deepEqual(findQuantities('from 2020-2021'), []);
  });

  it('lists quantity words separately', () => {
    const words = findQuantityWords('we doubled throughput and halved cost');
    assert.deepEqual(words.map((w) => w.word), ['doubled', 'halved']);
    assert.deepEqual([words[0].start, words[0].end], [3, 10]); // "we " is 3 characters, "doubled" 7
  });
});
