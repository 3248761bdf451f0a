// Story assembly (DESIGN §3): a story from each draft — title, id, sections with their text, follow-up
// questions, tags — reusing the story built before when nothing it was built from has changed.
import type { FrontMatter } from '../read/frontMatter';
import type { TextFact } from '../read/chunkReader';
import { chunkAt, type Chunk } from '../read/chunks';
import { type Draft, frameworkOf, roleOf, sectionBoundary, trimEnd } from './drafts';
import { headingQuestion, parseTimingHint } from '../read/lexicon';
import type { LineIndex } from '../read/lines';
import type { Range, Section, Story } from '../model';
import type { Container, FollowUpSection } from './outline';
import { wordCount } from '../util/words';
import { memoise } from '../util/memo';
import { slugify } from '../util/slug';
import { partitionPoint } from '../util/partition';

/**
 * Assembled stories by what they were built from, so an unchanged story is reused after an edit
 * elsewhere; `below` is how many lines below its first chunk's first line the story starts.
 */
export type StoryCache = Map<string, { story: Story; below: number }>;

export interface AssemblyInput {
  /** Every story's draft, in document order, ended. */
  drafts: readonly Draft[];
  /** Every follow-up section, in document order. */
  followUps: readonly FollowUpSection[];
  frontMatter: FrontMatter;
  fileName: string;
  lines: LineIndex;
  /** The document's chunks and, per chunk, its prose facts (offsets relative to the chunk). */
  chunks: readonly Chunk[];
  prose: (chunk: number) => readonly TextFact[];
  /** Per chunk, an id that is equal only for equal chunk text (with `cache`). */
  chunkIds?: (chunk: number) => number;
  cache?: StoryCache;
  /**
   * Since the last assembly from these drafts, the text changed only in `[start, end)` (new offsets),
   * and the lines after it moved by `lines`: a draft kept from then, away from the change, keeps its story.
   */
  change?: { start: number; end: number; lines: number };
}

/** The prose of `[start, end)`: text pieces joined as written, a line break where the Markdown had one. */
function proseBetween(text: string, chunks: readonly Chunk[], prose: AssemblyInput['prose'], start: number, end: number): string {
  let out = '';
  let previousEnd = start;
  for (let c = chunkAt(chunks, start); c < chunks.length && chunks[c].start < end; c++) {
    const base = chunks[c].start;
    const pieces = prose(c);
    for (let i = partitionPoint(pieces.length, (k) => base + pieces[k].end <= start); i < pieces.length && base + pieces[i].start < end; i++) {
      const p = pieces[i];
      const pStart = base + p.start;
      if (out !== '' && /[\r\n]/.test(text.slice(previousEnd, pStart))) out += '\n';
      // A piece that starts before `start` holds the `:` written after a bold label; its source and value agree there.
      out += pStart < start ? p.text.slice(start - pStart) : p.text;
      previousEnd = base + p.end;
    }
  }
  return out.trim();
}

const slug = memoise((title) => slugify(title) || 'story', 50000);

function splitTags(value: string): string[] {
  return value.split(/[,;]/).map((t) => t.trim().replace(/^#/, '').toLowerCase()).filter(Boolean);
}

export function shiftRange(range: Range, lines: number): Range {
  return { start: { line: range.start.line + lines, character: range.start.character }, end: { line: range.end.line + lines, character: range.end.character } };
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


/** Index of the first of the ascending `sections` that starts at or after `offset`. */
function firstFrom(sections: readonly FollowUpSection[], offset: number): number {
  return partitionPoint(sections.length, (i) => sections[i].start < offset);
}

export function assembleStories(input: AssemblyInput): Story[] {
  const { drafts, frontMatter, fileName, change } = input;
  const seen = new Map<string, number>();
  const fileTitle = frontMatter.title ?? frontMatter.question ?? fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const titleOf = (d: Draft) => {
    const baseTitle = d.container.heading?.text ?? fileTitle;
    return d.index === 0 ? baseTitle : `${baseTitle} (${d.index + 1})`;
  };
  return drafts.map((d) => {
    const built = d.built;
    // A draft kept through an edit kept its section, so its heading, and the file's title did not change.
    const title = built && change ? built.title : titleOf(d);
    const key = built?.title === title ? built.slug : slug(title);
    const ordinal = (seen.get(key) ?? 0) + 1;
    seen.set(key, ordinal);
    const id = built?.slug === key && built.ordinal === ordinal ? built.id : `${fileName}#${key}${ordinal > 1 ? `-${ordinal}` : ''}`;
    if (built && built.id === id && keepsStory(d, change)) {
      if (d.start >= change!.end) shiftStory(built.story, change!.lines);
      return built.story;
    }
    const story = storyOf(input, d, title, id);
    d.built = { story, end: d.end, id, title, slug: key, ordinal };
    return story;
  });
}

/** Whether the story last built from `d` still stands after `change` (its id aside): the draft was kept, ends where it did, and the change is elsewhere. */
export function keepsStory(d: Draft, change: AssemblyInput['change']): boolean {
  return !!d.built && !!change && d.built.end === d.end && (Math.max(d.end, d.start + 1) <= change.start || d.start >= change.end);
}

const STORY_CACHE_SIZE = 20000;

/** The story of `d`, from the cache when a story was built from the same chunks, labels and place before. */
function storyOf(input: AssemblyInput, d: Draft, title: string, id: string): Story {
  const { followUps, frontMatter, lines, chunks, cache, chunkIds } = input;
  const heading = d.container.heading;
  const followUpSections: FollowUpSection[] = [];
  for (let i = firstFrom(followUps, d.start); i < followUps.length && followUps[i].start < d.end; i++) followUpSections.push(followUps[i]);
  const meta = collectMeta(d.container).filter((m) => m.start >= d.start && m.start < d.end);
  const parts = { title, id, heading, followUpSections, meta };
  if (!cache || !chunkIds || chunks.length === 0) return buildStory(input, d, parts);

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
    d.run.map((l) => [rel(l.start), rel(l.end), rel(l.contentStart), l.kind, l.keyword, l.form, l.text]),
    followUpSections.map((f) => [rel(f.start), f.questions.map((q) => [rel(q.start), rel(q.end), q.text])]),
    meta.map((m) => [rel(m.start), m.key, m.value]),
    ids,
  ]);
  const hit = cache.get(cacheKey);
  if (hit) {
    cache.delete(cacheKey);
    cache.set(cacheKey, hit);
    shiftStory(hit.story, at.line + hit.below - hit.story.range.start.line);
    return hit.story;
  }
  const story = buildStory(input, d, parts);
  cache.set(cacheKey, { story, below: story.range.start.line - at.line });
  if (cache.size > STORY_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return story;
}

interface StoryParts {
  title: string;
  id: string;
  heading: Container['heading'];
  followUpSections: FollowUpSection[];
  meta: Container['meta'];
}

function buildStory({ frontMatter, lines, chunks, prose }: AssemblyInput, d: Draft, parts: StoryParts): Story {
  const text = lines.text;
  const { title, id, heading, followUpSections, meta } = parts;
  const firstLabel = d.run[0];
  const titleSpan = d.index === 0 && heading ? heading : (firstLabel ?? { start: d.start, end: d.start });
  const sections: Section[] = d.run.map((label, i) => {
    const next = d.run[i + 1];
    const followUp = followUpSections.find((f) => f.start > label.start);
    const rawEnd = Math.min(next ? sectionBoundary(text, next) : d.end, followUp?.start ?? d.end, d.end);
    const end = Math.max(label.contentStart, trimEnd(text, label.contentStart, rawEnd));
    const sectionText = proseBetween(text, chunks, prose, label.contentStart, rawEnd);
    const section: Section = {
      role: roleOf(label, d.run),
      label: label.text,
      keyword: label.keyword,
      form: label.form,
      labelRange: lines.range(label.start, label.end),
      contentRange: lines.range(label.contentStart, end),
      text: sectionText,
      words: wordCount(sectionText),
    };
    const hint = parseTimingHint(label.text);
    if (hint) section.targetSeconds = hint;
    return section;
  });
  const tags = new Set(frontMatter.tags);
  for (const m of meta) if (m.key === 'tags') splitTags(m.value).forEach((t) => tags.add(t));
  const question = meta.find((m) => m.key === 'question')?.value ?? (heading && headingQuestion(heading.text)) ?? frontMatter.question;
  const story: Story = {
    id,
    title,
    titleRange: lines.range(titleSpan.start, titleSpan.end),
    range: lines.range(d.start, d.end),
    framework: frameworkOf(d.run),
    sections,
    followUps: followUpSections.flatMap((f) => f.questions).filter((q) => q.start < d.end).map((q) => ({
      question: q.text.trim().replace(/^Q\s*\d*\s*[:.]\s*/, '').replace(/^["“]|["”]$/g, '').trim(),
      range: lines.range(q.start, q.end),
    })),
    tags: [...tags],
  };
  if (question) story.question = question;
  const hint = heading && d.index === 0 ? parseTimingHint(heading.text) : undefined;
  if (hint) story.targetSeconds = hint;
  return story;
}

/** The meta lines of `container` and of the sections inside it, in order (no nested generators: they are slow). */
function collectMeta(container: Container, into: Container['meta'][number][] = []): Container['meta'][number][] {
  for (const m of container.meta) into.push(m);
  for (const child of container.children) collectMeta(child, into);
  return into;
}
