// Before→after pairs: `A → B`, `A -> B`, `A => B`, `from A to B`, `to B from A`, and the arrows
// that mojibake makes of `→` (`â†’` read as Windows-1252, `‚Üí` read as Mac Roman).
import type { Quantity } from './types';
import { compatible, inheritUnit } from './units';
import { partitionPoint } from '../../util/partition';

export interface Pair {
  before: Quantity;
  after: Quantity;
  form: 'arrow' | 'from-to' | 'to-from';
  /** Where the pair's own wording starts (`from`, or `before.start`). */
  outerStart: number;
  /** Where its wording ends (`after.end`, or the end of `from A` in the to-from form). */
  outerEnd: number;
}

/** Arrows, longest first. `â†’` and `‚Üí` are `→` decoded with the wrong code page. */
export const ARROW_RE = /-->|—>|–>|->|==>|=>|→|⟶|⇒|➔|➜|➡️?|⮕|&rarr;|&#8594;|â†’|‚Üí/g;

/** Between a quantity and the arrow after it: up to three words, no punctuation (`10,000 Zoho calls →`). */
const BEFORE_ARROW_GAP = /^(?:[ \t]+[A-Za-z][\w'’.-]*){0,3}[ \t]*$/;
/** Between an arrow (or `to`) and the quantity after it. */
const AFTER_ARROW_GAP = /^[ \t~≈<>≤≥]*$/;
const WORD_RE = /[ \t]+([A-Za-z][\w'’-]*)/y;

class QuantityIndex {
  constructor(readonly quantities: Quantity[]) {}

  /** The first quantity starting at or after `at`. */
  firstFrom(at: number): Quantity | undefined {
    return this.quantities[partitionPoint(this.quantities.length, (i) => this.quantities[i].start < at)];
  }

  /** The last quantity ending at or before `at`. */
  lastBefore(at: number): Quantity | undefined {
    const lo = partitionPoint(this.quantities.length, (i) => this.quantities[i].end <= at);
    return lo > 0 ? this.quantities[lo - 1] : undefined;
  }
}

/** The quantity right after `at` (spaces, `~`, `<` allowed between). */
function quantityRightAfter(m: string, index: QuantityIndex, at: number): Quantity | undefined {
  const q = index.firstFrom(at);
  if (!q || q.start - at > 12) return undefined;
  return AFTER_ARROW_GAP.test(m.slice(at, q.start)) ? q : undefined;
}

/**
 * Walks up to `maxWords` words after `at` looking for `keyword` (`to`, `from`); returns the offset just
 * after it. Words are letters only, so a number or punctuation stops the walk.
 */
function keywordAfter(m: string, at: number, keyword: string, maxWords: number): number | undefined {
  let p = at;
  for (let i = 0; i <= maxWords; i++) {
    WORD_RE.lastIndex = p;
    const w = WORD_RE.exec(m);
    if (!w) return undefined;
    p += w[0].length;
    const word = w[1].toLowerCase();
    if (word === keyword) return p;
    if (['to', 'from', 'and', 'or', 'but', 'then', 'while', 'than', 'vs', 'versus'].includes(word)) return undefined;
  }
  return undefined;
}

/** Gives both sides a common unit (`10 → 30 jobs per hour`); undefined when they measure different things. */
function unify(before: Quantity, after: Quantity): [Quantity, Quantity] | undefined {
  const b = { ...before, unit: inheritUnit(before.unit, after.unit) };
  const a = { ...after, unit: inheritUnit(after.unit, b.unit) };
  if (!compatible(b.unit, a.unit)) return undefined;
  return [b, a];
}

export function findPairs(masked: string, quantities: Quantity[]): Pair[] {
  const index = new QuantityIndex(quantities);
  const pairs: Pair[] = [];
  const seen = new Set<string>();
  const add = (before: Quantity, after: Quantity, form: Pair['form'], outerStart: number, outerEnd: number): void => {
    const key = `${before.start}:${after.start}`;
    if (seen.has(key)) return;
    const unified = unify(before, after);
    if (!unified) return;
    seen.add(key);
    pairs.push({ before: unified[0], after: unified[1], form, outerStart, outerEnd });
  };

  const arrows = new RegExp(ARROW_RE.source, 'g');
  let match: RegExpExecArray | null;
  while ((match = arrows.exec(masked))) {
    const arrowStart = match.index;
    const arrowEnd = arrowStart + match[0].length;
    const after = quantityRightAfter(masked, index, arrowEnd);
    if (!after) continue;
    const before = index.lastBefore(arrowStart);
    if (!before || arrowStart - before.end > 60) continue;
    if (!BEFORE_ARROW_GAP.test(masked.slice(before.end, arrowStart))) continue;
    add(before, after, 'arrow', before.start, after.end);
  }

  const fromRe = /\bfrom\b/gi;
  while ((match = fromRe.exec(masked))) {
    const before = quantityRightAfter(masked, index, match.index + match[0].length);
    if (!before) continue;
    const toEnd = keywordAfter(masked, before.end, 'to', 3);
    if (toEnd === undefined) continue;
    const after = quantityRightAfter(masked, index, toEnd);
    if (!after) continue;
    add(before, after, 'from-to', match.index, after.end);
  }

  const toRe = /\bto\b/gi;
  while ((match = toRe.exec(masked))) {
    const after = quantityRightAfter(masked, index, match.index + match[0].length);
    if (!after) continue;
    const fromEnd = keywordAfter(masked, after.end, 'from', 3);
    if (fromEnd === undefined) continue;
    const before = quantityRightAfter(masked, index, fromEnd);
    if (!before || pairs.some((p) => p.after.start === after.start || p.before.start === before.start)) continue;
    add(before, after, 'to-from', match.index, before.end);
  }

  return pairs.sort((x, y) => x.outerStart - y.outerStart || x.after.start - y.after.start);
}
