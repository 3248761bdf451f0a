// ownString (src/core/util/ownString.ts) must copy: the analyser's cache keeps chunk texts and lint messages
// across edits, and a view into the document would keep every edited version of it alive.
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ownString } from '../../src/core/util/ownString';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap bytes still used after keeping `keep(document)` and dropping a 16 MB document. */
function retained(keep: (document: string) => string[]): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  let document: string | undefined = 'é'.repeat(16 * 1024 * 1024) + Math.random();
  const kept = keep(document);
  document = undefined;
  gc();
  const after = process.memoryUsage().heapUsed;
  assert.ok(kept.length > 0);
  return after - before;
}

describe('ownString', function () {
  this.timeout(60_000);

  it('returns the same text, lone surrogates and all', () => {
    for (const text of ['short', 'a longer text with é, 🎯 and more', '\uD800 lone \uDFFF surrogates \uDBFF']) assert.equal(ownString(text), text);
  });

  it('keeps nothing of the text it was cut from alive (a slice would keep all of it)', () => {
    const slices = (d: string) => [d.slice(1000, 2000), d.slice(5000, 5100)];
    const sliced = retained(slices);
    const owned = retained((d) => slices(d).map(ownString));
    // The control: slices keep the 16 MB document (heap figures move by a few MB with whatever else the GC frees).
    assert.ok(sliced > 8 * 1024 * 1024, `slices kept ${sliced} bytes: the test cannot tell`);
    assert.ok(owned < 1024 * 1024, `owned copies kept ${owned} bytes`);
  });
});
