// Chunk results by chunk text (DESIGN §9): a chunk whose text was read before, in this file or any
// other, is not read again.
import type { Chunk } from '../read/chunks';
import type { ChunkResult } from '../read/readChunks';
import type { Resplit } from './recut';
import { ownString } from '../util/ownString';

export class ChunkCache {
  private readonly results = new Map<string, ChunkResult>();

  constructor(private size: number) {}

  /** Room for every chunk of the largest document seen, so one analysis never evicts its own chunks. */
  makeRoom(chunks: number): void {
    this.size = Math.max(this.size, 2 * chunks);
  }

  remember(text: string, result: ChunkResult): void {
    this.results.set(text, result);
    // Evicted in bulk: deleting the oldest entry one at a time leaves a Map whose iteration from the
    // front skips ever more deleted slots (quadratic over 100 000 chunks).
    if (this.results.size > this.size * 1.25) {
      const keep = [...this.results].slice(-this.size);
      this.results.clear();
      for (const [key, value] of keep) this.results.set(key, value);
    }
  }

  private cached(text: string): ChunkResult | undefined {
    const hit = this.results.get(text);
    if (hit) {
      // Put back under the result's own copy of the text: `text` may be a slice of the whole document.
      this.results.delete(text);
      this.results.set(hit.text, hit);
    }
    return hit;
  }

  /**
   * The results known for `chunks` without reading them: the last analysis's for the chunks the chunker
   * kept or moved, else the cache's for the chunk's text (perhaps only a quiet chunk's heading).
   */
  known(chunks: Chunk[], before: { split: Resplit; results: readonly ChunkResult[] } | undefined): (ChunkResult | undefined)[] {
    const results: (ChunkResult | undefined)[] = new Array(chunks.length);
    const kept = before?.split.kept ?? 0;
    const moved = before?.split.moved ?? 0;
    for (let i = 0; i < kept; i++) results[i] = before!.results[i];
    for (let k = 1; k <= moved; k++) results[chunks.length - k] = before!.results[before!.results.length - k];
    for (let i = kept; i < chunks.length - moved; i++) {
      const chunk = chunks[i];
      const hit = this.cached(chunk.text);
      // A chunk's text is a slice of the whole document: kept (in the cache, in the strings its parse
      // yields, in the chunks remembered for the next edit) it would keep every edited version of the
      // document alive. The chunk (the chunker's, made just now) keeps its own copy instead, the one
      // the cache holds. (Strings compare by value, so the copy is always put in place.)
      chunk.text = hit?.text ?? ownString(chunk.text);
      results[i] = hit;
    }
    return results;
  }
}
