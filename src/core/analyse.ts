// The one entry point every feature reads: text in, stories out (DESIGN §9).
// - The text is cut into chunks at safe top-level headings; after an edit only the chunks around it
//   are cut again (`resplitChunks`), the rest keep their text and move by the edit's length.
// - Each chunk is read through a cache keyed by its text, so only chunks whose text changed are parsed.
// - A chunk the pre-scan finds quiet (no possible label, question, meta line or comment) is not parsed
//   unless a story or a follow-up section turns out to include it.
// - Every parse runs within a time budget; a chunk that runs past it is skipped and reported (STAR000).
// - Stories whose text did not change are reused from a cache, moved to their new lines.
import { runEachWithin } from './budget';
import { ChunkReader, type ChunkFacts, type HeadingFact, type Span } from './chunkReader';
import { FACT_KEYS, factsView, shiftFact, type DocumentFactsView, type FactSource } from './documentFacts';
import { findFrontMatter, resplitChunks, splitChunks, type Chunk } from './chunks';
import { readFrontMatter } from './frontMatter';
import { buildLexicon, type LabelKind } from './lexicon';
import { LineIndex } from './lines';
import type { Story } from './model';
import { buildOutline } from './outline';
import { assembleStories, draftStories, type StoryCache } from './assemble';
import { quietHeading } from './prescan';

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
}

export const DEFAULT_BUDGET_MS = 1000;

/** Groups of chunks shorter than this are parsed without the watchdog (see `parse`). */
const UNWATCHED_CHARS = 512;
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
  /** Chunks skipped because their parse ran past the budget (rule STAR000). */
  tooComplex?: TooComplex[];
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
  /** The heading of a quiet chunk that has not been parsed. */
  quiet?: { heading?: HeadingFact };
  tooComplex?: boolean;
}

/** The facts of each chunk as it stands: a quiet chunk that was not read gives its heading alone. */
function factSource(chunks: readonly Chunk[], results: readonly ChunkResult[]): FactSource {
  return {
    starts: chunks.map((c) => c.start),
    facts: (i, key) => results[i].facts?.[key] ?? ((key === 'headings' && results[i].quiet?.heading ? [results[i].quiet!.heading] : []) as never),
  };
}

interface FileState {
  text: string;
  bodyStart: number;
  chunks: Chunk[];
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

  constructor(private readonly options: AnalyserOptions = {}) {
    this.lexicon = buildLexicon(options.lexicon);
    this.reader = new ChunkReader(this.lexicon);
    this.cacheSize = options.cacheSize ?? 20000;
    this.budgetMs = options.budgetMs ?? (options.wholeDocument ? Infinity : DEFAULT_BUDGET_MS);
  }

  private nextId = 1;

  private result(text: string, parts: Omit<ChunkResult, 'id' | 'text'>): ChunkResult {
    return { id: this.nextId++, text, ...parts };
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
      this.cache.delete(text);
      this.cache.set(text, hit);
    }
    return hit;
  }

  /**
   * Parses the chunks at `indices` within the budget, caching each result by its text. Neighbouring
   * chunks are parsed together (a parse has a fixed cost, and a chunk parses the same alone or with its
   * neighbours: that is where the chunker cuts), then their facts are dealt back to each chunk. A group
   * that runs past the budget is parsed again chunk by chunk, so only the chunk at fault is skipped.
   */
  private parse(chunks: readonly Chunk[], results: ChunkResult[], indices: number[]): void {
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
    for (const i of indices) this.remember(chunks[i].text, results[i]);
  }

  /** Parses adjacent chunks as one text and gives each chunk the facts that fall in it, relative to it. */
  private readGroup(chunks: readonly Chunk[], results: ChunkResult[], group: number[]): void {
    if (group.length === 1) {
      const i = group[0];
      results[i] = this.result(chunks[i].text, { facts: this.reader.read(chunks[i].text) });
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

  private chunksOf(text: string, fileName: string, bodyStart: number): Chunk[] {
    if (this.options.wholeDocument) return splitChunks(text, bodyStart, true);
    const before = this.files.get(fileName);
    const chunks = before && before.bodyStart === bodyStart ? resplitChunks(before, text, bodyStart) : splitChunks(text, bodyStart);
    this.files.delete(fileName);
    this.files.set(fileName, { text, bodyStart, chunks });
    if (this.files.size > 256) this.files.delete(this.files.keys().next().value as string);
    return chunks;
  }

  analyse(text: string, fileName: string): StoryDocument {
    const lines = new LineIndex(text);
    const fm = findFrontMatter(text);
    const bodyStart = fm?.end ?? (text.charCodeAt(0) === 0xfeff ? 1 : 0);
    const frontMatter = readFrontMatter(fm?.body);
    const chunks = this.chunksOf(text, fileName, bodyStart);
    // Room for every chunk of the largest document seen, so one analysis never evicts its own chunks.
    this.cacheSize = Math.max(this.cacheSize, 2 * chunks.length);

    // 1. Cached chunks as they were; quiet chunks by their heading alone; the rest parsed.
    const results: ChunkResult[] = new Array(chunks.length);
    const toParse: number[] = [];
    chunks.forEach((chunk, i) => {
      const hit = this.cached(chunk.text);
      // A chunk's text is a slice of the whole document: kept (in the cache, in the strings its parse
      // yields, in the chunks remembered for the next edit) it would keep every edited version of the
      // document alive. The chunk keeps its own copy instead, the one the cache holds.
      // (Strings compare by value, so the copy is always put in place.)
      chunks[i] = chunk = { start: chunk.start, text: hit?.text ?? ownCopy(chunk.text) };
      if (hit && (hit.facts || hit.tooComplex)) results[i] = hit;
      else {
        const quiet = this.options.parseEveryChunk ? undefined : (hit?.quiet ?? quietHeading(chunk.text, this.lexicon, i === 0));
        if (quiet) {
          results[i] = hit ?? this.result(chunk.text, { quiet });
          if (!hit) this.remember(chunk.text, results[i]);
        } else toParse.push(i);
      }
    });
    this.parse(chunks, results, toParse);

    // 2. The outline from what is known; quiet chunks inside a story or follow-up section are parsed now.
    const outlineOf = (facts: DocumentFactsView) => buildOutline({
      start: bodyStart,
      end: text.length,
      headings: facts.headings,
      labels: facts.labels,
      questions: facts.questions,
      meta: facts.meta,
      optIns: facts.comments.filter((c) => /^star-story$/i.test(c.comment)).map((c) => c.start),
    });
    let facts = factsView(factSource(chunks, results), bodyStart);
    let outline = outlineOf(facts);
    const drafts = draftStories(outline, frontMatter, text);
    const needed = neededQuietChunks(chunks, results, [
      ...drafts.map((d) => ({ start: d.start, end: d.end })),
      ...outline.followUps.filter((f) => drafts.some((d) => f.start >= d.start && f.start < d.end)),
    ]);
    if (needed.length) {
      this.parse(chunks, results, needed);
      facts = factsView(factSource(chunks, results), bodyStart);
      // Newly read questions belong to follow-up sections; labels, headings and meta cannot have changed.
      if (needed.some((i) => results[i].facts?.questions.length)) outline = outlineOf(facts);
    }

    const tooComplex = chunks.flatMap((c, i) => (results[i].tooComplex ? [{ start: c.start, end: c.start + c.text.length, budgetMs: this.budgetMs }] : []));
    const stories = assembleStories({
      outline, frontMatter, fileName, lines, chunks, prose: (i) => results[i].facts?.prose ?? [], chunkIds: (i) => results[i].id,
      cache: this.options.wholeDocument ? undefined : this.stories,
    });
    return { fileName, lines, stories, facts, tooComplex };
  }
}

/** `text` as a string of its own, not a view into a larger one. */
function ownCopy(text: string): string {
  // A JSON round trip makes a fresh string; slicing a concatenation may hand back a view into the original.
  return text.length > 12 ? (JSON.parse(JSON.stringify(text)) as string) : text;
}

/** Indices of the quiet, unparsed chunks that overlap any of `spans`. */
function neededQuietChunks(chunks: readonly Chunk[], results: readonly ChunkResult[], spans: Span[]): number[] {
  const needed: number[] = [];
  if (spans.length === 0) return needed;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let s = 0;
  chunks.forEach((chunk, i) => {
    if (!results[i].quiet) return;
    const end = chunk.start + chunk.text.length;
    while (s < sorted.length && sorted[s].end <= chunk.start) s++;
    // Spans are sorted by start, not end: check the next few that start before this chunk ends.
    for (let k = s; k < sorted.length && sorted[k].start < end; k++) {
      if (sorted[k].end > chunk.start) {
        needed.push(i);
        return;
      }
    }
  });
  return needed;
}
