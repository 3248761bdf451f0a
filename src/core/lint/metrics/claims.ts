// Claims attached to a pair — `(97% improvement)`, `3x faster`, `= $120K savings`,
// `Cut latency by 60% (450ms → 180ms)` — and whether they match the pair's own numbers.
import {
  baseEnds,
  baseMid,
  claimMatches,
  difference,
  formatNumber,
  overEnds,
  ratio,
  relativePercent,
} from './arithmetic';
import type { ClaimKind, Interval, MetricClaim, Quantity } from './types';
import { compatible, inheritUnit, toBase } from './units';
import { partitionPoint } from '../../util/partition';

/** Words that make a number after a pair a statement about the change. */
const CLAIM_WORD =
  '(?:reductions?|decreases?|drops?|declines?|cut|less|lower|fewer|cheaper|faster|quicker|shorter|smaller|slower|' +
  'improvements?|improved|increases?|increased|growth|gains?|more|higher|better|greater|larger|bigger|savings?|saved|' +
  'boost|uplift|lift|rise|jump|speed-?ups?|reduced|decreased|dropped|lowered|off|down|up)';
const CLAIM_WORD_AFTER_RE = new RegExp(`[ \\t]+${CLAIM_WORD}(?![\\p{L}\\p{N}])`, 'uy');
const CLAIM_WORD_ONLY_RE = new RegExp(`^[ \\t]+${CLAIM_WORD}[ \\t]*$`, 'iu');

/** A change word before the number: `reduced by 60%`, `a reduction of 60%`, `down 60%`, `saving $480/month`. */
const CLAIM_VERB_RE =
  /(?:reduced|decreased|dropped|cut|improved|increased|grew|boosted|lowered|raised|saved|saving|savings|reduction|decrease|improvement|increase|growth|drop|down|up|faster|slower|speedup|speed-up)(?:[ \t]+(?:of|by))?[ \t]+/iy;

const CONNECTOR_RE =
  /[ \t]*((?:(?:[([=,;:–—/]|-(?=[ \t]))[ \t]*)*)((?:(?:a|an|i\.e\.,?|e\.g\.,?|or|and|which is|which was|that's|that is|giving|resulting in|for|a total of|total|so)[ \t]+){0,2})/iy;
const APPROX_RE =
  /(?:(?:~|≈|about|approx\.?|approximately|roughly|nearly|almost|over|around|more than|up to|>|<|≥|≤)[ \t]*)?([+\-−↑↓▲▼]?)[ \t]*/iy;
const CLOSE_RE = /[ \t)\]]*/y;
const LEAD_WORD_RE = /[ \t]+([A-Za-z][\w'’-]*)/y;
const STOP_WORDS = new Set(['to', 'from', 'and', 'or', 'but', 'then', 'while', 'which', 'that', 'when', 'after', 'before', 'because', 'with', 'by']);

export interface RawClaim {
  start: number;
  end: number;
  kind: ClaimKind;
  quantity: Quantity;
}

interface Context {
  afterEquals: boolean;
  inParens: boolean;
}

function kindOf(q: Quantity): ClaimKind {
  if (q.unit.dimension === 'percent') return q.unit.symbol === 'pp' ? 'points' : 'percent';
  if (q.unit.dimension === 'multiplier') return 'ratio';
  return 'amount';
}

function claimAt(m: string, byStart: Map<number, Quantity>, at: number, ctx: Context): RawClaim | undefined {
  APPROX_RE.lastIndex = at;
  const approx = APPROX_RE.exec(m);
  let p = approx ? at + approx[0].length : at;
  const signed = !!approx?.[1];

  // `reduced by 60%`, `a reduction of 60%`
  CLAIM_VERB_RE.lastIndex = p;
  const verb = CLAIM_VERB_RE.exec(m);
  if (verb) {
    APPROX_RE.lastIndex = p + verb[0].length;
    const again = APPROX_RE.exec(m);
    const q = byStart.get(p + verb[0].length + (again ? again[0].length : 0));
    if (q && !q.words) return { start: p, end: q.end, kind: kindOf(q), quantity: q };
  }

  const q = byStart.get(p);
  if (!q || q.words) return undefined;
  const kind = kindOf(q);
  CLAIM_WORD_AFTER_RE.lastIndex = q.end;
  const word = CLAIM_WORD_AFTER_RE.exec(m);
  if (word) return { start: p, end: q.end + word[0].length, kind, quantity: q };
  // No word: a bare number only after `=`, or alone in parentheses as `(3x)` or `(−44%)`.
  const closes = /^[ \t]*[)\]]/.test(m.slice(q.end, q.end + 8));
  if (ctx.afterEquals || kind === 'points' || (ctx.inParens && closes && (kind === 'ratio' || (kind === 'percent' && signed)))) {
    p = q.start;
    return { start: p, end: q.end, kind, quantity: q };
  }
  return undefined;
}

function claimAfterConnector(m: string, byStart: Map<number, Quantity>, at: number, chained: boolean): RawClaim | undefined {
  CONNECTOR_RE.lastIndex = at;
  const c = CONNECTOR_RE.exec(m);
  if (!c) return undefined;
  const punct = c[1].replace(/[ \t]/g, '');
  if (chained && !punct && !c[2]) return undefined;
  return claimAt(m, byStart, at + c[0].length, {
    afterEquals: punct.includes('='),
    inParens: /[([]$/.test(punct),
  });
}

/** Claims right after a pair: up to three plain words, then a chain of claims (`= $120K savings (44.4% reduction)`). */
export function claimsAfter(m: string, byStart: Map<number, Quantity>, from: number): RawClaim[] {
  let p = from;
  let first: RawClaim | undefined;
  for (let words = 0; words <= 3 && !first; words++) {
    first = claimAfterConnector(m, byStart, p, false);
    if (first) break;
    LEAD_WORD_RE.lastIndex = p;
    const w = LEAD_WORD_RE.exec(m);
    if (!w || STOP_WORDS.has(w[1].toLowerCase())) return [];
    p += w[0].length;
  }
  if (!first) return [];
  const claims = [first];
  p = first.end;
  for (let i = 0; i < 4; i++) {
    CLOSE_RE.lastIndex = p;
    CLOSE_RE.exec(m);
    const next = claimAfterConnector(m, byStart, CLOSE_RE.lastIndex, true);
    if (!next) break;
    claims.push(next);
    p = next.end;
  }
  return claims;
}

/** A claim just before a parenthesised pair: `Cut p95 latency by 60% (450ms → 180ms)`, `3x faster (3s → 1s)`. */
export function claimBefore(m: string, quantities: Quantity[], outerStart: number, outerEnd: number): RawClaim | undefined {
  let i = outerStart - 1;
  while (i >= 0 && (m[i] === ' ' || m[i] === '\t')) i--;
  if (m[i] !== '(' && m[i] !== '[') return undefined;
  let j = outerEnd;
  while (j < m.length && (m[j] === ' ' || m[j] === '\t')) j++;
  if (m[j] !== ')' && m[j] !== ']') return undefined;
  let end = i;
  while (end > 0 && (m[end - 1] === ' ' || m[end - 1] === '\t')) end--;
  // The last quantity before the parenthesis (binary search: quantities are in order).
  const lo = partitionPoint(quantities.length, (i) => quantities[i].end <= end);
  const q: Quantity | undefined = lo > 0 ? quantities[lo - 1] : undefined;
  if (!q || q.words || end - q.end > 20) return undefined;
  const kind = kindOf(q);
  const between = m.slice(q.end, end);
  const lineStart = Math.max(m.lastIndexOf('\n', q.start) + 1, q.start - 30);
  const verbBefore = /(?:\bby|\bof|\bdown|\bup|\bsaved|\bsaving|\bcut)[ \t]*[~≈]?[ \t]*$/i.test(m.slice(lineStart, q.start));
  if (CLAIM_WORD_ONLY_RE.test(between)) return { start: q.start, end: q.end + between.trimEnd().length, kind, quantity: q };
  if (between.trim() === '' && (verbBefore || kind === 'ratio')) return { start: q.start, end: q.end, kind, quantity: q };
  return undefined;
}

function magnitudeFactor(q: Quantity): number {
  return q.magnitude === 'K' ? 1e3 : q.magnitude === 'M' ? 1e6 : q.magnitude === 'B' ? 1e9 : 1;
}

const NUMBER_IN_TEXT = /(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[ \t]*[-–][ \t]*[$€£]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)?/;

/** The claim's value text with its number replaced by `x`, keeping the claim's own format. */
function rewrite(valueText: string, x: number, decimals: number): string {
  const n = NUMBER_IN_TEXT.exec(valueText);
  if (!n) return valueText;
  const grouping = n[0].includes(',');
  return valueText.slice(0, n.index) + formatNumber(x, decimals, grouping) + valueText.slice(n.index + n[0].length);
}

/**
 * Checks a claim against its pair, as DESIGN §4 says: |B−A|/A for percentages (or the difference in
 * points when both sides are percentages), B/A or A/B for multipliers, |B−A| for amounts; over every
 * combination of range ends; rounded to the claim's precision with ±1 in its last digit.
 * Returns undefined when the "claim" is not about this pair (an amount in another unit).
 */
export function evaluateClaim(raw: RawClaim, before: Quantity, after: Quantity, original: string): MetricClaim | undefined {
  const q = raw.quantity;
  const A = baseEnds(before);
  const B = baseEnds(after);
  const aMid = baseMid(before);
  const bMid = baseMid(after);
  let value = q.value;
  let high = q.high;
  let computed: Interval | undefined;
  let holds: boolean | undefined;
  let expectedValue: number | undefined;

  switch (raw.kind) {
    case 'percent':
    case 'points': {
      const rel = raw.kind === 'percent' ? overEnds(A, B, relativePercent) : undefined;
      const pts = before.unit.dimension === 'percent' ? overEnds(A, B, difference) : undefined;
      const relOk = claimMatches(value, q.decimals, rel, high);
      const ptsOk = claimMatches(value, q.decimals, pts, high);
      if (rel || pts) holds = relOk || ptsOk;
      const usePoints = (ptsOk && !relOk) || !rel;
      computed = usePoints ? pts : rel;
      if (computed) expectedValue = usePoints ? difference(aMid, bMid) : relativePercent(aMid, bMid);
      break;
    }
    case 'ratio': {
      const up = overEnds(A, B, ratio);
      const down = overEnds(A, B, (a, b) => ratio(b, a));
      const upOk = claimMatches(value, q.decimals, up, high);
      const downOk = claimMatches(value, q.decimals, down, high);
      if (up || down) holds = upOk || downOk;
      const upMid = ratio(aMid, bMid);
      const downMid = ratio(bMid, aMid);
      let useDown: boolean;
      if (downOk !== upOk) useDown = downOk;
      else useDown = value >= 1 ? downMid > upMid : downMid < upMid;
      computed = useDown ? down : up;
      const e = useDown ? downMid : upMid;
      if (Number.isFinite(e)) expectedValue = e;
      break;
    }
    case 'amount': {
      const unit = inheritUnit(q.unit, before.unit);
      if (!compatible(unit, before.unit)) return undefined;
      const scale = toBase(magnitudeFactor(q), unit);
      value = q.value / magnitudeFactor(q);
      high = q.high === undefined ? undefined : q.high / magnitudeFactor(q);
      const diff = overEnds(A, B, difference);
      computed = diff && { min: diff.min / scale, max: diff.max / scale };
      holds = claimMatches(value, q.decimals, computed, high);
      expectedValue = difference(aMid, bMid) / scale;
      break;
    }
  }

  const claim: MetricClaim = {
    start: raw.start,
    end: raw.end,
    text: original.slice(raw.start, raw.end),
    kind: raw.kind,
    value,
    decimals: q.decimals,
    valueStart: q.start,
    valueEnd: q.end,
    valueText: original.slice(q.start, q.end),
    holds,
  };
  if (computed) claim.computed = computed;
  if (expectedValue !== undefined && Number.isFinite(expectedValue)) {
    claim.expected = rewrite(claim.valueText, expectedValue, q.decimals);
  }
  return claim;
}
