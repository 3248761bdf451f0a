// The heading outline of a document: which heading section holds each label, question and comment.
// Label headings (`### Situation`) and follow-up sections are not containers: a label heading's
// label belongs to the nearest container above it, and nothing inside a follow-up section is a label.
import type { HeadingFact, LabelFact, Span, TextFact } from '../read/chunkReader';
import type { DocumentFactsView } from '../read/documentFacts';
import type { LabelKind } from '../read/lexicon';
import { isFollowUpHeading, isGenericHeading } from '../read/lexicon';
import { partitionPoint } from '../util/partition';

export interface LabelCandidate extends Span {
  form: 'heading' | 'bold' | 'list' | 'table';
  kind: LabelKind;
  keyword: string;
  text: string;
  contentStart: number;
  /** The heading level, for heading labels. */
  depth?: number;
  /** The title of the table row the label is in, when each row is a story. */
  rowTitle?: string;
}

export interface FollowUpSection extends Span {
  questions: TextFact[];
}

export type MetaFact = Span & { key: 'tags' | 'question'; value: string };

export interface Container extends Span {
  heading?: HeadingFact;
  parent?: Container;
  children: Container[];
  labels: LabelCandidate[];
  meta: MetaFact[];
  optIn: boolean;
  generic: boolean;
}

interface Entry extends Span {
  kind: 'container' | 'label' | 'ignored' | 'followUp';
  depth: number;
  parent?: Entry;
  container?: Container;
  section?: FollowUpSection;
}

export interface Outline {
  root: Container;
  /** Every follow-up section, in document order. */
  followUps: FollowUpSection[];
}

function nearestContainer(entry: Entry | undefined): Container {
  let e = entry;
  while (e && !e.container) e = e.parent;
  if (!e?.container) throw new Error('outline has no root container');
  return e.container;
}

function nearestFollowUp(entry: Entry | undefined): FollowUpSection | undefined {
  for (let e = entry; e; e = e.parent) if (e.section) return e.section;
  return undefined;
}

/** The facts an outline is built from, in document offsets. The outline keeps them (and moves them after an edit). */
export interface OutlineInput {
  start: number;
  end: number;
  headings: HeadingFact[];
  labels: LabelFact[];
  questions: TextFact[];
  meta: MetaFact[];
  optIns: number[];
}

/** The outline facts of `facts` that start in `[start, end)`, copies in document offsets. */
export function outlineFacts(facts: DocumentFactsView, start: number, end: number): OutlineInput {
  const inside = <T extends { start: number }>(items: T[]) => items.filter((f) => f.start >= start && f.start < end);
  return {
    start,
    end,
    headings: inside(facts.between('headings', start, end)),
    labels: inside(facts.between('labels', start, end)),
    questions: inside(facts.between('questions', start, end)),
    meta: inside(facts.between('meta', start, end)),
    optIns: inside(facts.between('comments', start, end)).filter((c) => /^star-story$/i.test(c.comment)).map((c) => c.start),
  };
}

/**
 * The lists of a section that has none yet: most sections (every one of 100 000 headings) hold no
 * label, meta line or sub-section, so each gets its own list on its first item (`add`).
 */
const NONE: never[] = Object.freeze([]) as never[];

function add<K extends 'children' | 'labels' | 'meta'>(container: Container, key: K, item: Container[K][number]): void {
  if (container[key] === NONE) container[key] = [] as Container[K];
  (container[key] as Container[K][number][]).push(item);
}

export function buildOutline(input: OutlineInput): Outline {
  const root: Container = { start: input.start, end: input.end, children: NONE, labels: NONE, meta: NONE, optIn: false, generic: false };
  const rootEntry: Entry = { kind: 'container', depth: 0, start: input.start, end: input.end, container: root };
  const entries: Entry[] = [];
  const followUps: FollowUpSection[] = [];
  const stack: Entry[] = [rootEntry];
  const close = (entry: Entry, end: number) => {
    entry.end = end;
    if (entry.container) entry.container.end = end;
    if (entry.section) entry.section.end = end;
  };

  for (const h of input.headings) {
    while (stack.length > 1 && stack[stack.length - 1].depth >= h.depth) close(stack.pop()!, h.start);
    const parent = stack[stack.length - 1];
    const entry: Entry = { kind: 'container', depth: h.depth, start: h.start, end: input.end, parent };
    if (parent.kind === 'followUp' || parent.kind === 'ignored') {
      entry.kind = 'ignored';
    } else if (isFollowUpHeading(h.text)) {
      entry.kind = 'followUp';
      entry.section = { start: h.start, end: input.end, questions: [] };
      followUps.push(entry.section);
    } else if (h.label) {
      const { kind, keyword, text } = h.label;
      add(nearestContainer(parent), 'labels', { form: 'heading', kind, keyword, text, start: h.start, end: h.end, contentStart: h.end, depth: h.depth });
      entry.kind = 'label';
    } else {
      const group = nearestContainer(parent);
      entry.container = {
        start: h.start, end: input.end, heading: h, parent: group, children: NONE, labels: NONE, meta: NONE, optIn: false,
        generic: isGenericHeading(h.text),
      };
      add(group, 'children', entry.container);
    }
    entries.push(entry);
    stack.push(entry);
  }
  while (stack.length > 1) close(stack.pop()!, input.end);

  /** The innermost heading section holding `offset`. */
  const holder = (offset: number): Entry => {
    const found = partitionPoint(entries.length, (i) => entries[i].start <= offset) - 1;
    let e: Entry | undefined = found === -1 ? rootEntry : entries[found];
    while (e && e !== rootEntry && e.end <= offset) e = e.parent;
    return e ?? rootEntry;
  };

  for (const label of input.labels) {
    const e = holder(label.start);
    if (!nearestFollowUp(e)) add(nearestContainer(e), 'labels', label);
  }
  for (const q of input.questions) nearestFollowUp(holder(q.start))?.questions.push(q);
  for (const m of input.meta) {
    const e = holder(m.start);
    if (!nearestFollowUp(e)) add(nearestContainer(e), 'meta', m);
  }
  for (const offset of input.optIns) {
    const e = holder(offset);
    if (!nearestFollowUp(e)) nearestContainer(e).optIn = true;
  }
  return { root, followUps };
}
