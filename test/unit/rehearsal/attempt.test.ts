import assert from 'node:assert/strict';
import { gradeAttempt, sectionStatus, summariseAttempt, trimAdvice, type RehearsalAttempt } from '../../../src/core/rehearsal/attempt';

function attempt(seconds: number[], completed = true, targets: Array<[number, number]> = [[20, 20], [15, 15], [80, 80], [35, 35]]): RehearsalAttempt {
  const roles = ['situation', 'task', 'action', 'result'] as const;
  return {
    storyKey: 'bank.md#story',
    storyTitle: 'Story',
    file: 'bank.md',
    at: '2026-11-20T10:00:00.000Z',
    mode: 'full',
    completed,
    totalSeconds: seconds.reduce((a, b) => a + b, 0),
    targetSeconds: [150, 150],
    sections: seconds.map((s, i) => ({ role: roles[i], label: roles[i], seconds: s, targetSeconds: targets[i] })),
  };
}

describe('rehearsal attempt: report and verdict', () => {
  it('grades an attempt by its total against the target', () => {
    assert.equal(gradeAttempt({ completed: true, totalSeconds: 160, targetSeconds: [150, 150] }), 'good', 'within 10%');
    assert.equal(gradeAttempt({ completed: true, totalSeconds: 180, targetSeconds: [150, 150] }), 'over');
    assert.equal(gradeAttempt({ completed: true, totalSeconds: 190, targetSeconds: [150, 150] }), 'well-over', 'more than 25% over');
    assert.equal(gradeAttempt({ completed: false, totalSeconds: 20, targetSeconds: [150, 150] }), 'stopped');
    assert.equal(gradeAttempt({ completed: true, totalSeconds: 59, targetSeconds: [150, 150] }), 'under', 'a skim under 40% of the target');
    assert.equal(gradeAttempt({ completed: true, totalSeconds: 61, targetSeconds: [150, 150] }), 'good');
  });

  it('tells a skim apart from a telling', () => {
    const summary = summariseAttempt(attempt([1, 0.5, 2, 0.5]));
    assert.equal(summary.grade, 'under');
    assert.equal(summary.headline, 'Finished in 4s, well under the 2m30s target — give the Action more detail.');
  });

  it('names the section that ran over and which paragraph to trim', () => {
    const markdown = [undefined, undefined, 'I started with a short one.\n\nThen a much longer paragraph about every detail of the migration, the scripts, the meetings and the rollback plan.\n\nA wrap-up.', undefined];
    const summary = summariseAttempt(attempt([20, 15, 110, 35]), { markdown });
    assert.equal(summary.grade, 'over');
    assert.equal(summary.headline, 'Action ran 30 s over — trim the second paragraph.');
    assert.deepEqual(summary.rows.map((r) => r.status), ['on', 'on', 'over', 'on']);
    assert.equal(summary.tips[0], 'Total 3m, 30 s over the 2m30s target.');
  });

  it('says how many words to cut when the section is one block', () => {
    assert.equal(trimAdvice('One single paragraph.', 20, 150), 'cut about 50 words');
  });

  it('praises an attempt on time and warns about a rushed Result and a long setup', () => {
    assert.equal(summariseAttempt(attempt([20, 15, 80, 35])).headline, 'On time: 2m30s against a 2m30s target.');
    const rushed = summariseAttempt(attempt([22, 16, 50, 8]));
    assert.equal(rushed.grade, 'good');
    assert.ok(rushed.tips.includes('Situation and Task took 40% of the time — get to the Action sooner.'), rushed.tips.join(' | '));
    assert.ok(rushed.tips.includes('The Result went by in 8 s — slow down and land the number.'), rushed.tips.join(' | '));
  });

  it('reports a stopped attempt with the section it stopped in, later sections marked skipped', () => {
    const summary = summariseAttempt(attempt([20, 15, 30, 0], false));
    assert.equal(summary.grade, 'stopped');
    assert.equal(summary.headline, 'Stopped in the Action after 1m05s — run it to the end next time, even roughly.');
    assert.deepEqual(summary.rows.map((r) => r.status), ['on', 'on', 'under', 'skipped']);
  });

  it('treats a section as over only past 10% and 3 s', () => {
    assert.equal(sectionStatus(21, [20, 20], true), 'on');
    assert.equal(sectionStatus(23, [20, 20], true), 'over');
    assert.equal(sectionStatus(5, [20, 20], true), 'under');
    assert.equal(sectionStatus(0, [20, 20], false), 'skipped');
  });
});
