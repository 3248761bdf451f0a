// The pipeline every feature reads (DESIGN §1): text → chunks → facts → outline → drafts → stories.
// Each step reads as if the text were new; what lets an edit cost only what it touches (the last
// analysis of each file, chunk results by text, stories by what they were built from) is in
// `incremental/`, and `AnalyserOptions.remember` turns it off.
import { findFrontMatter, splitChunks } from './read/chunks';
import { ChunkReader } from './read/chunkReader';
import { factsView, type DocumentFactsView } from './read/documentFacts';
import { readFrontMatter } from './read/frontMatter';
import { buildLexicon, type LabelKind, type Lexicon } from './read/lexicon';
import { LineIndex } from './read/lines';
import { quietHeadings } from './read/prescan';
import { ChunkParser, chunkResult, DEFAULT_BUDGET_MS, factSource, quietChunksIn, tooComplexChunks, type ChunkResult, type TooComplex } from './read/readChunks';
import type { Chunk } from './read/chunks';
import { assembleStories } from './stories/assemble';
import { storyDrafts } from './stories/drafts';
import { storyKind } from './stories/notStories';
import type { Story } from './model';
import { editDrafts } from './incremental/editDrafts';
import { AnalysisMemory, changedChunks, cutAgain, type LastAnalysis } from './incremental/lastAnalysis';
import type { Resplit } from './incremental/recut';
import { KeptStories, keepsStory } from './incremental/storyReuse';
import { ownString } from './util/ownString';

export { DEFAULT_BUDGET_MS, type TooComplex };

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

export interface StoryDocument {
  fileName: string;
  lines: LineIndex;
  stories: Story[];
  /** Runs of labels whose sections are all placeholders or empty: templates to start a story from, not stories. */
  templates: Story[];
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

export class StoryAnalyser {
  private readonly lexicon: Lexicon;
  private readonly parser: ChunkParser;
  /** What lets the next analysis reuse this one's work; none when remembering is off (and never for a whole document). */
  private readonly memory: AnalysisMemory<StoryDocument> | undefined;

  constructor(private readonly options: AnalyserOptions = {}) {
    this.lexicon = buildLexicon(options.lexicon);
    this.parser = new ChunkParser(new ChunkReader(this.lexicon), options.budgetMs ?? (options.wholeDocument ? Infinity : DEFAULT_BUDGET_MS));
    if (options.remember !== false && !options.wholeDocument) this.memory = new AnalysisMemory(options.cacheSize ?? 20000);
  }

  /**
   * The stories and facts of `text`, incremental against the last text of `fileName`. A later analysis
   * of the same file reuses the stories that did not change and moves them to their new lines in place:
   * copy what must stay as it was (a range, say) before analysing the file again.
   */
  analyse(text: string, fileName: string): StoryDocument {
    const before = this.memory?.last(fileName);
    if (before?.text === text) return before.document;

    // 1. Text → front matter, lines and chunks.
    const fm = findFrontMatter(text);
    const bodyStart = fm?.end ?? (text.charCodeAt(0) === 0xfeff ? 1 : 0);
    const frontMatter = readFrontMatter(fm?.body);
    const { lines, split } = before ? cutAgain(before, text, bodyStart) : { lines: new LineIndex(text), split: { chunks: splitChunks(text, bodyStart, this.options.wholeDocument), kept: 0, moved: 0 } };
    const chunks = split.chunks;
    this.memory?.chunks.makeRoom(chunks.length);

    // 2. Chunks → facts: a quiet chunk (pre-scan) by its heading alone, the rest read.
    const results = this.readChunks(chunks, before && split.kept + split.moved > 0 ? { split, results: before.results } : undefined);

    // 3. Facts → outline → story drafts.
    const change = before && changedChunks(before, text, fm?.body, bodyStart, chunks, results);
    const facts = factsView(factSource(chunks, results), bodyStart, change && { view: before!.document.facts, change });
    const edited = change && editDrafts(before!, change, text, facts, frontMatter);
    const { outline, drafts } = edited || storyDrafts(text, facts, frontMatter);

    // 4. Drafts → stories. A quiet chunk inside a story to be built is read first: its sections need its prose.
    const storyChange = edited ? { start: change!.start, end: change!.newEnd, lines: lines.lineCount - before!.lines.lineCount } : undefined;
    this.read(chunks, results, quietChunksIn(chunks, results, drafts.filter((d) => !keepsStory(d, storyChange))));
    const input = { drafts, followUps: outline.followUps, frontMatter, fileName, lines, chunks, prose: (i: number) => results[i].facts?.prose ?? [] };
    const reuse = this.memory && new KeptStories(this.memory.stories, { chunks, chunkIds: (i) => results[i].id, lines, frontMatter }, storyChange);
    const assembled = assembleStories(input, reuse);
    // Not every run of labels is a story: pages that explain the method are left out, templates kept apart.
    const stories = assembled.filter((story) => storyKind(story) === 'story');
    const templates = assembled.filter((story) => storyKind(story) === 'template');

    const pieces = bodyStart > 0 ? [{ start: 0, text: ownString(text.slice(0, bodyStart)) }, ...chunks] : chunks;
    const document: StoryDocument = { fileName, lines, stories, templates, facts, pieces, tooComplex: tooComplexChunks(chunks, results, this.parser.budgetMs) };
    if (!this.memory) document.transient = true;
    else this.memory.keep(fileName, { text, bodyStart, frontMatter: fm?.body, lines, chunks, results, outline, drafts, document } satisfies LastAnalysis<StoryDocument>);
    return document;
  }

  /** Each chunk's result: as the last analysis or the cache has it, else by its heading when quiet, else read. */
  private readChunks(chunks: Chunk[], before: { split: Resplit; results: ChunkResult[] } | undefined): ChunkResult[] {
    const results = (this.memory ? this.memory.chunks.known(chunks, before) : new Array(chunks.length)) as ChunkResult[];
    const toRead: number[] = [];
    for (let i = 0; i < chunks.length; i++) {
      const known = results[i];
      if (known?.facts || known?.tooComplex) continue;
      const quiet = this.options.parseEveryChunk ? undefined : (known?.quiet ?? quietHeadings(chunks[i].text, this.lexicon, i === 0));
      if (!quiet) toRead.push(i);
      else if (!known) {
        results[i] = chunkResult(chunks[i].text, { quiet });
        this.memory?.chunks.remember(chunks[i].text, results[i]);
      }
    }
    this.read(chunks, results, toRead);
    return results;
  }

  /** Reads the chunks at `indices`, remembering each result by its text. */
  private read(chunks: readonly Chunk[], results: ChunkResult[], indices: number[]): void {
    this.parser.parse(chunks, results, indices);
    if (this.memory) for (const i of indices) this.memory.chunks.remember(chunks[i].text, results[i]);
  }
}
