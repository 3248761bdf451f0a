import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StoryAnalyser } from '../../../src/core/analyse';
import { GENERAL_FOLLOW_UPS } from '../../../src/core/rehearsal/followUps';
import { isHostMessage } from '../../../src/rehearsal/protocol';
import { attemptFromDraft, attemptView } from '../../../src/rehearsal/attempts';
import { buildStoryView } from '../../../src/rehearsal/storyView';

const seed = readFileSync(join(__dirname, '../../fixtures/seeds/001_0100f59d336e01c0.md'), 'utf8');

describe('what the rehearsal panel is sent', () => {
  const document = new StoryAnalyser().analyse(seed, '001.md');
  const story = document.stories[0];
  const { view } = buildStoryView(story, document.lines, { key: story.id, file: '001.md', random: () => 0 });

  it('builds a story view the webview accepts: four sections with sanitised HTML, cue cards and the cut', () => {
    assert.equal(view.key, '001.md#story-1-handling-netsuite-timeout-issues');
    assert.deepEqual(view.sections.map((s) => s.name), ['Situation', 'Task', 'Action', 'Result']);
    assert.deepEqual(view.target, [150, 150]);
    assert.equal(view.sections[0].firstSentence, 'After deploying the middleware to production, we started getting timeout errors from NetSuite.');
    assert.match(view.sections[2].html, /<pre><code class="language-javascript">/);
    assert.equal(view.cut.length, 4);
    assert.ok(GENERAL_FOLLOW_UPS.includes(view.followUp), 'a story without follow-ups gets a general one');
    assert.ok(isHostMessage({ type: 'story', reason: 'open', ref: { uri: 'file:///001.md', storyId: story.id }, story: view, history: [], due: 'never rehearsed' }));
  });

  it('drills one of the story’s own follow-up questions when it has some', () => {
    const text = '## Outage\n**Situation:** a.\n**Task:** b.\n**Action:** I c.\n**Result:** 3 d.\n\n### Follow-up questions\n- Q: Why not roll back?\n- What did the customer say?\n';
    const doc = new StoryAnalyser().analyse(text, 'o.md');
    const built = buildStoryView(doc.stories[0], doc.lines, { key: 'k', file: 'o.md', random: () => 0.99 });
    assert.equal(built.view.followUp, 'What did the customer say?');
  });

  it('turns the webview’s timings into an attempt: totals, the story target, the 60-second cut’s own target', () => {
    const draft = {
      storyKey: view.key,
      at: '2026-11-20T10:00:00.000Z',
      mode: 'full' as const,
      completed: true,
      sections: view.sections.map((s, i) => ({ role: s.role, label: s.label, seconds: [20.04, 15, 90.26, 30][i], target: s.target })),
    };
    const attempt = attemptFromDraft(draft, { key: view.key, title: view.title, file: view.file, target: view.target });
    assert.equal(attempt.totalSeconds, 155.3);
    assert.deepEqual(attempt.targetSeconds, [150, 150]);
    assert.equal(attempt.storyTitle, 'Story 1: Handling NetSuite Timeout Issues');
    const cut = attemptFromDraft({ ...draft, mode: 'cut', sections: view.cut.map((c) => ({ role: c.role, label: c.name, seconds: 10, target: c.target })) }, { key: view.key, title: view.title, file: view.file, target: view.target });
    assert.deepEqual(cut.targetSeconds, [60, 60]);
    assert.deepEqual(attemptView(attempt).sections.map((s) => s.seconds), [20, 15, 90.3, 30]);
  });
});
