// Finds quantities in prose: numbers with their units, ranges and rates, and numbers written as
// words; years, list and step numbers, versions, clock times, dates and ordinals are not quantities
// (notAmounts.ts says which). Used by STAR005 (`hasQuantity`) and by the pair finder.
import { maskMarkup } from './markup';
import { numberWordValue, QUANTITY_WORD_RE, scaleWordValue } from './numberWords';
import type { Quantity } from './types';
import { memoise, SECTION_TEXTS } from '../../util/memo';
import { durationUnit, makeDuration } from './units';
import { atLineStart, isClockAfter, isNumberingOrVersion, isYearContext, MONTHS_AFTER_RE, NOT_PLURAL } from './notAmounts';
import { COUNT, MULTIPLIER, readNumber, readRate, readUnit } from './quantityParts';

const CURRENCIES = '$€£';
const LETTER = /[\p{L}\p{M}]/u;
const WORD_CHAR = /[\p{L}\p{N}_]/u;

const NUMBER_WORDS =
  'zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|' +
  'eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen';
/** Where a quantity may start: a digit, or a number word (possibly hyphenated: `twenty-five`, `two-hour`). */
const CANDIDATE_RE = new RegExp(`\\d+|\\b(?:${NUMBER_WORDS})(?:-[A-Za-z]+)?\\b`, 'gi');

interface Candidate {
  start: number;
  numberStart: number;
  value: number;
  decimals: number;
  integerOnly: boolean;
  hasComma: boolean;
  words: boolean;
  hasCurrency: boolean;
  currency?: string;
  afterNumber: number;
  /** The word `one`: only a quantity with a unit (`one hour`), not `one of the team`. */
  isOne: boolean;
}

/** Parses a quantity whose number starts at `at` (a digit). Returns undefined and where to resume when it is not one. */
function quantityAtDigit(m: string, at: number): { quantity?: Quantity; resume: number } {
  const prev = m[at - 1] ?? '';
  const prev2 = m[at - 2] ?? '';
  const skipRun = (): number => {
    const run = /[\w.,:/-]*/y;
    run.lastIndex = at;
    run.exec(m);
    return Math.max(run.lastIndex, at + 1);
  };
  // Part of a word or of a larger token: EC2, v2, p95, x86, 1.2.3, 2021-03-04, 12/05.
  if (WORD_CHAR.test(prev) || (/[.,:/\-–]/.test(prev) && /\d/.test(prev2)) || prev === '.' || prev === '#') {
    return { resume: skipRun() };
  }
  const num = readNumber(m, at);
  if (!num) return { resume: at + 1 };
  let p = num.end;

  // Versions (1.2.3), clock times (9:30), dates (12/05/2021), 24/7, 1:1.
  if (m[p] === '.' && /\d/.test(m[p + 1] ?? '')) return { resume: skipRun() };
  if (m[p] === ':' && /\d/.test(m[p + 1] ?? '')) return { resume: skipRun() };
  let outOf: number | undefined;
  if (m[p] === '/' && /\d/.test(m[p + 1] ?? '')) {
    const den = readNumber(m, p + 1);
    if (!den || (m[den.end] === '/' && /\d/.test(m[den.end + 1] ?? '')) || (num.value === 24 && den.value === 7)) {
      return { resume: skipRun() };
    }
    outOf = den.value;
    p = den.end;
  }

  // Currency right before the number (`$120K`, `~$5M`); signs and `~` are allowed before it.
  let start = at;
  let currency: string | undefined;
  if (prev !== '' && CURRENCIES.includes(prev)) {
    currency = prev;
    start = at - 1;
  }
  const cand: Candidate = {
    start,
    numberStart: at,
    value: num.value,
    decimals: num.decimals,
    integerOnly: num.integerOnly,
    hasComma: num.hasComma,
    words: false,
    hasCurrency: currency !== undefined,
    currency,
    afterNumber: p,
    isOne: false,
  };
  const q = finishQuantity(m, cand, outOf);
  return q ? { quantity: q, resume: Math.max(q.end, at + 1) } : { resume: skipRun() };
}

function finishQuantity(m: string, c: Candidate, outOf: number | undefined): Quantity | undefined {
  let p = c.afterNumber;
  // Clock times: 9 AM, 6pm, 9 a.m.
  if (!c.words && /^[ \t]?(?:am|pm|a\.m\.|p\.m\.)(?![A-Za-z])/i.test(m.slice(p, p + 6))) return undefined;
  const u = outOf === undefined ? readUnit(m, p, c.hasCurrency, c.words) : { end: p };
  if (u.reject) return undefined;
  p = u.end;
  let value = c.value * (u.magnitude?.[1] ?? 1);
  let magnitude = u.magnitude?.[0];
  let high: number | undefined;
  let unit = u.unit;

  // A range: `1-2 per week`, `8-10`, `$50K-$100K`, `10%-20%`, `90–120 seconds`.
  const dash = /[ \t]*[-–—][ \t]*([$€£])?(?=\d)/y;
  dash.lastIndex = p;
  const d = outOf === undefined && !c.words ? dash.exec(m) : null;
  if (d) {
    const secondAt = p + d[0].length;
    const n2 = readNumber(m, secondAt);
    const okCurrency = !d[1] || d[1] === c.currency;
    if (n2 && okCurrency && !(m[n2.end] === '.' && /\d/.test(m[n2.end + 1] ?? '')) && m[n2.end] !== ':' && m[n2.end] !== '/') {
      const u2 = readUnit(m, n2.end, c.hasCurrency, false);
      const sameUnit = !unit || !u2.unit || (unit.dimension === u2.unit.dimension && unit.symbol === u2.unit.symbol);
      const mag1 = u.magnitude?.[1] ?? u2.magnitude?.[1] ?? 1;
      const low = c.value * mag1;
      const hi = n2.value * (u2.magnitude?.[1] ?? 1);
      const years = [c.value, n2.value].every((v) => v >= 1900 && v <= 2099) && !unit && !u2.unit && !c.hasCurrency;
      if (!u2.reject && sameUnit && hi > low && !isClockAfter(m, n2.end) && !years) {
        value = low;
        high = hi;
        magnitude = magnitude ?? u2.magnitude?.[0];
        unit = unit ?? u2.unit;
        p = u2.end;
        c.decimals = Math.max(c.decimals, n2.decimals);
        // The unit after the range may also be spaced: `2-3 days`.
        if (!unit) {
          const u3 = readUnit(m, p, c.hasCurrency, false);
          if (!u3.reject && u3.unit) {
            unit = u3.unit;
            p = u3.end;
          }
        }
      }
    }
  }

  if (!unit) unit = { ...COUNT };
  if (outOf !== undefined) unit = { ...unit, symbol: `/${outOf}`, outOf };
  if (c.hasCurrency && unit.dimension === 'money') unit = { ...unit, symbol: c.currency ?? '$', currency: c.currency };

  // `5,000+`
  if (m[p] === '+' && !/[\d$€£]/.test(m[p + 1] ?? '')) p++;

  // Rates: `/month`, `per week`, `calls/day`, `annually`.
  if (!unit.per && outOf === undefined && unit.dimension !== 'percent') {
    const rate = readRate(m, p, unit.dimension === 'count' || unit.dimension === 'money' || unit.dimension === 'multiplier');
    if (rate) {
      unit = { ...unit, per: rate.per };
      if (unit.dimension === 'multiplier') unit = { ...COUNT, per: rate.per }; // `3 times a week`
      p = rate.end;
    }
  }

  const bare = unit.dimension === 'count' && !unit.per && unit.outOf === undefined && magnitude === undefined;

  if (c.isOne && bare) return undefined;

  if (bare && !c.words) {
    // Years standing alone: `in 2021`, `2019`, `1990s` (the `s` was rejected as seconds below).
    if (c.integerOnly && !c.hasComma && high === undefined && c.value >= 1900 && c.value <= 2099) {
      if (isYearContext(m, c.start)) return undefined;
      const next = /^[ \t]+([a-z]+s)\b(?!['’])/.exec(m.slice(p, p + 40));
      if (!next || NOT_PLURAL.has(next[1])) return undefined;
    }
    // Day of month: `5 March`.
    if (MONTHS_AFTER_RE.test(m.slice(p, p + 12)) && c.value <= 31) return undefined;
    // List numbering at the start of a line: `1.`, `2)`, `### 3. Title`.
    if (/^[.)](?:\s|$)/.test(m.slice(p, p + 2)) && atLineStart(m, c.start)) {
      return undefined;
    }
    // `(1)` as an item marker.
    if (m[c.start - 1] === '(' && m[p] === ')' && high === undefined && c.integerOnly && c.value < 100) return undefined;
  }
  if (bare) {
    if (isNumberingOrVersion(m, c.start)) return undefined;
  }
  if (unit.dimension === 'duration' && unit.symbol === 's' && m[p - 1] === 's' && m[p - 2] !== ' ') {
    // `1990s` is a decade; `60s` is a minute.
    if (c.integerOnly && c.value >= 1900 && c.value <= 2099 && c.value % 10 === 0) return undefined;
  }

  const q: Quantity = {
    start: c.start,
    end: p,
    text: m.slice(c.start, p), // replaced with the original text by the caller
    value,
    unit,
    decimals: c.decimals,
  };
  if (high !== undefined) q.high = high;
  if (magnitude) q.magnitude = magnitude;
  if (c.words) q.words = true;
  return q;
}


/** Parses a quantity whose number is written as words starting at `at`. */
function quantityAtWord(m: string, at: number, word: string): { quantity?: Quantity; resume: number } {
  const resume = at + word.length;
  let value = numberWordValue(word);
  let end = at + word.length;
  let isOne = false;
  if (value === undefined) {
    const dash = word.indexOf('-');
    if (dash > 0) {
      // `two-phase`, `three-tier`, `one-on-one` are names, not amounts; `zero-downtime` and `two-hour` are amounts.
      const first = numberWordValue(word.slice(0, dash));
      if (first === undefined) return { resume };
      const rest = word.slice(dash + 1);
      const dur = durationUnit(rest, false);
      if (first === 0 || /^fold$/i.test(rest)) {
        const unit = first === 0 ? { ...COUNT } : { ...MULTIPLIER };
        return { quantity: { start: at, end, text: '', value: first, unit, decimals: 0, words: true }, resume };
      }
      if (dur && rest.length > 1) {
        return {
          quantity: { start: at, end, text: '', value: first, unit: makeDuration(dur), decimals: 0, words: true },
          resume,
        };
      }
      return { resume };
    }
    const scale = scaleWordValue(word);
    if (scale === undefined) return { resume };
    // `a hundred`, `a dozen`, or the bare word.
    value = scale;
  } else {
    isOne = value === 1;
    // `two hundred`, `three thousand`, `five million`
    const scaleRe = /[ \t]+([A-Za-z]+)\b/y;
    for (let i = 0; i < 2; i++) {
      scaleRe.lastIndex = end;
      const s = scaleRe.exec(m);
      const mul = s ? scaleWordValue(s[1]) : undefined;
      if (!s || mul === undefined) break;
      value *= mul;
      end += s[0].length;
      isOne = false;
    }
  }
  const q = finishQuantity(
    m,
    {
      start: at,
      numberStart: at,
      value,
      decimals: 0,
      integerOnly: true,
      hasComma: false,
      words: true,
      hasCurrency: false,
      afterNumber: end,
      isOne,
    },
    undefined,
  );
  return q ? { quantity: q, resume: Math.max(q.end, resume) } : { resume };
}

/** Every quantity in `text`, in order, with offsets into `text`. */
export function findQuantities(text: string): Quantity[] {
  return findQuantitiesMasked(maskMarkup(text), text);
}

/** Same as `findQuantities` on text already masked with `maskMarkup` (offsets are shared); the first `limit` only. */
export function findQuantitiesMasked(masked: string, original: string, limit = Infinity): Quantity[] {
  const out: Quantity[] = [];
  const re = new RegExp(CANDIDATE_RE.source, 'gi');
  let match: RegExpExecArray | null;
  while ((match = re.exec(masked))) {
    const at = match.index;
    const token = match[0];
    let r: { quantity?: Quantity; resume: number };
    if (/\d/.test(token[0])) r = quantityAtDigit(masked, at);
    else {
      if (LETTER.test(masked[at - 1] ?? '') || /\d/.test(masked[at - 1] ?? '')) continue;
      r = quantityAtWord(masked, at, token);
    }
    if (r.quantity) {
      r.quantity.text = original.slice(r.quantity.start, r.quantity.end);
      if (out.push(r.quantity) >= limit) break;
    }
    re.lastIndex = Math.max(r.resume, at + 1);
  }
  return out;
}

/** Words that are quantities without a number: `doubled`, `halved`, `twice`, `dozens`, `in half`. */
export function findQuantityWords(text: string): { start: number; end: number; word: string }[] {
  const masked = maskMarkup(text);
  const out: { start: number; end: number; word: string }[] = [];
  const re = new RegExp(QUANTITY_WORD_RE.source, 'gi');
  let match: RegExpExecArray | null;
  while ((match = re.exec(masked))) out.push({ start: match.index, end: match.index + match[0].length, word: text.slice(match.index, match.index + match[0].length) });
  return out;
}

/**
 * Rule STAR005: does the text state a quantity? Digits with or without units, percentages, money,
 * multipliers, durations, rates, and number words (`zero downtime`, `two hours`, `doubled`).
 * Years, list/step numbers, versions, clock times, dates and ordinals do not count.
 */
export const hasQuantity = memoise(readsAsQuantity, SECTION_TEXTS);

function readsAsQuantity(text: string): boolean {
  // The scan only moves forward, so its first quantity is the first of all of them: one is enough.
  if (findQuantitiesMasked(maskMarkup(text), text, 1).length > 0) return true;
  return findQuantityWords(text).length > 0;
}
