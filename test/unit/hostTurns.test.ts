// Long answers from the analysis worker are parsed on the extension host in pieces, one per turn of
// the event loop, and callers waiting together get turns of their own.
import assert from 'node:assert/strict';
import { fromSegments, toSegments } from '../../src/extension/segments';
import { mapInTurns, nextTurn, sliced } from '../../src/extension/turns';

describe('host turns and JSON segments', () => {
  it('cuts a long list into JSON arrays of bounded size and puts it back together', async () => {
    const items = Array.from({ length: 3000 }, (_, i) => ({ id: `story-${i}`, range: { start: { line: i * 13, character: 0 }, end: { line: i * 13 + 12, character: 20 } }, text: 'é'.repeat(i % 50) }));
    const segments = toSegments(items, 16 * 1024);
    assert.ok(segments.length > 10, `${segments.length} segments`);
    const texts = segments.map((s) => new TextDecoder().decode(s));
    for (const t of texts) assert.ok(t.length <= 16 * 1024, `a segment of ${t.length} characters`);
    assert.deepEqual(texts.flatMap((t) => JSON.parse(t) as unknown[]), items);
    assert.deepEqual(await fromSegments(segments), items);
    assert.deepEqual(toSegments([]), []);
    assert.deepEqual(await fromSegments(toSegments([{ big: 'x'.repeat(100) }], 10)), [{ big: 'x'.repeat(100) }], 'an item larger than a segment gets one of its own');
  });

  it('parses one segment per turn of the event loop', async () => {
    const segments = toSegments(Array.from({ length: 100 }, (_, i) => i), 20);
    let turns = 0;
    let counting = true;
    const count = () => {
      turns++;
      if (counting) setImmediate(count);
    };
    setImmediate(count);
    await fromSegments(segments);
    counting = false;
    assert.ok(turns >= segments.length - 1, `${turns} turns for ${segments.length} segments`);
  });

  it('gives callers that wait together turns of their own', async () => {
    const order: string[] = [];
    await Promise.all([
      nextTurn().then(() => {
        order.push('first');
        // Queued by the first caller's turn: runs in the next turn, before the second caller's.
        setImmediate(() => order.push('between'));
      }),
      nextTurn().then(() => order.push('second')),
    ]);
    assert.deepEqual(order, ['first', 'between', 'second']);
  });

  it('maps a long list in slices of a few milliseconds, one per turn, in order', async () => {
    const seen: string[] = [];
    const busy = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    };
    const mapped = await mapInTurns([1, 2, 3, 4, 5], (n) => {
      seen.push(`item ${n}`);
      // Queued while the first slice runs: its turn comes before the second slice's.
      if (n === 1) setImmediate(() => seen.push('another task'));
      busy(n === 2 ? 15 : 1);
      return n * 10;
    }, 10);
    assert.deepEqual(mapped, [10, 20, 30, 40, 50]);
    assert.deepEqual(seen.filter((s) => s.startsWith('item')), ['item 1', 'item 2', 'item 3', 'item 4', 'item 5']);
    // Items 1 and 2 took over 10 ms: the slice ends there at the latest.
    assert.ok(seen.indexOf('another task') < seen.indexOf('item 3'), seen.join(', '));
  });

  it('answers many one-item calls made at once in slices of a few milliseconds, one per turn', async () => {
    const seen: string[] = [];
    const item = sliced((n: number) => {
      seen.push(`item ${n}`);
      if (n === 1) setImmediate(() => seen.push('another task'));
      if (n === 3) throw new Error('no item 3');
      const until = performance.now() + (n === 2 ? 15 : 0);
      while (performance.now() < until);
      return n * 10;
    }, 10);
    // As VS Code asks a tree view for the items of all of a node's children: in one synchronous loop.
    const answers = [1, 2, 3, 4, 5].map((n) => item(n).catch((error: Error) => error.message));
    assert.equal(seen.length, 0, 'nothing is done in the caller\'s turn');
    assert.deepEqual(await Promise.all(answers), [10, 20, 'no item 3', 40, 50]);
    assert.deepEqual(seen.filter((s) => s.startsWith('item')), ['item 1', 'item 2', 'item 3', 'item 4', 'item 5']);
    // Item 2 took over 10 ms: its slice ends there at the latest.
    assert.ok(seen.indexOf('another task') < seen.indexOf('item 3'), seen.join(', '));
  });
});
