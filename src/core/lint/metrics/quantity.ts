// Finds quantities in prose: numbers with their units, ranges and rates, and numbers written as
// words. Also decides what is *not* a quantity: years, list and step numbers, versions, clock
// times, dates, ordinals. Used by STAR005 (`hasQuantity`) and by the pair finder.
import { maskMarkup } from './markup';
import { numberWordValue, QUANTITY_WORD_RE, scaleWordValue } from './numberWords';
import type { Quantity, RatePer, Unit } from './types';
import { memoise, SECTION_TEXTS } from '../../util/memo';
import {
  CURRENCY_WORDS,
  dataUnit,
  durationUnit,
  magnitudeOf,
  makeDuration,
  periodOf,
  RATE_ADVERBS,
  RATE_WORDS,
} from './units';

const COUNT: Unit = { dimension: 'count', symbol: '', factor: 1 };
const PERCENT: Unit = { dimension: 'percent', symbol: '%', factor: 1 };
const MULTIPLIER: Unit = { dimension: 'multiplier', symbol: '×', factor: 1 };

const CURRENCIES = '$€£';
const LETTER = /[\p{L}\p{M}]/u;
const WORD_CHAR = /[\p{L}\p{N}_]/u;

const MONTHS = [
  'jan', 'january', 'feb', 'february', 'mar', 'march', 'apr', 'april', 'may', 'jun', 'june', 'jul', 'july',
  'aug', 'august', 'sep', 'sept', 'september', 'oct', 'october', 'nov', 'november', 'dec', 'december',
];

/** Words right before a number that make it a label, not an amount: `Step 2`, `Phase 3`, `Week 1-2`, `No. 4`. */
const NUMBERING_WORDS = new Set([
  'step', 'steps', 'phase', 'week', 'day', 'sprint', 'story', 'project', 'part', 'round', 'level', 'tier',
  'stage', 'chapter', 'section', 'question', 'example', 'option', 'approach', 'lesson', 'version', 'release',
  'gen', 'generation', 'milestone', 'iteration', 'slide', 'page', 'fig', 'figure', 'table', 'task', 'goal',
  'item', 'rule', 'number', 'no.', 'module', 'lab', 'episode', 'season', 'issue', 'ticket', 'pr', 'incident',
  'sev', 'severity', 'priority', 'scenario', 'test', 'line', 'vol', 'volume', 'grade', 'wave', 'cohort',
  'pillar', 'principle', 'reason', 'tip', 'challenge', 'problem', 'solution', 'takeaway', 'bullet',
  'month', 'year', 'quarter', 'rank', 'ranked', 'act', 'scene', 'session', 'workshop', 'interview',
  ...MONTHS,
]);

/** Product names whose following number is a version: `Python 3.11`, `Java 17`, `iOS 17`, `Spring Boot 3`. */
const VERSION_WORDS = new Set([
  'python', 'python3', 'node', 'node.js', 'nodejs', 'java', 'jdk', 'jre', 'openjdk', 'php', 'ruby', 'rails',
  'go', 'golang', 'angular', 'angularjs', 'react', 'vue', 'vue.js', 'ember', 'django', 'flask', 'spring',
  'spring boot', '.net', 'dotnet', 'asp.net', 'c#', 'typescript', 'ecmascript', 'es', 'ios', 'ipados',
  'android', 'windows', 'macos', 'os x', 'ubuntu', 'debian', 'centos', 'rhel', 'fedora', 'postgres',
  'postgresql', 'mysql', 'mariadb', 'mongodb', 'redis', 'elasticsearch', 'kafka', 'kubernetes', 'k8s',
  'docker', 'terraform', 'swift', 'kotlin', 'scala', 'rust', 'perl', 'lua', 'dart', 'flutter', 'laravel',
  'symfony', 'oauth', 'tls', 'ssl', 'http', 'html', 'css', 'gradle', 'webpack', 'babel', 'jest', 'junit',
  'xcode', 'chrome', 'firefox', 'safari', 'sql server', 'soc', 'iso', 'pci dss', 'wcag', 'web', 'bootstrap',
  'tailwind', 'next.js', 'nuxt', 'svelte', 'ansible', 'jenkins', 'gitlab', 'cuda', 'tensorflow', 'pytorch',
  'hadoop', 'cassandra', 'mssql', 'sqlite', 'gpt', 'llama',
]);

/** Words before a bare year: `in 2021`, `since 2019`, `Q3 2022`, `March 2020`, `March 5, 2020`. */
const YEAR_CONTEXT_WORDS = new Set([
  'in', 'since', 'by', 'during', 'until', 'till', 'from', 'to', 'through', 'thru', 'of', 'early', 'late', 'mid',
  'circa', 'before', 'after', 'around', 'fy', 'q1', 'q2', 'q3', 'q4', 'h1', 'h2', 'spring', 'summer', 'fall',
  'autumn', 'winter', 'year', 'copyright', '©', ...MONTHS,
]);

const WORD_BEFORE_CHAR = /[\p{L}\p{N}.#+©-]/u;

/**
 * The one or two words right before `at` on the same line, lower-cased, nearest first: for
 * `Spring Boot 3` at the `3`, `['boot', 'spring boot']`. A `#` or `v` just before the number is skipped.
 */
function wordsBefore(m: string, at: number): [string, string] {
  let i = at - 1;
  const skipBlank = (): void => {
    while (i >= 0 && (m[i] === ' ' || m[i] === '\t')) i--;
  };
  const readWord = (): string => {
    const end = i + 1;
    while (i >= 0 && end - i <= 30 && WORD_BEFORE_CHAR.test(m[i])) i--;
    return m.slice(i + 1, end).toLowerCase();
  };
  skipBlank();
  if (m[i] === '#') {
    i--;
    skipBlank();
  }
  let first = readWord();
  if (first === 'v') {
    skipBlank();
    first = readWord();
  }
  skipBlank();
  const second = first && i >= 0 && m[i] !== '\n' ? readWord() : '';
  return [first, second ? `${second} ${first}` : ''];
}

function isNumberingOrVersion(m: string, at: number): boolean {
  const [w1, w2] = wordsBefore(m, at);
  const bare = w1.endsWith('.') && w1 !== 'no.' ? w1.slice(0, -1) : w1;
  return NUMBERING_WORDS.has(bare) || VERSION_WORDS.has(w1) || VERSION_WORDS.has(w2) || /^v\d*$/.test(w1);
}

function isYearContext(m: string, at: number): boolean {
  const [w1] = wordsBefore(m, at);
  const bare = w1.replace(/[.,]$/, '');
  return YEAR_CONTEXT_WORDS.has(bare) || /^\d{1,2},?$/.test(w1) || w1 === '-' || w1 === '–';
}

const MONTHS_AFTER_RE = new RegExp(`^[ \\t]*(?:${MONTHS.join('|')})\\b`, 'i');

/** Words ending in s that follow a year without making it a count (`2021 was`). */
const NOT_PLURAL = new Set(['was', 'is', 'has', 'does', 'goes', 'its', 'this', 'as', 'us', 'plus', 'always', 'across', 'towards', 'thus', 'yes', 'less', 'process', 'whereas', 'besides', 'sometimes', 'afterwards']);

const NUMBER_RE = /(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/y;
const NUMBER_WORDS =
  'zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|' +
  'eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen';
/** Where a quantity may start: a digit, or a number word (possibly hyphenated: `twenty-five`, `two-hour`). */
const CANDIDATE_RE = new RegExp(`\\d+|\\b(?:${NUMBER_WORDS})(?:-[A-Za-z]+)?\\b`, 'gi');

interface NumberPart {
  start: number;
  end: number;
  value: number;
  decimals: number;
  integerOnly: boolean;
  hasComma: boolean;
}

function readNumber(m: string, at: number): NumberPart | undefined {
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

interface UnitParse {
  end: number;
  unit?: Unit;
  magnitude?: ['K' | 'M' | 'B', number];
  /** The number cannot be a quantity: ordinal, clock time, unknown letters glued to it. */
  reject?: boolean;
}

/** Units that touch the number or follow one space: `500ms`, `$120K`, `45MB`, `3x`, `99.9%`, `2 hours`. */
function readUnit(m: string, at: number, hasCurrency: boolean, wordNumber: boolean): UnitParse {
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

function spacedEnd(m: string, p: number, word: string): number {
  const idx = m.indexOf(word, p);
  return idx < 0 ? p : idx + word.length;
}

interface RateParse {
  end: number;
  per: RatePer;
}

const RATE_SLASH_RE = /\/([A-Za-z]+)\b/y;
const RATE_PER_RE = /[ \t]+(per|a|an|each|every)[ \t]+([A-Za-z]+)\b/y;
const RATE_ADVERB_RE = /[ \t]+([A-Za-z]+)\b/y;
const GAP_WORD_RE = /[ \t]+([A-Za-z][A-Za-z'’-]*)(?=[ \t/])/y;
const WORD_SLASH_RATE_RE = /[ \t]+[A-Za-z][A-Za-z-]*\/([A-Za-z]+)\b/y;
const NOT_GAP_WORDS = new Set(['to', 'from', 'than', 'and', 'or', 'but', 'with', 'vs', 'versus', 'by', 'of', 'for']);

/** `/day`, `per week`, `a month`, `annually`, and after up to two words: `Zoho calls/day`, `jobs per hour`. */
function readRate(m: string, at: number, allowGapWords: boolean): RateParse | undefined {
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

/** True when only list or heading markers stand between the start of the line and `at`. */
function atLineStart(m: string, at: number): boolean {
  const from = Math.max(0, at - 20);
  let i = at - 1;
  while (i >= from && m[i] !== '\n' && m[i] !== '\r') i--;
  if (i >= from || from === 0) return /^[ \t>]*(?:[-+][ \t]+)?(?:#{1,6}[ \t]+)?[ \t]*$/.test(m.slice(i + 1, at));
  return false;
}

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

function isClockAfter(m: string, at: number): boolean {
  return /^[ \t]?(?:am|pm|a\.m\.|p\.m\.)(?![A-Za-z])/i.test(m.slice(at, at + 6));
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
