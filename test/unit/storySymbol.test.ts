import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StoryAnalyser } from '../../src/core/analyse';
import { storySymbol } from '../../src/core/views/storySymbol';

describe('Outline symbols', () => {
  const seed = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'seeds', name), 'utf8');

  it('lists each story of seed 001 with its four sections as children', () => {
    const symbols = new StoryAnalyser().analyse(seed('001_0100f59d336e01c0.md'), '001.md').stories.map(storySymbol);
    assert.equal(symbols.length, 7);
    assert.equal(symbols[0].name, 'Story 1: Handling NetSuite Timeout Issues');
    for (const s of symbols) assert.deepEqual(s.children.map((c) => c.name.split(' · ')[0]), ['Situation', 'Task', 'Action', 'Result']);
    assert.match(symbols[0].detail, /^STAR · \d+m(\d+s)? · 4\/4 sections$/);
  });

  it('names a section by role and speaking time, and shows its timing hint', () => {
    const [story] = new StoryAnalyser().analyse('## Pitch\n\n**Situation (30 seconds):** ' + 'word '.repeat(75) + '\n**Task:** t\n**Action:** a\n', 'p.md').stories;
    const symbol = storySymbol(story);
    // 75 words at 150 words per minute is 30 seconds.
    assert.equal(symbol.children[0].name, 'Situation · 30s');
    assert.match(symbol.children[0].detail, /target 30s/);
    assert.equal(symbol.detail.endsWith('3/4 sections'), true);
    assert.deepEqual(symbol.selectionRange, story.titleRange);
  });
});

describe('section symbol detail', () => {
  it('shows the label only when it says more than the role', () => {
    const doc = new StoryAnalyser().analyse('## Billing\n\n### Situation\nOld.\n\n### Task\nMine.\n\n### Steps Taken\nI did.\n\n### The Impact\n40 → 5 min.\n', 'a.md');
    const [story] = doc.stories.map(storySymbol);
    assert.deepEqual(story.children.map((c) => c.detail), ['', '', 'Steps Taken', 'The Impact']);
  });
});
