import assert from 'node:assert/strict';
import { byDue, describeDue, dueState, nextSchedule, type RehearsalSchedule } from '../../../src/core/rehearsal/schedule';

const DAY = 24 * 60 * 60 * 1000;
const start = Date.parse('2026-11-01T09:00:00.000Z');

describe('rehearsal spaced repetition', () => {
  it('doubles the interval after each good attempt: 1, 2, 4, 8, 16, then stays at 16 days', () => {
    let schedule: RehearsalSchedule | undefined;
    let at = start;
    const intervals: number[] = [];
    for (let i = 0; i < 6; i++) {
      schedule = nextSchedule(schedule, 'good', new Date(at));
      intervals.push(schedule!.intervalDays);
      assert.equal(Date.parse(schedule!.dueAt), at + schedule!.intervalDays * DAY);
      at = Date.parse(schedule!.dueAt);
    }
    assert.deepEqual(intervals, [1, 2, 4, 8, 16, 16]);
    assert.equal(schedule!.streak, 6);
  });

  it('resets after an attempt well over target, keeps the interval after one a little over, ignores a stopped one', () => {
    const good = nextSchedule(nextSchedule(nextSchedule(undefined, 'good', new Date(start)), 'good', new Date(start + DAY)), 'good', new Date(start + 3 * DAY))!;
    assert.equal(good.intervalDays, 4);
    const over = nextSchedule(good, 'over', new Date(start + 7 * DAY))!;
    assert.equal(over.intervalDays, 4);
    assert.equal(over.streak, 0);
    const reset = nextSchedule(good, 'well-over', new Date(start + 7 * DAY))!;
    assert.equal(reset.intervalDays, 0);
    assert.equal(dueState(reset, start + 7 * DAY), 'due', 'a reset story is due at once');
    assert.equal(nextSchedule(good, 'stopped', new Date(start + 7 * DAY)), good);
    const skim = nextSchedule(good, 'under', new Date(start + 7 * DAY))!;
    assert.equal(skim.intervalDays, 4, 'a skim through the sections does not count as a good attempt');
    assert.equal(skim.dueAt, new Date(start + 11 * DAY).toISOString());
    assert.equal(nextSchedule(reset, 'good', new Date(start + 8 * DAY))!.intervalDays, 1, 'the ladder starts again at 1 day');
  });

  it('describes and orders due stories: overdue first, then never rehearsed, then the rest by date', () => {
    const now = start + 10 * DAY;
    const at = (days: number): RehearsalSchedule => ({ intervalDays: 1, dueAt: new Date(start + days * DAY).toISOString(), lastAt: new Date(start).toISOString(), streak: 1 });
    const stories = [
      { name: 'later', schedule: at(14) },
      { name: 'new', schedule: undefined },
      { name: 'overdue', schedule: at(5) },
      { name: 'due today', schedule: at(10) },
      { name: 'soon', schedule: at(11) },
    ];
    assert.deepEqual(byDue(stories, (s) => s.schedule, now).map((s) => s.name), ['overdue', 'due today', 'new', 'soon', 'later']);
    assert.equal(describeDue(at(5), now), 'due 5 days ago');
    assert.equal(describeDue(at(10), now), 'due now');
    assert.equal(describeDue(at(11), now), 'next tomorrow');
    assert.equal(describeDue(at(14), now), 'next in 4 days');
    assert.equal(describeDue(undefined, now), 'never rehearsed');
  });
});
