// Where the stories are (DESIGN §3): find the smallest heading sections whose labels make a story, pick
// their strongest label form, split repeated runs, and end each story where the next one starts.
import type { FrontMatter } from '../read/frontMatter';
import { CANONICAL_WORDS, isLetterLabel } from '../read/lexicon';
import type { Framework, Role, Story } from '../model';
import type { DocumentFactsView } from '../read/documentFacts';
import { buildOutline, outlineFacts, type Container, type LabelCandidate, type Outline } from './outline';

const FORMS = ['heading', 'bold', 'list', 'table'] as const;
const STAR_ROLES: readonly Role[] = ['situation', 'task', 'action', 'result'];

export interface Draft {
  /** The section that owns the story (a generic section's parent). */
  container: Container;
  run: LabelCandidate[];
  /** Index of the run within its container; runs after the first are titled `<title> (2)`. */
  index: number;
  start: number;
  /** Set by `endDrafts`: where the story ends, and where it would end but for trailing blank lines and breaks. */
  end: number;
  reach: number;
  /** The story last built from this draft, with the end and id it was built for. */
  built?: { story: Story; end: number; id: string; title: string; slug: string; ordinal: number };
}

export function roleOf(label: LabelCandidate, run: LabelCandidate[]): Role {
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
  for (const [i, label] of labels.entries()) {
    // Each row of a table whose header names the sections is a story of its own.
    const newRow = label.rowTitle !== undefined && i > 0 && labels[i - 1].rowTitle !== label.rowTitle;
    if ((label.kind === 'situation' && seenResult) || newRow) {
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

/**
 * The labels without single letters that stand alone: `S:`, `T:` … name sections only beside another
 * letter of the same section (`A: about a week.` under `Q: how long?` is an answer, not an Action).
 */
function withLettersTogether(labels: LabelCandidate[]): LabelCandidate[] {
  const letters = new Set(labels.filter((l) => isLetterLabel(l.text)).map((l) => l.kind));
  return letters.size >= 2 || !labels.some((l) => isLetterLabel(l.text)) ? labels : labels.filter((l) => !isLetterLabel(l.text));
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

/** The drafts of `container`'s section and every section below it. Labels never pool across sections. */
export function detect(text: string, container: Container, frontMatter: FrontMatter, drafts: Draft[]): void {
  for (const child of container.children) detect(text, child, frontMatter, drafts);
  const optIn = container.optIn || (!container.heading && frontMatter.star);
  if (container.labels.length === 0 && !optIn) return;
  const pool = withLettersTogether([...container.labels].sort((a, b) => a.start - b.start));
  const runs = storyRuns(container, pool, optIn);
  if (!runs) return;
  const owner = container.generic && container.parent ? container.parent : container;
  runs.forEach((run, index) => {
    const first = run[0];
    // A run that starts at a bullet label starts at its list item, so the story before ends above the bullet.
    const start = index === 0 && owner.heading ? owner.start : (first ? sectionBoundary(text, first) : owner.start);
    drafts.push({ container: owner, run, index, start, end: owner.end, reach: owner.end });
  });
}

/** The outline of a whole text, and its stories' drafts, ended. */
export function storyDrafts(text: string, facts: DocumentFactsView, frontMatter: FrontMatter): { outline: Outline; drafts: Draft[] } {
  const outline = buildOutline(outlineFacts(facts, facts.bodyStart, text.length));
  const drafts = draftsOf(text, [outline.root], frontMatter);
  endDrafts(drafts, text);
  return { outline, drafts };
}

/** The drafts of `containers` (and the sections below them) in document order. */
export function draftsOf(text: string, containers: readonly Container[], frontMatter: FrontMatter): Draft[] {
  const drafts: Draft[] = [];
  for (const c of containers) detect(text, c, frontMatter, drafts);
  return drafts.sort((a, b) => a.start - b.start);
}

/**
 * Ends each draft (those `only` picks, when given): where the next one starts, or its section's end,
 * less trailing blank lines and breaks.
 */
export function endDrafts(drafts: readonly Draft[], text: string, only?: (draft: Draft, index: number) => boolean): void {
  drafts.forEach((d, i) => {
    if (only && !only(d, i)) return;
    const next = drafts[i + 1];
    let end = d.container.end;
    // A story ends where the next one starts — unless its own labels come after that one (labels of a
    // parent section written below a child story): then it keeps its section's end, so that every
    // section lies inside its story.
    const lastLabel = d.run[d.run.length - 1];
    if (next && next.start < end && !(lastLabel && lastLabel.start >= next.start)) end = next.start;
    else if (lastLabel && next && next.start < end) {
      // Kept past a child story, it still ends where a later story of its own starts (its second run).
      for (let k = i + 1; k < drafts.length && drafts[k].start < end; k++) {
        if (drafts[k].start > lastLabel.start) {
          end = drafts[k].start;
          break;
        }
      }
    }
    d.reach = end;
    // Trimming a closing `---` must not cut into the last label (a setext underline looks the same).
    d.end = Math.max(d.start, lastLabel?.contentStart ?? d.start, trimEnd(text, d.start, end));
  });
}

/** Offset of the start of the line holding `offset`, looking back no further than `limit`. */
function lineStartOf(text: string, offset: number, limit = 0): number {
  let i = offset;
  while (i > limit && text.charCodeAt(i - 1) !== 10 && text.charCodeAt(i - 1) !== 13) i--;
  return i;
}

const SPACE = /\s/;
const THEMATIC_BREAK = /^[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || (code > 127 && SPACE.test(String.fromCharCode(code)));
}

/**
 * Moves `end` back over trailing blank lines and thematic breaks (`---` between stories). A break is
 * looked for in the last 200 characters: a longer line of `-` counts from there.
 */
export function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  for (;;) {
    while (e > start && isSpace(text.charCodeAt(e - 1))) e--;
    // A break ends in one of its marks.
    const last = text.charCodeAt(e - 1);
    if (e <= start || (last !== 45 && last !== 42 && last !== 95)) return e;
    const from = Math.max(start, e - 200);
    const lineStart = lineStartOf(text, e, from);
    // The line break before the break goes with it.
    const taken = e - lineStart + (lineStart > from ? 1 : 0);
    if (!THEMATIC_BREAK.test(text.slice(lineStart, e)) || e - taken < start) return e;
    e -= taken;
  }
}

const LIST_MARKER = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+$/;

/** Where the section before `label` ends: at the label, or at the start of its list item (`- **Action:**`). */
export function sectionBoundary(text: string, label: LabelCandidate): number {
  if (label.form !== 'list') return label.start;
  const lineStart = lineStartOf(text, label.start);
  return LIST_MARKER.test(text.slice(lineStart, label.start)) ? lineStart : label.start;
}

/** Moves every offset of `drafts` at or after `from` by `delta` (their sections are moved with the outline). */
export function moveDrafts(drafts: readonly Draft[], from: number, delta: number): void {
  for (const d of drafts) {
    if (d.start >= from) d.start += delta;
    if (d.end >= from) d.end += delta;
    if (d.reach >= from) d.reach += delta;
    if (d.built && d.built.end >= from) d.built.end += delta;
  }
}
