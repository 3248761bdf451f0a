// The parts of a quantity after its first digit: the number itself, the unit glued to it or a space
// after it (`500ms`, `$120K`, `2 hours`), and a rate (`/day`, `per week`, `annually`).
import type { RatePer, Unit } from './types';
import { CURRENCY_WORDS, dataUnit, durationUnit, magnitudeOf, makeDuration, periodOf, RATE_ADVERBS, RATE_WORDS } from './units';

export const COUNT: Unit = { dimension: 'count', symbol: '', factor: 1 };
export const PERCENT: Unit = { dimension: 'percent', symbol: '%', factor: 1 };
export const MULTIPLIER: Unit = { dimension: 'multiplier', symbol: '×', factor: 1 };

export const NUMBER_RE = /(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/y;

export interface NumberPart {
  start: number;
  end: number;
  value: number;
  decimals: number;
  integerOnly: boolean;
  hasComma: boolean;
}

export function readNumber(m: string, at: number): NumberPart | undefined {
  NUMBER_RE.lastIndex = at;
  const match = NUMBER_RE.exec(m);
  if (!match) return undefined;
  const raw = match[0];
  const dot = raw.indexOf('.');
  return {
    start: at,
    end: at + raw.length,
    value: Number(raw.replace(/,/g, '')),
    decimals: dot < 0 ? 0 : raw.length - dot - 1,
    integerOnly: dot < 0,
    hasComma: raw.includes(','),
  };
}

export interface UnitParse {
  end: number;
  unit?: Unit;
  magnitude?: ['K' | 'M' | 'B', number];
  /** The number cannot be a quantity: ordinal, clock time, unknown letters glued to it. */
  reject?: boolean;
}

/** Units that touch the number or follow one space: `500ms`, `$120K`, `45MB`, `3x`, `99.9%`, `2 hours`. */
export function readUnit(m: string, at: number, hasCurrency: boolean, wordNumber: boolean): UnitParse {
  let p = at;
  let unit: Unit | undefined;
  let magnitude: ['K' | 'M' | 'B', number] | undefined;

  // 1. Letters glued to the number.
  const glued = /[A-Za-zµμ]+/y;
  glued.lastIndex = p;
  const g = wordNumber ? null : glued.exec(m);
  if (g) {
    const letters = g[0];
    const after = m[p + letters.length] ?? '';
    if (/^(?:st|nd|rd|th)$/i.test(letters)) return { end: p, reject: true };
    if (/^(?:am|pm)$/i.test(letters)) return { end: p, reject: true };
    const mag = magnitudeOf(letters, hasCurrency);
    const data = dataUnit(letters);
    const dur = durationUnit(letters, true);
    if (mag) magnitude = mag;
    else if (data) unit = data;
    else if (/^[xX]$/.test(letters)) {
      if (/[\p{L}\p{N}]/u.test(after)) return { end: p, reject: true }; // 24x7, 4xx
      unit = MULTIPLIER;
    } else if (dur && !(letters === 'm' && hasCurrency)) unit = makeDuration(dur);
    else if (/^pp$/i.test(letters)) unit = { ...PERCENT, symbol: 'pp' };
    else if (RATE_WORDS[letters.toLowerCase()]) unit = { ...COUNT, per: RATE_WORDS[letters.toLowerCase()] };
    else return { end: p, reject: true }; // 3D, 5G, 2FA, x86 …
    p += letters.length;
    if (/[\p{L}\p{N}]/u.test(m[p] ?? '') && !unit) return { end: at, reject: true };
  }

  // 2. `%`, `×` right after (one space allowed before `%`).
  if (!unit) {
    if (m[p] === '%') {
      unit = PERCENT;
      p++;
    } else if (m[p] === ' ' && m[p + 1] === '%') {
      unit = PERCENT;
      p += 2;
    } else if (m[p] === '×' || (m[p] === ' ' && m[p + 1] === '×')) {
      unit = MULTIPLIER;
      p += m[p] === '×' ? 1 : 2;
    }
  }

  // 3. A hyphen compound: `2-week sprints`, `24-hour`, `10-fold`.
  if (!unit && !magnitude && m[p] === '-') {
    const hy = /-([A-Za-z]+)\b/y;
    hy.lastIndex = p;
    const h = hy.exec(m);
    if (h) {
      const dur = durationUnit(h[1], false);
      if (dur && h[1].length > 1) {
        unit = makeDuration(dur);
        p += h[0].length;
      } else if (/^fold$/i.test(h[1])) {
        unit = MULTIPLIER;
        p += h[0].length;
      }
    }
  }

  // 4. A word after one or more spaces: `2 hours`, `5 million`, `30 percent`, `500 dollars`.
  for (let guard = 0; guard < 2 && !unit; guard++) {
    const spaced = /[ \t]+([A-Za-zµμ]+)(?:[ \t]+(points|cent)\b)?/y;
    spaced.lastIndex = p;
    const s = spaced.exec(m);
    if (!s) break;
    const word = s[1];
    const lower = word.toLowerCase();
    const next = s[2]?.toLowerCase();
    const nextCh = m[p + s[0].length] ?? '';
    if (/[\p{L}\p{N}]/u.test(nextCh)) break;
    if (!magnitude && ['thousand', 'million', 'billion', 'k', 'mn', 'bn'].includes(lower)) {
      magnitude = magnitudeOf(lower === 'k' ? 'K' : lower, true);
      p = spacedEnd(m, p, word);
      continue;
    }
    if (lower === 'percent' || lower === 'pct' || (lower === 'per' && next === 'cent')) {
      unit = PERCENT;
      p += s[0].length;
    } else if (lower === 'percentage' && next === 'points') {
      unit = { ...PERCENT, symbol: 'pp' };
      p += s[0].length;
    } else if (lower === 'pp') {
      unit = { ...PERCENT, symbol: 'pp' };
      p = spacedEnd(m, p, word);
    } else if (durationUnit(word, false)) {
      unit = makeDuration(durationUnit(word, false)!);
      p = spacedEnd(m, p, word);
    } else if (dataUnit(word)) {
      unit = dataUnit(word);
      p = spacedEnd(m, p, word);
    } else if (CURRENCY_WORDS[lower] && !hasCurrency) {
      unit = { dimension: 'money', symbol: CURRENCY_WORDS[lower], factor: 1, currency: CURRENCY_WORDS[lower] };
      p = spacedEnd(m, p, word);
    } else if (RATE_WORDS[lower]) {
      unit = { ...COUNT, per: RATE_WORDS[lower] };
      p = spacedEnd(m, p, word);
    } else if (lower === 'times' || lower === 'x') {
      unit = MULTIPLIER;
      p = spacedEnd(m, p, word);
    }
    break;
  }

  if (hasCurrency && (!unit || unit.dimension === 'count')) {
    unit = { dimension: 'money', symbol: '', factor: 1, currency: '', ...(unit?.per ? { per: unit.per } : {}) };
  }
  return { end: p, unit, magnitude };
}

export function spacedEnd(m: string, p: number, word: string): number {
  const idx = m.indexOf(word, p);
  return idx < 0 ? p : idx + word.length;
}

export interface RateParse {
  end: number;
  per: RatePer;
}

export const RATE_SLASH_RE = /\/([A-Za-z]+)\b/y;
export const RATE_PER_RE = /[ \t]+(per|a|an|each|every)[ \t]+([A-Za-z]+)\b/y;
export const RATE_ADVERB_RE = /[ \t]+([A-Za-z]+)\b/y;
export const GAP_WORD_RE = /[ \t]+([A-Za-z][A-Za-z'’-]*)(?=[ \t/])/y;
export const WORD_SLASH_RATE_RE = /[ \t]+[A-Za-z][A-Za-z-]*\/([A-Za-z]+)\b/y;
export const NOT_GAP_WORDS = new Set(['to', 'from', 'than', 'and', 'or', 'but', 'with', 'vs', 'versus', 'by', 'of', 'for']);

/** `/day`, `per week`, `a month`, `annually`, and after up to two words: `Zoho calls/day`, `jobs per hour`. */
export function readRate(m: string, at: number, allowGapWords: boolean): RateParse | undefined {
  RATE_SLASH_RE.lastIndex = at;
  let r = RATE_SLASH_RE.exec(m);
  if (r && !/^(?:or|and)$/i.test(r[1])) {
    const per = periodOf(r[1], true);
    if (per) return { end: at + r[0].length, per };
  }
  let p = at;
  for (let words = 0; words <= (allowGapWords ? 2 : 0); words++) {
    if (words > 0) {
      GAP_WORD_RE.lastIndex = p;
      const w = GAP_WORD_RE.exec(m);
      if (!w || NOT_GAP_WORDS.has(w[1].toLowerCase())) {
        // `calls/day` as the next word still counts.
        WORD_SLASH_RATE_RE.lastIndex = p;
        r = WORD_SLASH_RATE_RE.exec(m);
        if (r) {
          const per = periodOf(r[1], false);
          if (per) return { end: p + r[0].length, per };
        }
        return undefined;
      }
      p += w[0].length;
    }
    RATE_PER_RE.lastIndex = p;
    r = RATE_PER_RE.exec(m);
    if (r) {
      const per = periodOf(r[2], r[1].toLowerCase() === 'per');
      if (per) return { end: p + r[0].length, per };
    }
    WORD_SLASH_RATE_RE.lastIndex = p;
    r = WORD_SLASH_RATE_RE.exec(m);
    if (r && words < 2) {
      const per = periodOf(r[1], false);
      if (per) return { end: p + r[0].length, per };
    }
    RATE_ADVERB_RE.lastIndex = p;
    r = RATE_ADVERB_RE.exec(m);
    if (r && RATE_ADVERBS[r[1].toLowerCase()]) return { end: p + r[0].length, per: RATE_ADVERBS[r[1].toLowerCase()] };
  }
  return undefined;
}
