// memoise: answers remembered by key, except inside withoutMemory (the command line's lint).
import assert from 'node:assert/strict';
import { memoise, withoutMemory } from '../../src/core/util/memo';

describe('memoise', () => {
  it('computes an answer once per key, and every time inside withoutMemory', () => {
    const asked: string[] = [];
    const upper = memoise((key) => {
      asked.push(key);
      return key.toUpperCase();
    }, 10);
    assert.equal(upper('situation'), 'SITUATION');
    assert.equal(upper('situation'), 'SITUATION');
    assert.deepEqual(asked, ['situation']);
    assert.equal(withoutMemory(() => upper('task') + upper('task') + upper('situation')), 'TASKTASKSITUATION');
    assert.deepEqual(asked, ['situation', 'task', 'task', 'situation']);
    assert.equal(upper('task'), 'TASK', 'nothing asked inside was remembered');
    assert.deepEqual(asked, ['situation', 'task', 'task', 'situation', 'task']);
  });
});
