// What an analysis keeps for the next (DESIGN §9): per file, its last text and what was made of it,
// so the next text is compared with it and only the chunks around the edit are cut, read and outlined
// again; across files, chunk results by text and stories by what they were built from.
import { splitChunks, type Chunk } from '../read/chunks';
import { LineIndex } from '../read/lines';
import type { ChunkResult } from '../read/readChunks';
import type { Draft } from '../stories/drafts';
import type { Outline } from '../stories/outline';
import { ChunkCache } from './chunkCache';
import type { Change } from './outlineEdit';
import { changedRegion, resplitChunks, type Resplit } from './recut';
import type { StoryCache } from './storyReuse';

/** What the last analysis of a file left, for the next one to update. */
export interface LastAnalysis<D = unknown> {
  text: string;
  bodyStart: number;
  frontMatter: string | undefined;
  lines: LineIndex;
  chunks: Chunk[];
  results: ChunkResult[];
  outline: Outline;
  /** Every story's draft, in document order, each with the story last built from it. */
  drafts: Draft[];
  document: D;
}

/** How many files' last analyses are kept. */
const FILES = 256;

export class AnalysisMemory<D> {
  readonly chunks: ChunkCache;
  readonly stories: StoryCache = new Map();
  private readonly files = new Map<string, LastAnalysis<D>>();

  constructor(cacheSize: number) {
    this.chunks = new ChunkCache(cacheSize);
  }

  last(fileName: string): LastAnalysis<D> | undefined {
    return this.files.get(fileName);
  }

  keep(fileName: string, analysis: LastAnalysis<D>): void {
    this.files.delete(fileName);
    this.files.set(fileName, analysis);
    if (this.files.size > FILES) this.files.delete(this.files.keys().next().value as string);
  }
}

/** The lines and chunks of `text`, made from the last analysis's around the edit. */
export function cutAgain(before: LastAnalysis, text: string, bodyStart: number): { lines: LineIndex; split: Resplit } {
  const textChange = changedRegion(before.text, text);
  const lines = before.lines.edited(text, textChange);
  if (before.bodyStart !== bodyStart) return { lines, split: { chunks: splitChunks(text, bodyStart), kept: 0, moved: 0 } };
  return { lines, split: resplitChunks(before, text, bodyStart, textChange) };
}

/**
 * The chunks whose results differ from the last analysis's: `[start, oldEnd)` of the old text,
 * `[start, newEnd)` of the new. Undefined when the front matter changed (every story may change).
 */
export function changedChunks(before: LastAnalysis, text: string, frontMatter: string | undefined, bodyStart: number, chunks: readonly Chunk[], results: readonly ChunkResult[]): Change | undefined {
  if (before.bodyStart !== bodyStart || before.frontMatter !== frontMatter) return undefined;
  const old = before.results;
  let first = 0;
  while (first < results.length && first < old.length && results[first] === old[first]) first++;
  let same = 0;
  while (same < results.length - first && same < old.length - first && results[results.length - 1 - same] === old[old.length - 1 - same]) same++;
  // Chunks only inserted: take in the chunk before them (or after), so that no old offset sits on both
  // sides of the change.
  if (first + same === old.length) {
    if (first > 0) first--;
    else if (same > 0) same--;
  }
  const startOf = (list: readonly Chunk[], i: number, end: number) => (i < list.length ? list[i].start : end);
  return {
    start: startOf(chunks, first, text.length),
    oldEnd: startOf(before.chunks, old.length - same, before.text.length),
    newEnd: startOf(chunks, chunks.length - same, text.length),
  };
}
