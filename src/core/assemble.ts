// Story assembly (DESIGN §3): find the smallest heading sections whose labels make a story, pick
// their strongest label form, split repeated runs, resolve challenge words, and cut sections.
import type { FrontMatter } from './frontMatter';
import type { TextFact } from './chunkReader';
import type { Chunk } from './chunks';
import { CANONICAL_WORDS, headingQuestion, parseTimingHint } from './lexicon';
import type { LineIndex } from './lines';
import type { Framework, Range, Role, Section, Story } from './model';
import type { Container, FollowUpSection, LabelCandidate, Outline } from './outline';
import { wordCount } from './words';
import { memoise } from './memo';
import { slugify } from './slug';

const FORMS = ['heading', 'bold', 'list'] as const;
const STAR_ROLES: readonly Role[] = ['situation', 'task', 'action', 'result'];

export interface Draft {
  container: Container;
  run: LabelCandidate[];
  /** Index of the run within its container; runs after the first are titled `<title> (2)`. */
  index: number;
  start: number;
  end: number;
}

/** Assembled stories by what they were built from, so an unchanged story is reused after an edit elsewhere. */
export type StoryCache = Map<string, { story: Story; line: number }>;

export interface AssemblyInput {
  outline: Outline;
  frontMatter: FrontMatter;
  fileName: string;
  lines: LineIndex;
  /** The document's chunks and, per chunk, its prose facts (offsets relative to the chunk). */
  chunks: readonly Chunk[];
  prose: (chunk: number) => readonly TextFact[];
  /** Per chunk, an id that is equal only for equal chunk text (with `cache`). */
  chunkIds?: (chunk: number) => number;
  cache?: StoryCache;
}

function roleOf(label: LabelCandidate, run: LabelCandidate[]): Role {
  if (label.kind !== 'challenge') return label.kind;
  return run.some((l) => l.kind === 'situation') ? 'task' : 'situation';
}

function qualifies(run: LabelCandidate[]): boolean {
  const covered = new Set(run.map((l) => roleOf(l, run)).filter((r) => STAR_ROLES.includes(r)));
  return covered.size >= 3 || (covered.size >= 2 && run.every((l) => CANONICAL_WORDS.has(l.keyword)));
}

function splitRuns(labels: LabelCandidate[]): LabelCandidate[][] {
  const runs: LabelCandidate[][] = [[]];
  let seenResult = false;
  for (const label of labels) {
    if (label.kind === 'situation' && seenResult) {
      runs.push([]);
      seenResult = false;
    }
    runs[runs.length - 1].push(label);
    if (label.kind === 'result') seenResult = true;
  }
  return runs;
}

export function frameworkOf(run: LabelCandidate[]): Framework {
  const roles = run.map((l) => roleOf(l, run));
  if (roles.includes('learning')) return 'STARL';
  if (run.some((l) => l.keyword === 'obstacle')) return 'SOAR';
  const first = run[0];
  if (first && !roles.includes('task')) {
    if (first.kind === 'challenge') return /problem/.test(first.keyword) ? 'PAR' : 'CAR';
    if (first.keyword === 'context') return 'CAR';
  }
  return 'STAR';
}

/**
 * Heading labels that are not all canonical words (Learning aside), beside other headings of the same level (`## Problem`,
 * `## Solution`, `## Impact`, then `## Open questions`): the outline of an RFC, a brief or a postmortem,
 * not a story. Once a story's heading labels start, they are its only sections at their level (follow-ups aside).
 */
function isDocumentOutline(container: Container, run: LabelCandidate[]): boolean {
  if (run.every((l) => l.kind === 'learning' || CANONICAL_WORDS.has(l.keyword))) return false;
  const depths = new Set(run.map((l) => l.depth));
  const first = run[0].start;
  return container.children.some((c) => c.heading !== undefined && depths.has(c.heading.depth) && c.start > first);
}

/** The runs of `pool` that make stories for `container`, strongest label form first. */
function storyRuns(container: Container, pool: LabelCandidate[], optIn: boolean): LabelCandidate[][] | undefined {
  for (const form of FORMS) {
    const tier = pool.filter((l) => l.form === form);
    if (tier.length === 0) continue;
    const runs = splitRuns(tier).filter((run) => qualifies(run) && (optIn || form !== 'heading' || !isDocumentOutline(container, run)));
    if (runs.length > 0) return runs;
    if (optIn) return [tier];
  }
  return optIn ? [[]] : undefined;
}

/** Labels are grouped by the heading section that holds them; they never pool across sections. */
function detect(text: string, container: Container, frontMatter: FrontMatter, drafts: Draft[]): void {
  for (const child of container.children) detect(text, child, frontMatter, drafts);
  const pool = [...container.labels].sort((a, b) => a.start - b.start);
  const optIn = container.optIn || (!container.heading && frontMatter.star);
  const runs = storyRuns(container, pool, optIn);
  if (!runs) return;
  const owner = container.generic && container.parent ? container.parent : container;
  runs.forEach((run, index) => {
    const first = run[0];
    // A run that starts at a bullet label starts at its list item, so the story before ends above the bullet.
    const start = index === 0 && owner.heading ? owner.start : (first ? sectionBoundary(text, first) : owner.start);
    drafts.push({ container: owner, run, index, start, end: owner.end });
  });
}

const THEMATIC_BREAK = /(?:^|[\r\n])[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** Moves `end` back over trailing blank lines and thematic breaks (`---` between stories). */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  for (;;) {
    while (e > start && /\s/.test(text[e - 1])) e--;
    const m = THEMATIC_BREAK.exec(text.slice(Math.max(start, e - 200), e));
    if (!m || e - m[0].length < start) return e;
    e -= m[0].length;
  }
}

/** Index of the last chunk that starts at or before `offset`. */
function chunkAt(chunks: readonly Chunk[], offset: number): number {
  let lo = 0;
  let hi = chunks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (chunks[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The prose of `[start, end)`: text pieces joined as written, a line break where the Markdown had one. */
function proseBetween(text: string, chunks: readonly Chunk[], prose: AssemblyInput['prose'], start: number, end: number): string {
  let out = '';
  let previousEnd = start;
  for (let c = chunkAt(chunks, start); c < chunks.length && chunks[c].start < end; c++) {
    const base = chunks[c].start;
    const pieces = prose(c);
    let lo = 0;
    let hi = pieces.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (base + pieces[mid].end <= start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < pieces.length && base + pieces[i].start < end; i++) {
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

const LIST_MARKER = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+$/;

/** Where the section before `label` ends: at the label, or at the start of its list item (`- **Action:**`). */
function sectionBoundary(text: string, label: LabelCandidate): number {
  if (label.form !== 'list') return label.start;
  const lineStart = Math.max(text.lastIndexOf('\n', label.start - 1), text.lastIndexOf('\r', label.start - 1)) + 1;
  return LIST_MARKER.test(text.slice(lineStart, label.start)) ? lineStart : label.start;
}

const slug = memoise((title) => slugify(title) || 'story', 50000);

function splitTags(value: string): string[] {
  return value.split(/[,;]/).map((t) => t.trim().replace(/^#/, '').toLowerCase()).filter(Boolean);
}

/** Where the stories are: the drafts of every story, in document order, their ends trimmed. */
export function draftStories(outline: Outline, frontMatter: FrontMatter, text: string): Draft[] {
  const drafts: Draft[] = [];
  detect(text, outline.root, frontMatter, drafts);
  drafts.sort((a, b) => a.start - b.start);
  drafts.forEach((d, i) => {
    const next = drafts[i + 1];
    // A story ends where the next one starts — unless its own labels come after that one (labels of a
    // parent section written below a child story): then it keeps its section's end, so that every
    // section lies inside its story.
    const lastLabel = d.run[d.run.length - 1];
    if (next && next.start < d.end && !(lastLabel && lastLabel.start >= next.start)) d.end = next.start;
    // Trimming a closing `---` must not cut into the last label (a setext underline looks the same).
    d.end = Math.max(d.start, lastLabel?.contentStart ?? d.start, trimEnd(text, d.start, d.end));
  });
  return drafts;
}

/** For a story reused from the cache at other lines: the story as first built, and how far it moved. */
const ORIGINS = new WeakMap<Story, { story: Story; lines: number }>();

/** The story as first assembled and how many lines it has moved since (0 for a story built just now). */
export function storyOrigin(story: Story): { story: Story; lines: number } {
  return ORIGINS.get(story) ?? { story, lines: 0 };
}

export function shiftRange(range: Range, lines: number): Range {
  return { start: { line: range.start.line + lines, character: range.start.character }, end: { line: range.end.line + lines, character: range.end.character } };
}

/** `story` moved down by `lines` lines (up when negative). */
export function shiftStory(story: Story, lines: number): Story {
  if (lines === 0) return story;
  const origin = storyOrigin(story);
  const moved: Story = {
    ...story,
    titleRange: shiftRange(story.titleRange, lines),
    range: shiftRange(story.range, lines),
    sections: story.sections.map((s) => ({ ...s, labelRange: shiftRange(s.labelRange, lines), contentRange: shiftRange(s.contentRange, lines) })),
    followUps: story.followUps.map((f) => ({ ...f, range: shiftRange(f.range, lines) })),
  };
  ORIGINS.set(moved, { story: origin.story, lines: origin.lines + lines });
  return moved;
}

const STORY_CACHE_SIZE = 20000;

export function assembleStories(input: AssemblyInput): Story[] {
  const { outline, frontMatter, fileName, lines, chunks, cache, chunkIds } = input;
  const text = lines.text;
  const drafts = draftStories(outline, frontMatter, text);
  const seen = new Map<string, number>();
  const fileTitle = frontMatter.title ?? frontMatter.question ?? fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  return drafts.map((d) => {
    const heading = d.container.heading;
    const baseTitle = heading?.text ?? fileTitle;
    const title = d.index === 0 ? baseTitle : `${baseTitle} (${d.index + 1})`;
    const key = slug(title);
    const ordinal = (seen.get(key) ?? 0) + 1;
    seen.set(key, ordinal);
    const id = `${fileName}#${key}${ordinal > 1 ? `-${ordinal}` : ''}`;
    const followUpSections = outline.followUps.filter((f: FollowUpSection) => f.start >= d.start && f.start < d.end);
    const meta = [...collectMeta(d.container)].filter((m) => m.start >= d.start && m.start < d.end);
    if (!cache || !chunkIds || chunks.length === 0) return buildStory(input, d, { title, id, heading, followUpSections, meta });

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
      return shiftStory(hit.story, at.line - hit.line);
    }
    const story = buildStory(input, d, { title, id, heading, followUpSections, meta });
    cache.set(cacheKey, { story, line: at.line });
    if (cache.size > STORY_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    return story;
  });
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

function* collectMeta(container: Container): Generator<Container['meta'][number]> {
  yield* container.meta;
  for (const child of container.children) yield* collectMeta(child);
}
