// findMetricChanges: pairs + their claims + the computed change, for STAR006 and the metric hover.
import { baseEnds, difference, overEnds, ratio, relativePercent } from './arithmetic';
import { claimBefore, claimsAfter, evaluateClaim } from './claims';
import { maskMarkup } from './markup';
import { ARROW_RE, findPairs } from './pairs';
import { findQuantitiesMasked } from './quantity';
import type { MetricChange, MetricClaim, Quantity } from './types';
import { memoise, SECTION_TEXTS } from '../../util/memo';

/**
 * Every pair starts at an arrow or at `from` (`to B from A` too), and masking markup only blanks
 * characters, so a text with neither holds no change: most sections, which are then not scanned for
 * quantities at all. (Case-insensitive, and `from` inside a word counts: it only has to let every pair through.)
 */
const PAIR_HINT = new RegExp(`${ARROW_RE.source}|from`, 'i');

/**
 * Every stated change in `text` (`A → B`, `from A to B`, …) with its numbers, the claims attached to
 * it and whether they hold. Pairs without a claim are returned too (`holds` undefined).
 * Remembered per text: after an edit, only the sections whose text changed are read again.
 */
export const findMetricChanges = memoise(readMetricChanges, SECTION_TEXTS);

/** What `findMetricChanges` answers. */
function readMetricChanges(text: string): MetricChange[] {
  if (!PAIR_HINT.test(text)) return [];
  const masked = maskMarkup(text);
  const quantities = findQuantitiesMasked(masked, text);
  if (quantities.length < 2) return [];
  const byStart = new Map<number, Quantity>(quantities.map((q) => [q.start, q]));
  const changes: MetricChange[] = [];

  for (const pair of findPairs(masked, quantities)) {
    const { before, after } = pair;
    const A = baseEnds(before);
    const B = baseEnds(after);
    const start = Math.min(before.start, after.start);
    const end = Math.max(before.end, after.end);

    let raws = claimsAfter(masked, byStart, pair.outerEnd);
    if (raws.length === 0) {
      const b = claimBefore(masked, quantities, pair.outerStart, pair.outerEnd);
      if (b) raws = [b];
    }
    // A claim is never one of the pair's own numbers (`10% → 50% → 100%`).
    const own = new Set([before.start, after.start]);
    const claims = raws
      .filter((r) => !own.has(r.quantity.start))
      .map((r) => evaluateClaim(r, before, after, text))
      .filter((c): c is MetricClaim => c !== undefined);

    const aSum = A.reduce((s, x) => s + x, 0) / A.length;
    const bSum = B.reduce((s, x) => s + x, 0) / B.length;
    const change: MetricChange = {
      start,
      end,
      text: text.slice(start, end),
      form: pair.form,
      before,
      after,
      direction: bSum > aSum ? 'up' : bSum < aSum ? 'down' : 'same',
      claims,
      holds: aggregate(claims),
    };
    const rel = overEnds(A, B, relativePercent);
    if (rel) change.relativePercent = rel;
    const r = overEnds(A, B, ratio);
    if (r) change.ratio = r;
    if (before.unit.dimension === 'percent') {
      const pts = overEnds(A, B, difference);
      if (pts) change.points = pts;
    }
    changes.push(change);
  }
  return changes;
}

function aggregate(claims: MetricClaim[]): boolean | undefined {
  if (claims.some((c) => c.holds === false)) return false;
  if (claims.some((c) => c.holds === true)) return true;
  return undefined;
}
