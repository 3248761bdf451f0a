// A document's facts, kept where they were read: per chunk, relative to the chunk. Rules ask for the
// facts of a range (`between`), which touches only the chunks in that range, so linting a story after
// an edit costs what the story costs. The whole-document arrays are built only when asked for.
import type { ChunkFacts } from './chunkReader';
import { partitionPoint } from '../util/partition';

export type FactKey = keyof ChunkFacts;

export const FACT_KEYS = ['headings', 'labels', 'questions', 'meta', 'comments', 'prose', 'code'] as const satisfies readonly FactKey[];

export interface DocumentFactsView extends ChunkFacts {
  bodyStart: number;
  /** The facts of kind `key` that overlap `[start, end)`, in document order and document offsets. */
  between<K extends FactKey>(key: K, start: number, end: number): ChunkFacts[K];
}

type Located = { start: number; end: number; contentStart?: number };

/** A chunk-relative fact moved into document offsets (the cached original stays relative). */
export function shiftFact<T extends Located>(item: T, by: number): T {
  return item.contentStart === undefined
    ? { ...item, start: item.start + by, end: item.end + by }
    : { ...item, start: item.start + by, end: item.end + by, contentStart: item.contentStart + by };
}

/** The document's chunks: where each starts, and its facts of a kind (chunk-relative; empty when it has none or was not read). */
export interface FactSource {
  count: number;
  start(chunk: number): number;
  facts<K extends FactKey>(chunk: number, key: K): ChunkFacts[K];
}

/** The whole-document arrays each view has gathered so far. */
const GATHERED = new WeakMap<DocumentFactsView, Map<FactKey, Located[]>>();

/** The facts a quiet chunk read later cannot add to: an array of them gathered before stays true. */
const KNOWN_BEFORE_READING: ReadonlySet<FactKey> = new Set(['headings', 'labels', 'questions', 'meta', 'comments']);

/**
 * The view of the last analysis of the same text before an edit, and the edit: the text changed only in
 * `[start, oldEnd)` of the old text, `[start, newEnd)` of the new, and chunks start at both ends.
 */
export interface EarlierFacts {
  view: DocumentFactsView;
  change: { start: number; oldEnd: number; newEnd: number };
}

export function factsView(source: FactSource, bodyStart: number, earlier?: EarlierFacts): DocumentFactsView {
  const gathered = new Map<FactKey, Located[]>();
  /** Items of `key` from the chunks that start in `[from, to)`. */
  const gather = (key: FactKey, found: Located[], from: number, to: number) => {
    for (let i = Math.max(0, lastAtOrBefore(source, from)); i < source.count && source.start(i) < to; i++) {
      if (source.start(i) < from) continue;
      const items = source.facts(i, key) as Located[];
      for (let k = 0; k < items.length; k++) found.push(shiftFact(items[k], source.start(i)));
    }
  };
  const all = (key: FactKey): Located[] => {
    let found = gathered.get(key);
    if (found) return found;
    found = [];
    const before = earlier && KNOWN_BEFORE_READING.has(key) ? GATHERED.get(earlier.view)?.get(key) : undefined;
    if (before && earlier) {
      // Kept before the change, read again in it, moved after it.
      const { start, oldEnd, newEnd } = earlier.change;
      let i = 0;
      for (; i < before.length && before[i].start < start; i++) found.push(before[i]);
      gather(key, found, start, newEnd);
      while (i < before.length && before[i].start < oldEnd) i++;
      for (; i < before.length; i++) found.push(shiftFact(before[i], newEnd - oldEnd));
    } else gather(key, found, -Infinity, Infinity);
    gathered.set(key, found);
    return found;
  };
  const view = {
    bodyStart,
    between<K extends FactKey>(key: K, start: number, end: number): ChunkFacts[K] {
      const out: Located[] = [];
      for (let i = Math.max(0, lastAtOrBefore(source, start)); i < source.count && source.start(i) < end; i++) {
        const base = source.start(i);
        for (const item of source.facts(i, key) as Located[]) {
          if (item.start + base < end && item.end + base > start) out.push(shiftFact(item, base));
        }
      }
      return out as ChunkFacts[K];
    },
  } as DocumentFactsView;
  for (const key of FACT_KEYS) Object.defineProperty(view, key, { enumerable: true, get: () => all(key) });
  GATHERED.set(view, gathered);
  return view;
}

/** Facts already in document offsets (one chunk at 0): what the extension host rebuilds from the worker's answer. */
export function flatFacts(facts: ChunkFacts, bodyStart: number): DocumentFactsView {
  return factsView({ count: 1, start: () => 0, facts: (_, key) => facts[key] }, bodyStart);
}

/** Index of the last chunk that starts at or before `offset` (-1 when none does). */
function lastAtOrBefore(source: FactSource, offset: number): number {
  return partitionPoint(source.count, (i) => source.start(i) <= offset) - 1;
}
