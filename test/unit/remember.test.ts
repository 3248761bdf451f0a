// An analyser that remembers nothing (the command line's) gives exactly what one that remembers gives,
// fixes included, and keeps nothing from one analysis to the next.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StoryAnalyser } from '../../src/core/analyse';
import { mergeConfig } from '../../src/core/lint/config';
import { lintDocument } from '../../src/core/lint/lint';
import { storyBank } from '../../bench/corpus';

const fixtures = join(__dirname, '..', 'fixtures');
const files = ['seeds', 'negative', 'non-stories'].flatMap((dir) =>
  readdirSync(join(fixtures, dir)).filter((f) => f.endsWith('.md')).map((f) => ({ name: `${dir}/${f}`, text: readFileSync(join(fixtures, dir, f), 'utf8') })));
const config = mergeConfig();

describe('an analyser that remembers nothing', () => {
  it('finds the same stories and findings as one that remembers, on every fixture and a generated story bank', () => {
    const remembering = new StoryAnalyser();
    const forgetting = new StoryAnalyser({ remember: false });
    for (const { name, text } of [...files, ...storyBank(7, 20, 400_000)]) {
      const kept = remembering.analyse(text, name);
      const once = forgetting.analyse(text, name);
      assert.deepEqual(once.stories, kept.stories, name);
      assert.deepEqual(lintDocument(once, config), lintDocument(kept, config), name);
    }
  });

  it('analyses the same text afresh, and its documents are marked transient', () => {
    const { name, text } = files.find((f) => f.name.startsWith('seeds/'))!;
    const remembering = new StoryAnalyser();
    assert.equal(remembering.analyse(text, name), remembering.analyse(text, name));
    assert.equal(remembering.analyse(text, name).transient, undefined);
    const forgetting = new StoryAnalyser({ remember: false });
    const first = forgetting.analyse(text, name);
    const second = forgetting.analyse(text, name);
    assert.notEqual(second, first);
    assert.notEqual(second.stories[0], first.stories[0]);
    assert.equal(second.transient, true);
  });
});
