// Stories kept from the analysis before (DESIGN §9): a story away from an edit is the same object,
// moved to its new lines in place; a story built from the same chunks, labels and place as one built
// before (an edit undone, a file read again) is taken from the cache.
import { chunkAt, type Chunk } from '../read/chunks';
import type { FrontMatter } from '../read/frontMatter';
import type { LineIndex } from '../read/lines';
import type { Range, Story } from '../model';
import type { StoryParts, StoryReuse } from '../stories/assemble';
import type { Draft } from '../stories/drafts';

/**
 * Assembled stories by what they were built from, so an unchanged story is reused after an edit
 * elsewhere; `below` is how many lines below its first chunk's first line the story starts.
 */
export type StoryCache = Map<string, { story: Story; below: number }>;

const STORY_CACHE_SIZE = 20000;

/**
 * Since the last assembly from the same drafts, the text changed only in `[start, end)` (new offsets),
 * and the lines after it moved by `lines`.
 */
export interface StoryChange {
  start: number;
  end: number;
  lines: number;
}

/** What the cache key of a story is made of besides the draft. */
export interface StorySources {
  chunks: readonly Chunk[];
  /** Per chunk, an id that is equal only for equal chunk text. */
  chunkIds: (chunk: number) => number;
  lines: LineIndex;
  frontMatter: FrontMatter;
}

/** Whether the story last built from `d` still stands after `change` (its id aside): the draft was kept, ends where it did, and the change is elsewhere. */
export function keepsStory(d: Draft, change: StoryChange | undefined): boolean {
  return !!d.built && !!change && d.built.end === d.end && (Math.max(d.end, d.start + 1) <= change.start || d.start >= change.end);
}

function moveRange(range: Range, lines: number): void {
  range.start.line += lines;
  range.end.line += lines;
}

/**
 * Moves `story` down by `lines` lines (up when negative), in place: a line break typed near the top of
 * a large bank moves hundreds of stories, and copying them all cost more than the rest of the
 * keystroke. The story stays the same object (its findings are found by it). Its ranges are its own:
 * the findings kept with a story hold copies (lint.ts), and the others are made again on every lint.
 */
function shiftStory(story: Story, lines: number): void {
  if (lines === 0) return;
  moveRange(story.titleRange, lines);
  moveRange(story.range, lines);
  for (const s of story.sections) {
    moveRange(s.labelRange, lines);
    moveRange(s.contentRange, lines);
  }
  for (const f of story.followUps) moveRange(f.range, lines);
}

export class KeptStories implements StoryReuse {
  readonly editing: boolean;

  constructor(
    private readonly cache: StoryCache,
    private readonly sources: StorySources,
    private readonly change: StoryChange | undefined,
  ) {
    this.editing = !!change;
  }

  kept(d: Draft, id: string): Story | undefined {
    const built = d.built;
    if (!built || built.id !== id || !keepsStory(d, this.change)) return undefined;
    if (d.start >= this.change!.end) shiftStory(built.story, this.change!.lines);
    return built.story;
  }

  story(d: Draft, parts: StoryParts, build: () => Story): Story {
    const { chunks, chunkIds, lines, frontMatter } = this.sources;
    if (chunks.length === 0) return build();
    const { title, id, heading, followUpSections, meta } = parts;
    // Everything the story is built from, relative to the chunks that hold it; the chunks by identity.
    const first = chunkAt(chunks, d.start);
    const last = chunkAt(chunks, Math.max(d.start, d.end - 1));
    const from = chunks[first].start;
    const ids: number[] = [];
    for (let c = first; c <= last; c++) ids.push(chunkIds(c));
    const at = lines.positionAt(from);
    const rel = (o: number) => o - from;
    const cacheKey = JSON.stringify([
      id, title, d.index, at.character, rel(d.start), rel(d.end), frontMatter.tags, frontMatter.question ?? null,
      heading && d.index === 0 ? [rel(heading.start), rel(heading.end), heading.text] : heading?.text ?? null,
      d.run.map((l) => [rel(l.start), rel(l.end), rel(l.contentStart), l.kind, l.keyword, l.form, l.text, l.rowTitle ?? null]),
      followUpSections.map((f) => [rel(f.start), f.questions.map((q) => [rel(q.start), rel(q.end), q.text])]),
      meta.map((m) => [rel(m.start), m.key, m.value]),
      ids,
    ]);
    const hit = this.cache.get(cacheKey);
    if (hit) {
      this.cache.delete(cacheKey);
      this.cache.set(cacheKey, hit);
      shiftStory(hit.story, at.line + hit.below - hit.story.range.start.line);
      return hit.story;
    }
    const story = build();
    this.cache.set(cacheKey, { story, below: story.range.start.line - at.line });
    if (this.cache.size > STORY_CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    return story;
  }
}
