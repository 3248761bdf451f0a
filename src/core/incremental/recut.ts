// The chunks of a text after an edit (DESIGN §9): the chunks before the edit are kept, the chunker
// scans again from the chunk before it, and stops where its cuts meet the old ones; the tail is the old
// chunks moved by the edit's length.
import { chunkAt, scanCuts, splitChunks, toChunks, type Chunk } from '../read/chunks';
import type { TextChange } from '../read/lines';

/** Where two texts differ: the length of their common prefix and of their common suffix (not overlapping). */
export function changedRegion(before: string, after: string): TextChange {
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  // Compare in blocks with native string comparison, then by character.
  for (let step = 4096; step >= 1; step >>= 4) {
    while (prefix + step <= max && before.slice(prefix, prefix + step) === after.slice(prefix, prefix + step)) prefix += step;
  }
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  const room = max - prefix;
  for (let step = 4096; step >= 1; step >>= 4) {
    while (suffix + step <= room && before.slice(before.length - suffix - step, before.length - suffix) === after.slice(after.length - suffix - step, after.length - suffix)) suffix += step;
  }
  while (suffix < room && before.charCodeAt(before.length - suffix - 1) === after.charCodeAt(after.length - suffix - 1)) suffix++;
  return { prefix, suffix };
}

/** The chunks of an edited text, and how many at each end are the old ones (the tail moved by the edit). */
export interface Resplit {
  chunks: Chunk[];
  /** The first `kept` chunks are the old first ones, unchanged. */
  kept: number;
  /** The last `moved` chunks are the old last ones, moved by the change in length. */
  moved: number;
}

/**
 * The chunks of `after`, reusing those of `before` (split from the same `from`) outside the edited
 * region: the chunks before the edit are kept, the scan restarts one chunk before it, and it stops at
 * the first cut inside the unchanged tail that was also a cut before — from there on the cuts are the
 * old ones, shifted by the change in length.
 */
export function resplitChunks(before: { text: string; chunks: Chunk[] }, after: string, from: number, change = changedRegion(before.text, after)): Resplit {
  const old = before.chunks;
  const fresh = (): Resplit => ({ chunks: splitChunks(after, from), kept: 0, moved: 0 });
  if (old.length === 0 || old[0].start !== from) return fresh();
  const { prefix, suffix } = change;
  if (prefix === before.text.length && prefix === after.length) return { chunks: old, kept: old.length, moved: 0 };
  const delta = after.length - before.text.length;
  // Restart at the chunk before the one holding the edit (the edit may remove its cut).
  const restart = Math.max(0, chunkAt(old, prefix) - 1);
  const restartAt = old[restart].start;
  if (restartAt < from) return fresh();
  // A cut whose preceding character is in the unchanged tail sees the same lines from there on: the
  // old cuts from the first one past the tail's start are those the scan may stop at.
  const tailStart = after.length - suffix;
  const oldTailCut = chunkAt(old, before.text.length - suffix) + 1;
  const isOldCut = (cut: number) => {
    const i = chunkAt(old, cut - delta);
    return i >= oldTailCut && old[i].start === cut - delta;
  };
  const { cuts, stopped } = scanCuts(after, restartAt, (cut) => cut - 1 >= tailStart && isOldCut(cut));
  const head = old.slice(0, restart);
  if (!stopped) return { chunks: [...head, ...toChunks(after, cuts)], kept: restart, moved: 0 };
  const last = cuts[cuts.length - 1];
  const firstOld = chunkAt(old, last - delta);
  const tail = old.slice(firstOld).map((c) => (delta === 0 ? c : { start: c.start + delta, text: c.text }));
  return { chunks: [...head, ...toChunks(after, cuts.slice(0, -1), last), ...tail], kept: restart, moved: tail.length };
}
