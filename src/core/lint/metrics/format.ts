// A short human sentence for a metric hover: "60 s → 2 s: 96.7% lower (claim 97% holds)".
import { formatNumber, formatShort } from './arithmetic';
import type { Interval, MetricChange, MetricClaim, Quantity } from './types';

function magnitudeFactor(q: Quantity): number {
  return q.magnitude === 'K' ? 1e3 : q.magnitude === 'M' ? 1e6 : q.magnitude === 'B' ? 1e9 : 1;
}

function formatValue(q: Quantity, v: number): string {
  return formatNumber(v / magnitudeFactor(q), q.decimals, Math.abs(v / magnitudeFactor(q)) >= 1000) + (q.magnitude ?? '');
}

/** A quantity in a normalised form: `60 s`, `$270K`, `85%`, `1–2 per week`, `6.2/10`. */
export function formatQuantity(q: Quantity): string {
  const u = q.unit;
  let n = formatValue(q, q.value);
  if (q.high !== undefined) n += '–' + formatValue(q, q.high);
  let s: string;
  switch (u.dimension) {
    case 'percent':
      s = u.symbol === 'pp' ? `${n} pp` : `${n}%`;
      break;
    case 'money':
      s = `${u.currency || '$'}${n}`;
      break;
    case 'multiplier':
      s = `${n}×`;
      break;
    case 'duration':
    case 'data':
      s = `${n} ${u.symbol}`;
      break;
    default:
      s = u.outOf !== undefined ? `${n}/${u.outOf}` : n;
  }
  if (u.per) s += ` per ${u.per.name}`;
  return s;
}

function formatInterval(i: Interval, suffix: string): string {
  const lo = formatShort(i.min);
  const hi = formatShort(i.max);
  return lo === hi ? `${lo}${suffix}` : `${lo}–${hi}${suffix}`;
}

function formatClaim(c: MetricClaim): string {
  if (c.holds === undefined) return `claim ${c.valueText} cannot be checked`;
  if (c.holds) return `claim ${c.valueText} holds`;
  return c.expected ? `claim ${c.valueText} should be ${c.expected}` : `claim ${c.valueText} does not hold`;
}

/** One line for a hover: the pair, its computed change, and each claim's verdict. */
export function formatChange(change: MetricChange): string {
  const head = `${formatQuantity(change.before)} → ${formatQuantity(change.after)}`;
  let body: string;
  if (change.direction === 'same') body = 'no change';
  else if (!change.relativePercent) body = change.direction === 'up' ? 'up from zero' : 'down to zero';
  else body = `${formatInterval(change.relativePercent, '%')} ${change.direction === 'up' ? 'higher' : 'lower'}`;
  if (change.points && change.direction !== 'same') {
    body += ` (${change.direction === 'up' ? '+' : '−'}${formatInterval(change.points, ' points')})`;
  }
  const claims = change.claims.length ? ` (${change.claims.map(formatClaim).join('; ')})` : '';
  return `${head}: ${body}${claims}`;
}
