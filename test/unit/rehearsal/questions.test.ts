import assert from 'node:assert/strict';
import { COMPETENCIES } from '../../../src/core/views/coverage';
import { BUILT_IN_QUESTIONS, pickQuestion, questionBank, rankStoriesFor } from '../../../src/core/rehearsal/questions';

describe('mock interview questions', () => {
  it('ships at least 40 questions, each tagged with competencies of the coverage matrix, every competency asked', () => {
    assert.ok(BUILT_IN_QUESTIONS.length >= 40);
    const known = new Set<string>(COMPETENCIES);
    for (const q of BUILT_IN_QUESTIONS) {
      assert.ok(q.tags.length > 0 && q.tags.every((t) => known.has(t)), q.text);
      assert.match(q.text, /[.?]$/);
    }
    for (const c of COMPETENCIES) assert.ok(BUILT_IN_QUESTIONS.filter((q) => q.tags.includes(c)).length >= 3, c);
    assert.equal(new Set(BUILT_IN_QUESTIONS.map((q) => q.id)).size, BUILT_IN_QUESTIONS.length, 'ids are unique');
  });

  it('adds the user\'s questions from settings, normalising tags, replacing a built-in one with the same text, skipping junk', () => {
    const bank = questionBank([
      'Tell me about a time you shipped something you were not proud of.',
      { question: 'Tell me about a time you failed.', tags: ['Mistake', 'Technical-Decision'] },
      { tags: ['conflict'] },
      42,
      null,
      { question: 'Bad tags', tags: 'conflict' },
    ]);
    assert.equal(bank.length, BUILT_IN_QUESTIONS.length + 1);
    assert.deepEqual(bank.find((q) => q.text === 'Tell me about a time you failed.')?.tags, ['failure', 'technical decision']);
    assert.deepEqual(bank.find((q) => q.text.startsWith('Tell me about a time you shipped'))?.tags, []);
    assert.equal(questionBank(undefined).length, BUILT_IN_QUESTIONS.length);
  });

  it('picks a question at random but not the one just asked', () => {
    const bank = questionBank();
    assert.equal(pickQuestion(bank, () => 0)?.id, bank[0].id);
    assert.equal(pickQuestion(bank, () => 0, bank[0].id)?.id, bank[1].id);
    assert.equal(pickQuestion(bank, () => 0.999999)?.id, bank[bank.length - 1].id);
    assert.equal(pickQuestion([bank[0]], () => 0, bank[0].id)?.id, bank[0].id);
  });

  it('offers the story paired with the question first, then stories sharing its competencies, then the rest in order', () => {
    const question = { id: 'q', text: 'Tell me about a time you disagreed with your manager.', tags: ['conflict', 'influence'] };
    const stories = [
      { name: 'a', story: { tags: ['customer'] } },
      { name: 'b', story: { tags: ['Disagreement'] } },
      { name: 'c', story: { tags: ['conflict', 'influence'] } },
      { name: 'd', story: { tags: [] } },
    ];
    assert.deepEqual(rankStoriesFor(stories, question).map((s) => s.name), ['c', 'b', 'a', 'd']);
    assert.deepEqual(rankStoriesFor(stories, question, (s) => s.name === 'd').map((s) => s.name), ['d', 'c', 'b', 'a']);
  });
});
