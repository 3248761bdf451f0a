// Unit tables: durations, data sizes, rate periods, magnitudes, and how two units compare.
import type { RatePer, Unit } from './types';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const YEAR = 365.25 * DAY;
const MONTH = YEAR / 12;
const QUARTER = YEAR / 4;

interface DurationUnit {
  symbol: string;
  ms: number;
}

const NS: DurationUnit = { symbol: 'ns', ms: 1e-6 };
const US: DurationUnit = { symbol: 'µs', ms: 1e-3 };
const MS: DurationUnit = { symbol: 'ms', ms: 1 };
const S: DurationUnit = { symbol: 's', ms: SECOND };
const MIN: DurationUnit = { symbol: 'min', ms: MINUTE };
const H: DurationUnit = { symbol: 'h', ms: HOUR };
const D: DurationUnit = { symbol: 'days', ms: DAY };
const W: DurationUnit = { symbol: 'weeks', ms: WEEK };
const MO: DurationUnit = { symbol: 'months', ms: MONTH };
const Q: DurationUnit = { symbol: 'quarters', ms: QUARTER };
const Y: DurationUnit = { symbol: 'years', ms: YEAR };

/** Duration words, lower-cased. Single letters are handled separately (they need to touch the number). */
const DURATION_WORDS: Record<string, DurationUnit> = {
  ns: NS, nanosecond: NS, nanoseconds: NS,
  'µs': US, 'μs': US, us: US, microsecond: US, microseconds: US,
  ms: MS, msec: MS, msecs: MS, millisecond: MS, milliseconds: MS,
  sec: S, secs: S, second: S, seconds: S,
  min: MIN, mins: MIN, minute: MIN, minutes: MIN,
  hr: H, hrs: H, hour: H, hours: H,
  day: D, days: D,
  wk: W, wks: W, week: W, weeks: W,
  mo: MO, mos: MO, mth: MO, mths: MO, month: MO, months: MO,
  quarter: Q, quarters: Q,
  yr: Y, yrs: Y, year: Y, years: Y,
};

/** A duration unit written right after a number or after one space: `500ms`, `1.8 s`, `2 hours`, `4H`, `30MIN`. */
export function durationUnit(word: string, touching: boolean): DurationUnit | undefined {
  if (word.length === 1) {
    // Single letters only when they touch the number; `m` is minutes only without a currency (checked by the caller).
    if (word === 's' || word === 'h' || word === 'H') return word === 's' ? S : H;
    if (!touching) return undefined;
    if (word === 'm') return MIN;
    if (word === 'd') return D;
    if (word === 'w') return W;
    if (word === 'y') return Y;
    return undefined;
  }
  const lower = word.toLowerCase();
  // `MS`, `MIN`, `HOURS` in shouting headings are fine; `Mo`/`MO` is too odd to guess at.
  return DURATION_WORDS[lower];
}

export function durationUnitOf(symbol: string): Unit {
  const u = Object.values(DURATION_WORDS).find((d) => d.symbol === symbol) ?? S;
  return { dimension: 'duration', symbol: u.symbol, factor: u.ms };
}

export function makeDuration(u: DurationUnit): Unit {
  return { dimension: 'duration', symbol: u.symbol, factor: u.ms };
}

const DATA_UNITS: Record<string, [string, number]> = {
  kb: ['KB', 1e3], mb: ['MB', 1e6], gb: ['GB', 1e9], tb: ['TB', 1e12], pb: ['PB', 1e15],
  kib: ['KiB', 1024], mib: ['MiB', 1024 ** 2], gib: ['GiB', 1024 ** 3], tib: ['TiB', 1024 ** 4],
  bytes: ['bytes', 1], byte: ['bytes', 1],
  kilobytes: ['KB', 1e3], megabytes: ['MB', 1e6], gigabytes: ['GB', 1e9], terabytes: ['TB', 1e12],
};

export function dataUnit(word: string): Unit | undefined {
  const d = DATA_UNITS[word.toLowerCase()];
  return d ? { dimension: 'data', symbol: d[0], factor: d[1] } : undefined;
}

/** `K`, `M`, `B` and their spellings. `m` alone is minutes unless a currency comes first. */
export function magnitudeOf(word: string, hasCurrency: boolean): ['K' | 'M' | 'B', number] | undefined {
  switch (word) {
    case 'k': case 'K': case 'thousand':
      return ['K', 1e3];
    case 'M': case 'MM': case 'mn': case 'Mn': case 'mil': case 'million':
      return ['M', 1e6];
    case 'm':
      return hasCurrency ? ['M', 1e6] : undefined;
    case 'B': case 'b': case 'bn': case 'Bn': case 'BN': case 'billion':
      return ['B', 1e9];
    default:
      return undefined;
  }
}

const PERIODS: Record<string, RatePer> = {};
for (const [names, name, ms] of [
  [['s', 'sec', 'secs', 'second', 'seconds'], 'second', SECOND],
  [['min', 'mins', 'minute', 'minutes'], 'minute', MINUTE],
  [['h', 'hr', 'hrs', 'hour', 'hours'], 'hour', HOUR],
  [['d', 'day', 'days'], 'day', DAY],
  [['wk', 'wks', 'week', 'weeks'], 'week', WEEK],
  [['mo', 'mos', 'mth', 'month', 'months'], 'month', MONTH],
  [['quarter', 'quarters', 'qtr'], 'quarter', QUARTER],
  [['yr', 'yrs', 'year', 'years', 'annum'], 'year', YEAR],
] as [string[], string, number][]) {
  for (const n of names) PERIODS[n] = { name, ms };
}

/** A period after `/` or `per`: `/day`, `per week`. Other words give a per-thing rate (`per deployment`). */
export function periodOf(word: string, allowThings: boolean): RatePer | undefined {
  const lower = word.toLowerCase();
  const p = PERIODS[lower];
  if (p) return p;
  if (!allowThings) return undefined;
  // "per deployment", "/user": keep the singular so `/deployment` and `per deployment` agree.
  const singular = lower.length > 3 && lower.endsWith('s') && !lower.endsWith('ss') ? lower.slice(0, -1) : lower;
  return { name: singular };
}

/** Adverbs that make a rate: `$150K annually`, `3 releases weekly`. */
export const RATE_ADVERBS: Record<string, RatePer> = {
  hourly: PERIODS.hour,
  daily: PERIODS.day,
  nightly: PERIODS.day,
  weekly: PERIODS.week,
  monthly: PERIODS.month,
  quarterly: PERIODS.quarter,
  yearly: PERIODS.year,
  annually: PERIODS.year,
};

/** Rate abbreviations written after a number: `500 rps`, `1,200 req/s` is handled as `/s`. */
export const RATE_WORDS: Record<string, RatePer> = {
  rps: PERIODS.second,
  qps: PERIODS.second,
  tps: PERIODS.second,
  rpm: PERIODS.minute,
};

export const CURRENCY_WORDS: Record<string, string> = {
  dollars: '$', dollar: '$', usd: '$', eur: '€', euros: '€', euro: '€', gbp: '£', pounds: '£',
};

/** Value in the dimension's base unit (ms, bytes, …), per ms for time rates. */
export function toBase(value: number, unit: Unit): number {
  let v = value * unit.factor;
  if (unit.per?.ms) v /= unit.per.ms;
  return v;
}

export function bareUnit(unit: Unit): boolean {
  return unit.dimension === 'count' && !unit.per && unit.outOf === undefined && !unit.currency;
}

/**
 * Whether two units measure the same thing, so the change between them means something.
 * A bare count takes the other side's unit first (`10 → 30 jobs per hour`), see `inheritUnit`.
 */
export function compatible(a: Unit, b: Unit): boolean {
  if (a.dimension !== b.dimension) return false;
  if (a.dimension === 'money' && a.currency && b.currency && a.currency !== b.currency) return false;
  if ((a.outOf ?? 0) !== (b.outOf ?? 0)) return false;
  if (!!a.per !== !!b.per) return false;
  if (a.per && b.per) {
    if (a.per.ms === undefined || b.per.ms === undefined) return a.per.name === b.per.name;
  }
  return true;
}

/** The unit a bare side takes from the other side: `2 → 20 minutes` reads as 2 minutes. */
export function inheritUnit(bare: Unit, other: Unit): Unit {
  if (bareUnit(bare) && !bareUnit(other)) return { ...other };
  // `$800 → $320/month`: a side without the period takes it from the other.
  if (!bare.per && other.per && bare.dimension === other.dimension) return { ...bare, per: other.per };
  if (bare.dimension === 'money' && !bare.currency && other.currency) return { ...bare, currency: other.currency };
  return bare;
}
