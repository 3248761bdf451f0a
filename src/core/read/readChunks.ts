// Reads chunks into facts within the time budget (DESIGN §9): the plain reader where it can (linear,
// no watchdog), else remark, neighbouring chunks parsed together under the watchdog; a chunk whose parse
// runs past the budget is marked too complex and the others are still read.
import { runEachWithin } from '../util/budget';
import { ChunkReader, type ChunkFacts, type HeadingFact, type Span } from './chunkReader';
import { chunkAt, type Chunk } from './chunks';
import { FACT_KEYS, shiftFact, type FactSource } from './documentFacts';

export const DEFAULT_BUDGET_MS = 1000;

/** Groups of chunks shorter than this are parsed without the watchdog (see `parseWithRemark`). */
const UNWATCHED_CHARS = 512;
/** Chunks longer than this are read under the watchdog even by the plain reader. */
const PLAIN_UNWATCHED_CHARS = 16 * 1024;
/** How much text neighbouring chunks may add up to when they are parsed together. */
const GROUP_CHARS = 1024;

/** What reading one chunk gave. */
export interface ChunkResult {
  /** Unique per result: equal ids mean the same result, so the same chunk text (the story cache keys on them). */
  id: number;
  /** The chunk's text. */
  text: string;
  facts?: ChunkFacts;
  /** The heading (if any) of a quiet chunk that has not been parsed. */
  quiet?: HeadingFact[];
  tooComplex?: boolean;
}

/** A chunk that was not analysed because its parse ran past the budget. */
export interface TooComplex extends Span {
  budgetMs: number;
}

let nextId = 1;

export function chunkResult(text: string, parts: Omit<ChunkResult, 'id' | 'text'>): ChunkResult {
  // Not a spread: with 100 000 chunks, V8's slow path for spreading shows.
  return { id: nextId++, text, facts: parts.facts, quiet: parts.quiet, tooComplex: parts.tooComplex };
}

type Located = { start: number; end: number; contentStart?: number };

export class ChunkParser {
  constructor(
    private readonly reader: ChunkReader,
    readonly budgetMs: number,
  ) {}

  /** Reads the chunks at `indices` into `results`. */
  parse(chunks: readonly Chunk[], results: ChunkResult[], indices: readonly number[]): void {
    // Chunks the plain reader accepts need neither remark nor the watchdog: it is linear. A long chunk
    // is read under the watchdog all the same (plainly if it can be, see readGroup): linear is not fast
    // on every input.
    const hard = indices.filter((i) => {
      if (chunks[i].text.length > PLAIN_UNWATCHED_CHARS) return true;
      const facts = this.reader.readPlain(chunks[i].text);
      if (facts) results[i] = chunkResult(chunks[i].text, { facts });
      return !facts;
    });
    this.parseWithRemark(chunks, results, hard);
  }

  /**
   * Parses the chunks at `indices` with remark within the budget. Neighbouring chunks are parsed
   * together (a parse has a fixed cost, and a chunk parses the same alone or with its neighbours: that
   * is where the chunker cuts), then their facts are dealt back to each chunk. A group that runs past
   * the budget is parsed again chunk by chunk, so only the chunk at fault is skipped.
   */
  private parseWithRemark(chunks: readonly Chunk[], results: ChunkResult[], indices: number[]): void {
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
      for (const k of over) results[group[k]] = chunkResult(chunks[group[k]].text, { tooComplex: true });
    }
  }

  /** Parses adjacent chunks as one text and gives each chunk the facts that fall in it, relative to it. */
  private readGroup(chunks: readonly Chunk[], results: ChunkResult[], group: number[]): void {
    if (group.length === 1) {
      const i = group[0];
      results[i] = chunkResult(chunks[i].text, { facts: this.reader.readPlain(chunks[i].text) ?? this.reader.read(chunks[i].text) });
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
        (split[k][key] as Located[]).push(shiftFact(fact, base - chunks[group[k]].start));
      }
    }
    group.forEach((i, k) => {
      results[i] = chunkResult(chunks[i].text, { facts: split[k] });
    });
  }
}

const NONE: readonly never[] = [];

/** The facts of each chunk as it stands: a quiet chunk that was not read gives its heading alone. */
export function factSource(chunks: readonly Chunk[], results: readonly ChunkResult[]): FactSource {
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

/** Indices of the quiet, unparsed chunks that overlap any of `spans`, in order. */
export function quietChunksIn(chunks: readonly Chunk[], results: readonly ChunkResult[], spans: readonly Span[]): number[] {
  const needed = new Set<number>();
  for (const span of spans) {
    for (let i = chunkAt(chunks, span.start); i < chunks.length && chunks[i].start < span.end; i++) {
      if (results[i].quiet && chunks[i].start + chunks[i].text.length > span.start) needed.add(i);
    }
  }
  return [...needed].sort((a, b) => a - b);
}

/** The chunks whose parse ran past the budget. */
export function tooComplexChunks(chunks: readonly Chunk[], results: readonly ChunkResult[], budgetMs: number): TooComplex[] {
  const found: TooComplex[] = [];
  results.forEach((r, i) => r.tooComplex && found.push({ start: chunks[i].start, end: chunks[i].start + chunks[i].text.length, budgetMs }));
  return found;
}
