import assert from 'node:assert/strict';
import type { RehearsalAttempt } from '../../../src/core/rehearsal/attempt';
import { attemptsToCsv, csvCell } from '../../../src/core/rehearsal/csv';

describe('rehearsal history as CSV', () => {
  it('writes one row per attempt with seconds per role, quoting commas and quotes', () => {
    const attempt: RehearsalAttempt = {
      storyKey: 'bank.md#a',
      storyTitle: 'Tell me about "the" outage, please',
      file: 'bank.md',
      at: '2026-11-20T10:00:00.000Z',
      mode: 'cue',
      completed: true,
      totalSeconds: 92.25,
      targetSeconds: [90, 120],
      sections: [
        { role: 'situation', label: 'Situation', seconds: 10, targetSeconds: [15, 15] },
        { role: 'action', label: 'Steps', seconds: 50, targetSeconds: [60, 60] },
        { role: 'action', label: 'More steps', seconds: 12.25, targetSeconds: [10, 10] },
        { role: 'result', label: 'Result', seconds: 20, targetSeconds: [20, 20] },
      ],
    };
    const lines = attemptsToCsv([attempt]).split('\r\n');
    assert.equal(lines[0], 'story,file,date,mode,completed,total_seconds,target_seconds,situation_seconds,task_seconds,action_seconds,result_seconds,learning_seconds,question');
    assert.equal(lines[1], '"Tell me about ""the"" outage, please",bank.md,2026-11-20T10:00:00.000Z,cue,true,92.3,90-120,10,,62.3,20,,');
    assert.equal(lines[2], '', 'the file ends with a line break');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    assert.equal(csvCell('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
    assert.equal(csvCell('+1'), "'+1");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell(-3), '-3', 'numbers are numbers');
  });
});
