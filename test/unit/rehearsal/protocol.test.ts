import assert from 'node:assert/strict';
import { isHostMessage, isWebviewMessage, panelRefOf, type AttemptDraft } from '../../../src/rehearsal/protocol';

const draft: AttemptDraft = {
  storyKey: 'bank.md#story-1',
  at: '2026-11-20T10:00:00.000Z',
  mode: 'full',
  completed: true,
  sections: [{ role: 'situation', label: 'Situation', seconds: 12.5, target: [20, 20] }],
};

describe('rehearsal message protocol', () => {
  it('accepts every well-formed webview message', () => {
    assert.ok(isWebviewMessage({ type: 'ready' }));
    assert.ok(isWebviewMessage({ type: 'attempt', attempt: draft }));
    assert.ok(isWebviewMessage({ type: 'rendered', storyKey: 'k', sections: ['Situation'], mode: 'cue', screen: 'rehearse', section: -1 }));
    assert.ok(isWebviewMessage({ type: 'exportHistory' }));
    assert.ok(isWebviewMessage({ type: 'reveal', section: 2 }));
  });

  it('ignores unknown, malformed and hostile messages from the webview', () => {
    const rejected: unknown[] = [
      null,
      'ready',
      [],
      {},
      { type: 'runCommand', command: 'workbench.action.terminal.new' },
      { type: 'toString' },
      { type: '__proto__' },
      { type: 'constructor' },
      { type: 'reveal', section: 1.5 },
      { type: 'reveal', section: -1 },
      { type: 'reveal', section: '1' },
      { type: 'attempt', attempt: { ...draft, mode: 'karaoke' } },
      { type: 'attempt', attempt: { ...draft, at: 'yesterday' } },
      { type: 'attempt', attempt: { ...draft, completed: 'yes' } },
      { type: 'attempt', attempt: { ...draft, sections: [{ ...draft.sections[0], seconds: -1 }] } },
      { type: 'attempt', attempt: { ...draft, sections: [{ ...draft.sections[0], seconds: Number.NaN }] } },
      { type: 'attempt', attempt: { ...draft, sections: [{ ...draft.sections[0], role: 'villain' }] } },
      { type: 'attempt', attempt: { ...draft, sections: [{ ...draft.sections[0], target: [30, 10] }] } },
      { type: 'attempt', attempt: { ...draft, sections: Array.from({ length: 51 }, () => draft.sections[0]) } },
      { type: 'attempt', attempt: { ...draft, storyKey: 'x'.repeat(5000) } },
      { type: 'rendered', storyKey: 'k', sections: ['S'], mode: 'full', screen: 'elsewhere', section: 0 },
    ];
    for (const message of rejected) assert.equal(isWebviewMessage(message), false, JSON.stringify(message));
  });

  it('checks host messages the same way in the webview', () => {
    assert.ok(isHostMessage({ type: 'control', action: 'next' }));
    assert.equal(isHostMessage({ type: 'control', action: 'format-disk' }), false);
    assert.equal(isHostMessage({ type: 'story', reason: 'open' }), false, 'a story message without its story');
    assert.equal(isHostMessage({ type: 'error' }), false);
    assert.ok(isHostMessage({ type: 'error', message: 'The attempt could not be saved.' }));
  });

  it('reads the panel reference the serializer needs from saved state, and nothing else', () => {
    assert.deepEqual(panelRefOf({ ref: { uri: 'file:///a.md', storyId: 's' }, run: {} }), { uri: 'file:///a.md', storyId: 's' });
    assert.equal(panelRefOf({ ref: { uri: 3, storyId: 's' } }), undefined);
    assert.equal(panelRefOf(undefined), undefined);
  });
});
