// The arithmetic of DESIGN §4 "Metric math": intervals over range ends, rounding to a claim's own
// precision, and the ±1-in-the-last-digit tolerance.
import type { Interval, Quantity } from './types';
import { toBase } from './units';

/** The ends of a quantity (one value, or both ends of a range) in its dimension's base unit. */
export function baseEnds(q: Quantity): number[] {
  const ends = [q.value];
  if (q.high !== undefined) ends.push(q.high);
  return ends.map((v) => toBase(v, q.unit));
}

/** The middle of a quantity in base units: used for a single "expected" value when ranges are involved. */
export function baseMid(q: Quantity): number {
  return toBase(q.high === undefined ? q.value : (q.value + q.high) / 2, q.unit);
}

/** f over every combination of ends; undefined when no combination gives a finite value. */
export function overEnds(a: number[], b: number[], f: (a: number, b: number) => number): Interval | undefined {
  let min = Infinity;
  let max = -Infinity;
  for (const x of a) {
    for (const y of b) {
      const v = f(x, y);
      if (!Number.isFinite(v)) continue;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
  }
  return min <= max ? { min, max } : undefined;
}

export const relativePercent = (a: number, b: number): number => (a === 0 ? NaN : (Math.abs(b - a) / Math.abs(a)) * 100);
export const difference = (a: number, b: number): number => Math.abs(b - a);
export const ratio = (a: number, b: number): number => (a === 0 ? NaN : b / a);

export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  // Nudge by a relative epsilon so 44.45 rounds like a person would, not like 44.449999….
  return Math.round(x * f * (1 + Number.EPSILON * 4)) / f;
}

/**
 * Does a claim of `value` (written with `decimals` digits after the point) match a computed
 * interval? Both ends are rounded to the claim's precision and widened by one unit in its last
 * digit: a claim of 97% accepts 96–98, a claim of 44.4% accepts 44.3–44.5.
 */
export function claimMatches(value: number, decimals: number, computed: Interval | undefined, high?: number): boolean {
  if (!computed) return false;
  const unit = 10 ** -decimals;
  const eps = unit * 1e-6;
  const lo = roundTo(computed.min, decimals) - unit - eps;
  const hi = roundTo(computed.max, decimals) + unit + eps;
  const claimHigh = high ?? value;
  return claimHigh >= lo && value <= hi;
}

/** `1234.5` with 1 decimal and grouping gives `1,234.5`. */
export function formatNumber(x: number, decimals: number, grouping: boolean): string {
  const fixed = roundTo(x, decimals).toFixed(decimals);
  if (!grouping) return fixed;
  const [int, frac] = fixed.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sign + grouped + (frac !== undefined ? '.' + frac : '');
}

/** A short number for people: one decimal at most, none from 1000 up, no trailing `.0`. */
export function formatShort(x: number): string {
  if (Math.abs(x) >= 1000) return formatNumber(x, 0, true);
  const s = roundTo(x, 1).toFixed(1);
  return s.endsWith('.0') ? s.slice(0, -2) : s;
}
