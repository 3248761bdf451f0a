// Story assembly (DESIGN §3): a story from each draft — title, id, sections with their text, follow-up
// questions, tags — or the story built before, when a `StoryReuse` finds that nothing it was built from changed.
import type { FrontMatter } from '../read/frontMatter';
import type { TextFact } from '../read/chunkReader';
import { chunkAt, type Chunk } from '../read/chunks';
import { type Draft, frameworkOf, roleOf, sectionBoundary, trimEnd } from './drafts';
import { headingQuestion, parseTimingHint } from '../read/lexicon';
import { detectLanguage, LANGUAGE_SAMPLE } from '../read/languages';
import type { LineIndex } from '../read/lines';
import type { Section, Story } from '../model';
import type { Container, FollowUpSection } from './outline';
import { wordCount } from '../util/words';
import { memoise } from '../util/memo';
import { slugify } from '../util/slug';
import { partitionPoint } from '../util/partition';

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
}

/** What an assembly may take from the one before it (incremental/storyReuse.ts). */
export interface StoryReuse {
  /** The drafts were assembled before, and the text changed since only away from the drafts kept: those keep their titles. */
  readonly editing: boolean;
  /** The story last built from `d` as `id`, moved to its new lines, when nothing it was built from changed. */
  kept(d: Draft, id: string): Story | undefined;
  /** The story `build` makes of `d`, or the one made before from the same chunks, labels and place. */
  story(d: Draft, parts: StoryParts, build: () => Story): Story;
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
      // A piece may start before `start` (the `:` after a bold label, the lines above a plain label in
      // the same paragraph) and run past `end` (the lines from the next plain label on).
      const pEnd = base + p.end;
      const from = pStart < start ? valueOffset(text, pStart, p.text, start) : 0;
      const to = pEnd > end ? valueOffset(text, pStart, p.text, end) : p.text.length;
      out += from === 0 && to === p.text.length ? p.text : p.text.slice(from, to);
      previousEnd = base + p.end;
    }
  }
  return out.trim();
}

/** The opening of the story's labels and text, as much as `detectLanguage` reads. */
function languageSample(sections: readonly Section[]): string {
  let sample = '';
  for (const s of sections) {
    sample += `${s.label} ${s.text.slice(0, LANGUAGE_SAMPLE)}\n`;
    if (sample.length >= LANGUAGE_SAMPLE) break;
  }
  return sample;
}

/** Where the table cell that starts at `from` ends: at its closing pipe, or the end of the line. */
function cellEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && text[i] !== '|' && text[i] !== '\n' && text[i] !== '\r') i += text[i] === '\\' ? 2 : 1;
  return Math.min(i, text.length);
}

const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * Where the source offset `offset` falls in `value`, the text of a prose piece whose source starts at
 * `pieceStart`: value and source have the same line breaks, but a paragraph's value drops the
 * indentation of its continuation lines (and escapes differ), so the offset is found by line.
 */
function valueOffset(text: string, pieceStart: number, value: string, offset: number): number {
  let lineStart = pieceStart;
  let breaks = 0;
  LINE_BREAK.lastIndex = pieceStart;
  for (let m = LINE_BREAK.exec(text); m && m.index < offset; m = LINE_BREAK.exec(text)) {
    lineStart = m.index + m[0].length;
    breaks++;
  }
  if (breaks === 0) return Math.min(offset - pieceStart, value.length);
  let at = 0;
  LINE_BREAK.lastIndex = 0;
  for (let k = 0; k < breaks; k++) {
    const m = LINE_BREAK.exec(value);
    if (!m) return value.length;
    at = m.index + m[0].length;
  }
  const indent = (s: string, from: number) => {
    let i = from;
    while (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9) i++;
    return i - from;
  };
  const column = offset - lineStart - indent(text, lineStart) + indent(value, at);
  return Math.min(value.length, at + Math.max(0, column));
}

const slug = memoise((title) => slugify(title) || 'story', 50000);

function splitTags(value: string): string[] {
  return value.split(/[,;]/).map((t) => t.trim().replace(/^#/, '').toLowerCase()).filter(Boolean);
}

/** Index of the first of the ascending `sections` that starts at or after `offset`. */
function firstFrom(sections: readonly FollowUpSection[], offset: number): number {
  return partitionPoint(sections.length, (i) => sections[i].start < offset);
}

export function assembleStories(input: AssemblyInput, reuse?: StoryReuse): Story[] {
  const { drafts, frontMatter, fileName } = input;
  const seen = new Map<string, number>();
  const fileTitle = frontMatter.title ?? frontMatter.question ?? fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const titleOf = (d: Draft) => {
    if (d.run[0]?.rowTitle) return d.run[0].rowTitle;
    const baseTitle = d.container.heading?.text ?? fileTitle;
    return d.index === 0 ? baseTitle : `${baseTitle} (${d.index + 1})`;
  };
  return drafts.map((d) => {
    const built = d.built;
    // A draft kept through an edit kept its section, so its heading, and the file's title did not change.
    const title = built && reuse?.editing ? built.title : titleOf(d);
    const key = built?.title === title ? built.slug : slug(title);
    const ordinal = (seen.get(key) ?? 0) + 1;
    seen.set(key, ordinal);
    const id = built?.slug === key && built.ordinal === ordinal ? built.id : `${fileName}#${key}${ordinal > 1 ? `-${ordinal}` : ''}`;
    const kept = reuse?.kept(d, id);
    if (kept) return kept;
    const parts = storyParts(input, d, title, id);
    const story = reuse ? reuse.story(d, parts, () => buildStory(input, d, parts)) : buildStory(input, d, parts);
    d.built = { story, end: d.end, id, title, slug: key, ordinal };
    return story;
  });
}

/** What a story is built from besides its labels: its title and id, heading, follow-up sections and meta lines. */
function storyParts({ followUps }: AssemblyInput, d: Draft, title: string, id: string): StoryParts {
  const followUpSections: FollowUpSection[] = [];
  for (let i = firstFrom(followUps, d.start); i < followUps.length && followUps[i].start < d.end; i++) followUpSections.push(followUps[i]);
  const meta = collectMeta(d.container).filter((m) => m.start >= d.start && m.start < d.end);
  return { title, id, heading: d.container.heading, followUpSections, meta };
}

export interface StoryParts {
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
  const titleSpan = d.index === 0 && heading && !firstLabel?.rowTitle ? heading : (firstLabel ?? { start: d.start, end: d.start });
  const sections: Section[] = d.run.map((label, i) => {
    const next = d.run[i + 1];
    const followUp = followUpSections.find((f) => f.start > label.start);
    const rawEnd = label.form === 'table' ? cellEnd(text, label.contentStart) : Math.min(next ? sectionBoundary(text, next) : d.end, followUp?.start ?? d.end, d.end);
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
    language: detectLanguage(languageSample(sections)),
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
