// The one entry point every feature reads: text in, stories out (DESIGN §9).
// - The text is cut into chunks at safe top-level headings; after an edit only the chunks around it
//   are cut again (`resplitChunks`), the rest keep their text and move by the edit's length.
// - Each chunk is read through a cache keyed by its text, so only chunks whose text changed are parsed.
// - A chunk the pre-scan finds quiet (no possible label, question, meta line or comment) is not parsed
//   unless a story turns out to include it.
// - Every parse runs within a time budget; a chunk that runs past it is skipped and reported (STAR000).
// - After an edit, the work follows the edit: the line index, the outline and the story drafts are
//   updated around the chunks that changed (`LineIndex.edited`, `editOutline`), and every story away
//   from the edit is kept as it was, moved to its new lines.
import { runEachWithin } from './util/budget';
import { ChunkReader, type ChunkFacts, type HeadingFact, type Span } from './read/chunkReader';
import { FACT_KEYS, factsView, shiftFact, type DocumentFactsView, type FactSource } from './read/documentFacts';
import { changedRegion, chunkAt, findFrontMatter, resplitChunks, splitChunks, type Chunk, type Resplit } from './read/chunks';
import { draftsOf, endDrafts, moveDrafts, type Draft } from './stories/drafts';
import { readFrontMatter } from './read/frontMatter';
import { buildLexicon, type LabelKind } from './read/lexicon';
import { LineIndex } from './read/lines';
import type { Story } from './model';
import { buildOutline, type Outline, type OutlineInput } from './stories/outline';
import { editOutline, type Change } from './incremental/outlineEdit';
import { assembleStories, keepsStory, type StoryCache } from './stories/assemble';
import { ownString } from './util/ownString';
import { quietHeadings } from './read/prescan';
import { partitionPoint } from './util/partition';

export interface AnalyserOptions {
  /** Extra lexicon words per role (settings `starStories.lexicon`). */
  lexicon?: Partial<Record<LabelKind, readonly string[]>>;
  /** Parse the whole document as one chunk (used to prove chunking changes nothing). */
  wholeDocument?: boolean;
  /** How many chunk results to keep. */
  cacheSize?: number;
  /** Time one chunk's parse may take before it is skipped as too complex (default 1000 ms; `Infinity` for none). */
  budgetMs?: number;
  /** Parse every chunk, without the pre-scan (used to prove the pre-scan changes nothing). */
  parseEveryChunk?: boolean;
  /**
   * Keep what an analysis learns for the next one (default true): chunk results by their text, stories
   * by their chunks, each file's last text. The command line reads each file once: remembering would
   * only cost it the look-ups and the copies of strings that keep the cache from holding whole texts.
   */
  remember?: boolean;
}

export const DEFAULT_BUDGET_MS = 1000;

/** Groups of chunks shorter than this are parsed without the watchdog (see `parse`). */
const UNWATCHED_CHARS = 512;
/** Chunks longer than this are read under the watchdog even by the plain reader. */
const PLAIN_UNWATCHED_CHARS = 16 * 1024;
/** How much text neighbouring chunks may add up to when they are parsed together. */
const GROUP_CHARS = 1024;

/** A chunk that was not analysed because its parse ran past the budget. */
export interface TooComplex extends Span {
  budgetMs: number;
}

export interface StoryDocument {
  fileName: string;
  lines: LineIndex;
  stories: Story[];
  /** Every fact the chunks yielded, in document offsets, for rules that look beyond stories. */
  facts: DocumentFactsView;
  /**
   * The whole text as the pieces it was read in (the front matter, then the chunks), each starting a
   * line: rules that scan the text scan these and remember their answers by piece.
   */
  pieces: readonly Chunk[];
  /** Chunks skipped because their parse ran past the budget (rule STAR000). */
  tooComplex?: TooComplex[];
  /** From an analyser that remembers nothing: its stories are never seen again, so lint keeps nothing for them. */
  transient?: true;
}

type Located = { start: number; end: number; contentStart?: number };

function shift<T extends Located>(items: readonly T[], by: number): T[] {
  return items.map((i) => shiftFact(i, by));
}

interface ChunkResult {
  /** Unique per result: equal ids mean equal chunk text (the story cache keys on them). */
  id: number;
  /** The chunk's text (a string of its own). */
  text: string;
  facts?: ChunkFacts;
  /** The heading (if any) of a quiet chunk that has not been parsed. */
  quiet?: HeadingFact[];
  tooComplex?: boolean;
}

const NONE: readonly never[] = [];

/** The facts of each chunk as it stands: a quiet chunk that was not read gives its heading alone. */
function factSource(chunks: readonly Chunk[], results: readonly ChunkResult[]): FactSource {
  return {
    count: chunks.length,
    start: (i) => chunks[i].start,
    facts: (i, key) => {
      const r = results[i];
      if (r.facts) return r.facts[key];
      return (key === 'headings' && r.quiet ? r.quiet : NONE) as never;
    },
  };
}

/** What the last analysis of a file left, for the next one to update. */
interface FileState {
  text: string;
  bodyStart: number;
  frontMatter: string | undefined;
  lines: LineIndex;
  chunks: Chunk[];
  results: ChunkResult[];
  outline: Outline;
  /** Every story's draft, in document order, each with the story last built from it. */
  drafts: Draft[];
  document: StoryDocument;
}

export class StoryAnalyser {
  private readonly reader: ChunkReader;
  private readonly lexicon;
  private readonly cache = new Map<string, ChunkResult>();
  private cacheSize: number;
  private readonly budgetMs: number;
  /** The last text of each file, so an edit re-cuts only the chunks around it. */
  private readonly files = new Map<string, FileState>();
  private readonly stories: StoryCache = new Map();
  /** Whether analyses are remembered for the next (see `AnalyserOptions.remember`; never for a whole document). */
  private readonly remembers: boolean;

  constructor(private readonly options: AnalyserOptions = {}) {
    this.remembers = options.remember !== false && !options.wholeDocument;
    this.lexicon = buildLexicon(options.lexicon);
    this.reader = new ChunkReader(this.lexicon);
    this.cacheSize = options.cacheSize ?? 20000;
    this.budgetMs = options.budgetMs ?? (options.wholeDocument ? Infinity : DEFAULT_BUDGET_MS);
  }

  private nextId = 1;

  private result(text: string, parts: Omit<ChunkResult, 'id' | 'text'>): ChunkResult {
    // Not a spread: with 100 000 chunks, V8's slow path for spreading shows.
    return { id: this.nextId++, text, facts: parts.facts, quiet: parts.quiet, tooComplex: parts.tooComplex };
  }

  private remember(text: string, result: ChunkResult): void {
    this.cache.set(text, result);
    // Evicted in bulk: deleting the oldest entry one at a time leaves a Map whose iteration from the
    // front skips ever more deleted slots (quadratic over 100 000 chunks).
    if (this.cache.size > this.cacheSize * 1.25) {
      const keep = [...this.cache].slice(-this.cacheSize);
      this.cache.clear();
      for (const [key, value] of keep) this.cache.set(key, value);
    }
  }

  private cached(text: string): ChunkResult | undefined {
    const hit = this.cache.get(text);
    if (hit) {
      // Put back under the result's own copy of the text: `text` may be a slice of the whole document.
      this.cache.delete(text);
      this.cache.set(hit.text, hit);
    }
    return hit;
  }

  /** Reads the chunks at `indices`, caching each result by its text. */
  private parse(chunks: readonly Chunk[], results: ChunkResult[], indices: number[]): void {
    // Chunks the plain reader accepts need neither remark nor the watchdog: it is linear. A long chunk
    // is read under the watchdog all the same (plainly if it can be, see readGroup): linear is not fast
    // on every input.
    const hard = indices.filter((i) => {
      if (chunks[i].text.length > PLAIN_UNWATCHED_CHARS) return true;
      const facts = this.reader.readPlain(chunks[i].text);
      if (facts) results[i] = this.result(chunks[i].text, { facts });
      return !facts;
    });
    this.parseHard(chunks, results, hard);
    if (this.remembers) for (const i of indices) this.remember(chunks[i].text, results[i]);
  }

  /**
   * Parses the chunks at `indices` with remark within the budget. Neighbouring chunks are parsed
   * together (a parse has a fixed cost, and a chunk parses the same alone or with its neighbours: that
   * is where the chunker cuts), then their facts are dealt back to each chunk. A group that runs past
   * the budget is parsed again chunk by chunk, so only the chunk at fault is skipped.
   */
  private parseHard(chunks: readonly Chunk[], results: ChunkResult[], indices: number[]): void {
    if (indices.length === 0) return;
    const groups: number[][] = [];
    let size = 0;
    indices.forEach((i, k) => {
      const group = groups[groups.length - 1];
      const adjacent = k > 0 && indices[k - 1] === i - 1;
      if (group && adjacent && size + chunks[i].text.length <= GROUP_CHARS) group.push(i);
      else {
        groups.push([i]);
        size = 0;
      }
      size += chunks[i].text.length;
    });
    const read = (group: number[]) => this.readGroup(chunks, results, group);
    // Small groups parse directly: starting the watchdog costs more than they take, and the worst input
    // known (nested list markers, quadratic) needs well under the budget at this size on a slow machine.
    const watched: number[][] = [];
    for (const group of groups) {
      if (group.reduce((n, i) => n + chunks[i].text.length, 0) < UNWATCHED_CHARS) read(group);
      else watched.push(group);
    }
    const overGroups = runEachWithin(watched.length, this.budgetMs, (k) => read(watched[k]));
    for (const g of overGroups) {
      const group = watched[g];
      const over = group.length === 1 ? [0] : runEachWithin(group.length, this.budgetMs, (k) => read([group[k]]));
      for (const k of over) results[group[k]] = this.result(chunks[group[k]].text, { tooComplex: true });
    }
  }

  /** Parses adjacent chunks as one text and gives each chunk the facts that fall in it, relative to it. */
  private readGroup(chunks: readonly Chunk[], results: ChunkResult[], group: number[]): void {
    if (group.length === 1) {
      const i = group[0];
      results[i] = this.result(chunks[i].text, { facts: this.reader.readPlain(chunks[i].text) ?? this.reader.read(chunks[i].text) });
      return;
    }
    const base = chunks[group[0]].start;
    const facts = this.reader.read(group.map((i) => chunks[i].text).join(''));
    const split = group.map((): ChunkFacts => ({ headings: [], labels: [], questions: [], meta: [], comments: [], prose: [], code: [] }));
    const ends = group.map((i) => chunks[i].start + chunks[i].text.length - base);
    for (const key of FACT_KEYS) {
      let k = 0;
      for (const fact of facts[key] as Located[]) {
        while (k < group.length - 1 && fact.start >= ends[k]) k++;
        (split[k][key] as Located[]).push(...shift([fact], base - chunks[group[k]].start));
      }
    }
    group.forEach((i, k) => {
      results[i] = this.result(chunks[i].text, { facts: split[k] });
    });
  }

  /** The results of the chunks, from the last analysis where the chunker kept them, else from the cache or the pre-scan; the rest parsed. */
  private read(chunks: Chunk[], before: { split: Resplit; results: ChunkResult[] } | undefined): ChunkResult[] {
    const results: ChunkResult[] = new Array(chunks.length);
    const kept = before?.split.kept ?? 0;
    const moved = before?.split.moved ?? 0;
    for (let i = 0; i < kept; i++) results[i] = before!.results[i];
    for (let k = 1; k <= moved; k++) results[chunks.length - k] = before!.results[before!.results.length - k];
    const toParse: number[] = [];
    for (let i = kept; i < chunks.length - moved; i++) {
      const hit = this.remembers ? this.cached(chunks[i].text) : undefined;
      // A chunk's text is a slice of the whole document: kept (in the cache, in the strings its parse
      // yields, in the chunks remembered for the next edit) it would keep every edited version of the
      // document alive. The chunk (the chunker's, made just now) keeps its own copy instead, the one
      // the cache holds. (Strings compare by value, so the copy is always put in place.) An analyser
      // that remembers nothing keeps no chunk past the document.
      const chunk = chunks[i];
      if (this.remembers) chunk.text = hit?.text ?? ownString(chunk.text);
      if (hit && (hit.facts || hit.tooComplex)) results[i] = hit;
      else {
        const quiet = this.options.parseEveryChunk ? undefined : (hit?.quiet ?? quietHeadings(chunk.text, this.lexicon, i === 0));
        if (quiet) {
          results[i] = hit ?? this.result(chunk.text, { quiet });
          if (!hit && this.remembers) this.remember(chunk.text, results[i]);
        } else toParse.push(i);
      }
    }
    this.parse(chunks, results, toParse);
    return results;
  }

  /**
   * The stories and facts of `text`, incremental against the last text of `fileName`. A later analysis
   * of the same file reuses the stories that did not change and moves them to their new lines in place:
   * copy what must stay as it was (a range, say) before analysing the file again.
   */
  analyse(text: string, fileName: string): StoryDocument {
    const before = this.remembers ? this.files.get(fileName) : undefined;
    if (before?.text === text) return before.document;
    const fm = findFrontMatter(text);
    const bodyStart = fm?.end ?? (text.charCodeAt(0) === 0xfeff ? 1 : 0);
    const frontMatter = readFrontMatter(fm?.body);
    const textChange = before && changedRegion(before.text, text);
    const lines = before && textChange ? before.lines.edited(text, textChange) : new LineIndex(text);
    const split: Resplit = this.options.wholeDocument
      ? { chunks: splitChunks(text, bodyStart, true), kept: 0, moved: 0 }
      : before && before.bodyStart === bodyStart ? resplitChunks(before, text, bodyStart, textChange) : { chunks: splitChunks(text, bodyStart), kept: 0, moved: 0 };
    const chunks = split.chunks;
    // Room for every chunk of the largest document seen, so one analysis never evicts its own chunks.
    this.cacheSize = Math.max(this.cacheSize, 2 * chunks.length);

    // 1. Kept chunks as they were, cached chunks as they were, quiet chunks by their heading alone; the rest parsed.
    const results = this.read(chunks, before && split.kept + split.moved > 0 ? { split, results: before.results } : undefined);

    // 2. The outline and the drafts of the stories: updated around the chunks that changed, or built anew.
    const change = before && before.bodyStart === bodyStart && before.frontMatter === fm?.body ? changedChunks(before, text, chunks, results) : undefined;
    const facts = factsView(factSource(chunks, results), bodyStart, change && { view: before!.document.facts, change });
    const edit = change && editOutline(before!.outline, change, (start, end) => outlineFacts(facts, start, end), (offset) => facts.between('headings', offset, offset + 1).find((h) => h.start === offset));
    let outline: Outline;
    let drafts: Draft[];
    if (edit) {
      outline = before!.outline;
      drafts = before!.drafts;
      const delta = change!.newEnd - change!.oldEnd;
      const from = firstDraftFrom(drafts, edit.start);
      const to = firstDraftFrom(drafts, edit.oldEnd);
      moveDrafts(drafts, change!.oldEnd, delta);
      // The body's own story (front matter `star: true`) starts where the body does, perhaps with the window.
      const kept = drafts.slice(from, to).filter((d) => d.container === edit.parent);
      const fresh = [...draftsOf(text, edit.containers, frontMatter), ...kept].sort((a, b) => a.start - b.start);
      drafts.splice(from, to - from, ...fresh);
      // Ended again: the window's drafts, the one before them (its next one changed) and those that reach into the change.
      const after = from + fresh.length;
      endDrafts(drafts, text, (d, i) => (i >= from - 1 && i < after) || (d.start < change!.start && d.reach >= change!.start));
    } else {
      outline = buildOutline(outlineFacts(facts, bodyStart, text.length));
      drafts = draftsOf(text, [outline.root], frontMatter);
      endDrafts(drafts, text);
    }

    // 3. Quiet chunks inside a story to be built are parsed now (its sections need their prose).
    const storyChange = edit && { start: change!.start, end: change!.newEnd, lines: lines.lineCount - before!.lines.lineCount };
    this.parse(chunks, results, neededQuietChunks(chunks, results, drafts.filter((d) => !keepsStory(d, storyChange))));

    const tooComplex: TooComplex[] = [];
    results.forEach((r, i) => r.tooComplex && tooComplex.push({ start: chunks[i].start, end: chunks[i].start + chunks[i].text.length, budgetMs: this.budgetMs }));
    const stories = assembleStories({
      drafts, followUps: outline.followUps, frontMatter, fileName, lines, chunks,
      prose: (i) => results[i].facts?.prose ?? [], chunkIds: (i) => results[i].id,
      cache: this.remembers ? this.stories : undefined,
      change: storyChange,
    });
    const pieces = bodyStart > 0 ? [{ start: 0, text: ownString(text.slice(0, bodyStart)) }, ...chunks] : chunks;
    const document: StoryDocument = { fileName, lines, stories, facts, pieces, tooComplex };
    if (!this.remembers) document.transient = true;
    else {
      this.files.delete(fileName);
      this.files.set(fileName, { text, bodyStart, frontMatter: fm?.body, lines, chunks, results, outline, drafts, document });
      if (this.files.size > 256) this.files.delete(this.files.keys().next().value as string);
    }
    return document;
  }
}

/** The new text's outline facts that start in `[start, end)`, copies in document offsets. */
function outlineFacts(facts: DocumentFactsView, start: number, end: number): OutlineInput {
  const inside = <T extends { start: number }>(items: T[]) => items.filter((f) => f.start >= start && f.start < end);
  return {
    start,
    end,
    headings: inside(facts.between('headings', start, end)),
    labels: inside(facts.between('labels', start, end)),
    questions: inside(facts.between('questions', start, end)),
    meta: inside(facts.between('meta', start, end)),
    optIns: inside(facts.between('comments', start, end)).filter((c) => /^star-story$/i.test(c.comment)).map((c) => c.start),
  };
}

/** The chunks whose results differ from the last analysis's: `[start, oldEnd)` of the old text, `[start, newEnd)` of the new. */
function changedChunks(before: FileState, text: string, chunks: readonly Chunk[], results: readonly ChunkResult[]): Change {
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

/** Index of the first of the drafts (in document order) that starts at or after `offset`. */
function firstDraftFrom(drafts: readonly Draft[], offset: number): number {
  return partitionPoint(drafts.length, (i) => drafts[i].start < offset);
}

/** Indices of the quiet, unparsed chunks that overlap any of `spans`, in order. */
function neededQuietChunks(chunks: readonly Chunk[], results: readonly ChunkResult[], spans: readonly Span[]): number[] {
  const needed = new Set<number>();
  for (const span of spans) {
    for (let i = chunkAt(chunks, span.start); i < chunks.length && chunks[i].start < span.end; i++) {
      if (results[i].quiet && chunks[i].start + chunks[i].text.length > span.start) needed.add(i);
    }
  }
  return [...needed].sort((a, b) => a - b);
}
