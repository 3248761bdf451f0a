import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StoryAnalyser } from '../../src/core/analyse';
import { fillStoryTitle, storyStyles, type SnippetDefinition } from '../../src/core/views/storySnippet';

const snippets = JSON.parse(readFileSync(join(__dirname, '..', '..', 'snippets', 'star-stories.code-snippets'), 'utf8')) as Record<string, SnippetDefinition>;

/** The text a snippet inserts when every placeholder keeps its default (choices take their first). */
function expand(body: string): string {
  let text = body;
  for (let i = 0; i < 5; i++) text = text.replace(/\$\{\d+:([^{}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1');
  return text.replace(/(?<!\\)\$\d+/g, '').replace(/\\([$}\\])/g, '$1');
}

describe('New Story command text', () => {
  const styles = storyStyles(snippets);

  it('offers one style per star-story- snippet, and nothing else', () => {
    assert.deepEqual(styles.map((s) => s.prefix), ['star-story-headings', 'star-story-bold', 'star-story-inline', 'star-story-bullets', 'star-story-starl', 'star-story-car']);
  });

  it('puts the title in the heading of every style, and the analyser reads it as that story', () => {
    const analyser = new StoryAnalyser();
    for (const style of styles) {
      const text = expand(fillStoryTitle(style.body, 'Cut deploy time'));
      const stories = analyser.analyse(text, `${style.prefix}.md`).stories;
      assert.equal(stories.length, 1, style.prefix);
      assert.equal(stories[0].title, 'Cut deploy time', style.prefix);
    }
  });

  it('keeps $, } and \\ in a title as typed instead of reading them as snippet syntax', () => {
    const body = fillStoryTitle('## ${1:Story title}\n$0', 'Saved $120K {and} a\\b');
    assert.equal(expand(body), '## Saved $120K {and} a\\b\n');
  });
});
