// Where a story ends: `trimEnd` moves back over blank lines and thematic breaks without a regular
// expression scanning backwards (it runs for every story after every edit). Checked against the rule
// as first written: the last 200 characters, matched with one pattern.
import assert from 'node:assert/strict';
import { trimEnd } from '../../src/core/stories/drafts';
import { random } from '../../bench/corpus';

const BREAK = /(?:^|[\r\n])[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

function trimEndByPattern(text: string, start: number, end: number): number {
  let e = end;
  for (;;) {
    while (e > start && /\s/.test(text[e - 1])) e--;
    const m = BREAK.exec(text.slice(Math.max(start, e - 200), e));
    if (!m || e - m[0].length < start) return e;
    e -= m[0].length;
  }
}

describe('story ends', () => {
  it('trim blank lines and thematic breaks as the pattern does, for random text', () => {
    const next = random(5);
    const pieces = ['-', '*', '_', ' ', '\t', '\n', '\r\n', '\r', 'a', '---', '\n---\n', ' - - -', '***', '\u00a0', '-'.repeat(250)];
    for (let i = 0; i < 20000; i++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 12) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      const start = Math.floor(next() * (text.length + 1));
      const end = start + Math.floor(next() * (text.length - start + 1));
      assert.equal(trimEnd(text, start, end), trimEndByPattern(text, start, end), `${JSON.stringify(text)} from ${start} to ${end}`);
    }
  });

  it('end a story before the `---` that separates it from the next', () => {
    const text = 'Result: 40% faster.\n\n---\n\n';
    assert.equal(trimEnd(text, 0, text.length), 'Result: 40% faster.'.length);
  });
});
