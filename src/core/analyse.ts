// The one entry point every feature reads: text in, stories out. Chunks are read through a cache keyed
// by their text, so after an edit only the chunks that changed are parsed again.
import { ChunkReader, type ChunkFacts } from './chunkReader';
import { findFrontMatter, splitChunks } from './chunks';
import { readFrontMatter } from './frontMatter';
import { buildLexicon, type LabelKind } from './lexicon';
import { LineIndex } from './lines';
import type { Story } from './model';
import { buildOutline } from './outline';
import { assembleStories } from './assemble';

export interface AnalyserOptions {
  /** Extra lexicon words per role (settings `starStories.lexicon`). */
  lexicon?: Partial<Record<LabelKind, readonly string[]>>;
  /** Parse the whole document as one chunk (used to prove chunking changes nothing). */
  wholeDocument?: boolean;
  /** How many chunk results to keep. */
  cacheSize?: number;
}

export interface StoryDocument {
  fileName: string;
  lines: LineIndex;
  stories: Story[];
  /** Every fact the chunks yielded, in document offsets, for rules that look beyond stories. */
  facts: ChunkFacts & { bodyStart: number };
}

type Located = { start: number; end: number; contentStart?: number };

/** Copies chunk-relative facts into document offsets (the cached originals stay relative). */
function shift<T extends Located>(items: T[], by: number): T[] {
  return items.map((i) =>
    i.contentStart === undefined
      ? { ...i, start: i.start + by, end: i.end + by }
      : { ...i, start: i.start + by, end: i.end + by, contentStart: i.contentStart + by },
  );
}

export class StoryAnalyser {
  private readonly reader: ChunkReader;
  private readonly cache = new Map<string, ChunkFacts>();
  private readonly cacheSize: number;

  constructor(private readonly options: AnalyserOptions = {}) {
    this.reader = new ChunkReader(buildLexicon(options.lexicon));
    this.cacheSize = options.cacheSize ?? 20000;
  }

  private readChunk(text: string): ChunkFacts {
    const hit = this.cache.get(text);
    if (hit) {
      this.cache.delete(text);
      this.cache.set(text, hit);
      return hit;
    }
    const facts = this.reader.read(text);
    this.cache.set(text, facts);
    if (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value as string);
    return facts;
  }

  analyse(text: string, fileName: string): StoryDocument {
    const lines = new LineIndex(text);
    const fm = findFrontMatter(text);
    const bodyStart = fm?.end ?? (text.charCodeAt(0) === 0xfeff ? 1 : 0);
    const facts: ChunkFacts = { headings: [], labels: [], questions: [], meta: [], comments: [], prose: [], code: [] };
    for (const chunk of splitChunks(text, bodyStart, this.options.wholeDocument)) {
      const read = this.readChunk(chunk.text);
      for (const key of Object.keys(facts) as (keyof ChunkFacts)[]) {
        (facts[key] as Located[]).push(...shift(read[key] as Located[], chunk.start));
      }
    }
    const outline = buildOutline({
      start: bodyStart,
      end: text.length,
      headings: facts.headings,
      labels: facts.labels,
      questions: facts.questions,
      meta: facts.meta,
      optIns: facts.comments.filter((c) => /^star-story$/i.test(c.comment)).map((c) => c.start),
    });
    const stories = assembleStories({ outline, frontMatter: readFrontMatter(fm?.body), fileName, lines, prose: facts.prose });
    return { fileName, lines, stories, facts: { ...facts, bodyStart } };
  }
}
