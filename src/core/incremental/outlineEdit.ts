// The outline after an edit, rebuilt only around the edit. The window rebuilt is a run of adjacent
// heading sections under one container P, from the first that the edit touches to the last: nothing
// in the window belongs to P itself or above it (no label, meta line or opt-in comment of P's, no
// heading as shallow as P's), so what the window holds changes nothing outside it. When the edit
// reaches P's own text, or the rebuilt window would not fit (a label or a shallower heading typed in
// it, a heading after it that no longer closes it), the window grows to P's whole section, one level
// up, and so on; at the top the whole outline is rebuilt.
import type { HeadingFact } from '../read/chunkReader';
import { buildOutline, type Container, type FollowUpSection, type Outline, type OutlineInput } from '../stories/outline';
import { partitionPoint } from '../util/partition';

/** The part of the text an edit changed: `[start, oldEnd)` of the old text is `[start, newEnd)` of the new. */
export interface Change {
  start: number;
  oldEnd: number;
  newEnd: number;
}

export interface OutlineEdit {
  /** Where the rebuilt window starts, and where it ended in the old text. */
  start: number;
  oldEnd: number;
  /** The section the window is in. */
  parent: Container;
  /** The sections that replaced the window's, in new offsets. */
  containers: Container[];
}

/** Reads the new text's outline facts that start in `[start, end)`. */
export type ReadOutline = (start: number, end: number) => OutlineInput;

function depthOf(container: Container): number {
  return container.heading?.depth ?? 0;
}

/** Index of the first of the ascending `items` that ends after `offset`. */
function firstEndingAfter(items: readonly Container[], offset: number): number {
  return partitionPoint(items.length, (i) => items[i].end <= offset);
}

/** The deepest container whose heading is before `start` and whose section reaches `end`. */
function deepestAround(root: Container, start: number, end: number): Container {
  let at = root;
  for (;;) {
    const child = at.children[firstEndingAfter(at.children, start)];
    if (!child || child.start >= start || child.end < end) return at;
    at = child;
  }
}

/**
 * Updates `outline` (in place) for the new text, or returns undefined when only a rebuild of the whole
 * outline will do. `headingAt` gives the new text's heading that starts at an offset, if any.
 */
export function editOutline(outline: Outline, change: Change, read: ReadOutline, headingAt: (offset: number) => HeadingFact | undefined): OutlineEdit | undefined {
  const delta = change.newEnd - change.oldEnd;
  let start = change.start;
  let end = change.oldEnd;
  for (let parent: Container | undefined = deepestAround(outline.root, start, end); parent; parent = parent.parent) {
    const window = windowIn(parent, start, end);
    const rebuilt = window && rebuild(parent, window, delta, read, headingAt);
    if (window && rebuilt) {
      const [first, last] = [window.first, window.last];
      // Moved before the rebuilt sections (in new offsets already) go in; the window's old ones move too, to be dropped.
      moveContainer(outline.root, change.oldEnd, delta);
      parent.children.splice(first, last - first + 1, ...rebuilt.root.children);
      for (const c of rebuilt.root.children) c.parent = parent;
      outline.followUps = spliceFollowUps(outline.followUps, window.start, window.end, rebuilt.followUps, delta);
      return { start: window.start, oldEnd: window.end, parent, containers: rebuilt.root.children };
    }
    // The edit reaches this container's own text or changes its shape: rebuild it whole, one level up.
    start = Math.min(start, parent.start);
    end = Math.max(end, parent.end);
  }
  return undefined;
}

/** The adjacent children of `parent` that cover `[start, end)`, if they do and nothing of `parent`'s own is in between. */
interface Window {
  /** The first and last child of the parent in the window. */
  first: number;
  last: number;
  /** Old offsets. */
  start: number;
  end: number;
}

function windowIn(parent: Container, start: number, end: number): Window | undefined {
  // A container's heading labels are checked against the sections beside them (an RFC's outline is not a story).
  if (parent.labels.some((l) => l.form === 'heading')) return undefined;
  const children = parent.children;
  const first = firstEndingAfter(children, start);
  if (first >= children.length || children[first].start > start) return undefined;
  let last = first;
  while (children[last].end < end) {
    if (last + 1 >= children.length || children[last + 1].start !== children[last].end) return undefined;
    last++;
  }
  // A generic section's stories are `parent`'s: they would not go with the window.
  for (let i = first; i <= last; i++) if (children[i].generic) return undefined;
  return { first, last, start: children[first].start, end: children[last].end };
}

/**
 * The outline of the new text's part of `window` under `parent`, if it fits there as the old window did:
 * it starts with a heading no deeper than the old one (so it closes what that one closed), holds
 * nothing of `parent`'s, and the heading after it closes it.
 */
function rebuild(parent: Container, window: Window, delta: number, read: ReadOutline, headingAt: (offset: number) => HeadingFact | undefined): Outline | undefined {
  const end = window.end + delta;
  const input = read(window.start, end);
  const first = input.headings[0];
  const floor = depthOf(parent);
  if (first?.start !== window.start || first.depth > depthOf(parent.children[window.first])) return undefined;
  if (input.headings.some((h) => h.depth <= floor)) return undefined;
  // The depth of the last section directly under `parent`: the heading after the window must close it.
  let top = Infinity;
  for (const h of input.headings) if (h.depth <= top) top = h.depth;
  const next = headingAt(end);
  if (next && next.depth > top) return undefined;
  const outline = buildOutline(input);
  const { root } = outline;
  // Labels, meta lines and opt-ins directly in the window would be `parent`'s; a generic section's stories are its parent's.
  if (root.labels.length || root.meta.length || root.optIn || root.children.some((c) => c.generic)) return undefined;
  return outline;
}

/**
 * Moves every offset at or after `from` by `delta`, in `container` and below. It runs on every
 * keystroke over the outline after the edit: indexed loops, no closure per offset or label.
 */
function moveContainer(container: Container, from: number, delta: number): void {
  if (container.end < from) return;
  if (container.start >= from) container.start += delta;
  if (container.end >= from) container.end += delta;
  const heading = container.heading;
  if (heading && heading.start >= from) {
    heading.start += delta;
    heading.end += delta;
  }
  const { labels, meta, children } = container;
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i];
    if (l.start < from) continue;
    l.start += delta;
    l.end += delta;
    l.contentStart += delta;
  }
  for (let i = 0; i < meta.length; i++) {
    const m = meta[i];
    if (m.start < from) continue;
    m.start += delta;
    m.end += delta;
  }
  // Children are in order: those that end before `from` do not move.
  for (let i = partitionPoint(children.length, (k) => children[k].end < from); i < children.length; i++) moveContainer(children[i], from, delta);
}

/** The follow-up sections with the window's replaced by `rebuilt`, those after it moved. */
function spliceFollowUps(all: FollowUpSection[], start: number, end: number, rebuilt: FollowUpSection[], delta: number): FollowUpSection[] {
  // A section before the window ends at or before it; one after it is moved whole.
  const before = all.filter((f) => f.start < start);
  const after = all.filter((f) => f.start >= end);
  for (const f of after) {
    f.start += delta;
    f.end += delta;
    for (const q of f.questions) {
      q.start += delta;
      q.end += delta;
    }
  }
  return [...before, ...rebuilt, ...after];
}
