// Builds syntaxes/star-stories.injection.tmLanguage.json, the TextMate injection grammar that
// highlights STAR labels, timing hints, metrics, claims and arrows inside Markdown.
//
//   node test/grammar/build-grammar.mjs          write the grammar
//   node test/grammar/build-grammar.mjs --check  exit 1 when the checked-in grammar is stale
//
// The regular expressions are Oniguruma (what VS Code runs), not JavaScript. Every pattern matches
// text *inside* the structure that VS Code's own Markdown grammar has already recognised (a heading's
// text, a bold span, a paragraph), so the Markdown grammar keeps its headings, lists, emphasis and
// code; see docs/highlighting.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const GRAMMAR_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'syntaxes', 'star-stories.injection.tmLanguage.json');
export const SCOPE_NAME = 'markdown.star-stories.injection';

/** Label words per role: DESIGN §3's lexicon (the unit tests keep it equal to src/core/read/lexicon.ts). */
export const LABEL_WORDS = {
  situation: ['situation', 'context', 'background', 'setup', 'the setup', 'scenario'],
  task: ['task', 'the task', 'goal', 'objective', 'target', 'responsibility', 'my role', 'assignment', 'obstacle'],
  action: ['action', 'actions', 'the action', 'approach', 'steps taken', 'what i did', 'solution', 'solutions', 'the solution', 'implementation'],
  result: ['result', 'results', 'the result', 'outcome', 'outcomes', 'impact', 'the impact'],
  learning: ['learning', 'learnings', 'lesson learned', 'lessons learned', 'reflection', 'the reflection', 'takeaway', 'takeaways', 'what i learned'],
  challenge: ['challenge', 'the challenge', 'problem', 'the problem'],
};

/** The scope names, all ending in `.star`; docs/highlighting.md explains the choice. */
export const SCOPES = {
  label: (role) => `entity.name.function.label.${role}.star`,
  labelSeparator: 'punctuation.separator.label.star',
  timing: 'comment.other.timing.star',
  metric: 'constant.numeric.metric.star',
  claim: 'markup.italic.claim.star',
  claimMetric: 'constant.numeric.metric.claim.star',
  claimWord: 'keyword.other.claim.star',
  arrow: 'keyword.control.arrow.star',
  fromTo: 'keyword.control.arrow.from-to.star',
};

// ── building blocks ────────────────────────────────────────────────────────────────────────────

const wordsPattern = (words) =>
  [...words].sort((a, b) => b.length - a.length).map((w) => w.split(' ').join('[ \\t]+')).join('|');

/** One capture group per role, in LABEL_WORDS order. */
const ROLE_ALTERNATION = `(?i:${Object.values(LABEL_WORDS).map((ws) => `(${wordsPattern(ws)})`).join('|')})`;
const ROLES = Object.keys(LABEL_WORDS);

/** Blockquote markers and one top-level list marker (0–1 spaces before it: deeper means nested). */
const CONTAINER = String.raw`(?:[ ]{0,3}>[ ]?){0,3}(?:[ ]?(?:[-*+]|\d{1,9}[.)])[ \t]{1,4})?`;

/** What the core's normaliser drops in front of a label: emoji and symbols, numbering, a letter prefix. */
const LABEL_PREFIX = String.raw`(?:[^\p{L}\p{N}\s()*_\[\]<>\\` + '`' + String.raw`]+[ \t]*)?` +
  String.raw`(?:(?i:step|phase|part|stage)[ \t]*\d+[ \t]*[.):\-–—]?[ \t]*|\d{1,3}(?:\.\d{1,3})*[ \t]*[.):\-–—][ \t]*)?` +
  String.raw`(?:\([A-Za-z]\)[ \t]*|[A-Za-z][ \t]*[:\-–—.][ \t]+)?`;

/** A duration as timing hints write it: `30 seconds`, `90-120 seconds`, `2-3 minutes`, `15s`. */
const DURATION = String.raw`\d+(?:\.\d+)?(?:[ \t]*[-–—][ \t]*\d+(?:\.\d+)?)?[ \t]*(?i:seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h)(?![\p{L}\p{N}])`;
/** `(30 seconds)`, `(Context Setting - 30 seconds)`, `(Setup: 15s)`. */
const TIMING_PAREN = String.raw`\((?:[^()\n]{0,80}?[-–—:][ \t]*)?${DURATION}[ \t]*\)`;
/** ` - 30 seconds` after a label. */
const TIMING_DASH = String.raw`[-–—][ \t]*${DURATION}`;

/**
 * Captures, in order: role groups…, separator, timing paren, other paren, dash timing, separator.
 * Returns the pattern text and the captures object for a label that starts at `start`.
 */
function label(lookbehind, lookahead) {
  let n = 0;
  const captures = {};
  for (const role of ROLES) captures[++n] = { name: SCOPES.label(role) };
  const sep1 = ++n; captures[sep1] = { name: SCOPES.labelSeparator };
  const timing = ++n; captures[timing] = { name: SCOPES.timing };
  ++n; // another parenthetical: `(Use STAR Method)`: part of the label text, no scope of its own
  const dash = ++n; captures[dash] = { name: SCOPES.timing };
  const sep2 = ++n; captures[sep2] = { name: SCOPES.labelSeparator };
  const match =
    `(?<=${lookbehind})${LABEL_PREFIX}${ROLE_ALTERNATION}` +
    String.raw`([ \t]*:)?(?:[ \t]*(?:(${TIMING_PAREN})|(\([^()\n]*\))))?(?:[ \t]+(${TIMING_DASH}))?([ \t]*[:.])?` +
    `(?=${lookahead})`;
  return { match, captures };
}

// Quantities (DESIGN §4): currency, percentages, multipliers, magnitudes, durations, sizes, rates.
const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const RANGE = String.raw`${NUM}(?:[ \t]?[-–—][ \t]?${NUM})?`;
const NOT_AFTER = String.raw`(?<![\p{L}\p{N}_.,])`;
const NOT_BEFORE = String.raw`(?![\p{L}\p{N}_])`;
const PERIOD = String.raw`(?i:seconds?|secs?|s|minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|wks?|months?|mths?|mos?|quarters?|qtr|years?|yrs?|annum)`;
/** `/day`, ` per week`, and per-thing rates such as `/deployment`. */
const PER_UNIT = String.raw`(?:/|[ ]per[ ])(?:${PERIOD}${NOT_BEFORE}|\p{L}{3,}${NOT_BEFORE})`;
const RATE = `(?:${PER_UNIT})?`;
/** K/M/B and their spellings (as src/core/lint/metrics/units.ts reads them). */
const MAGNITUDE = String.raw`(?:[KkMB]|MM|mn|Mn|bn|Bn|BN|[ ]?(?:thousand|million|billion|mil)(?![\p{L}]))`;
/** Durations and data sizes; a single letter only touching the number (`15s`, `4H`, `10m`, `3d`). */
const TIME_OR_SIZE = String.raw`(?:[ ]?(?i:nanoseconds?|ns|microseconds?|[µμ]s|milliseconds?|msecs?|ms|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?|mths?|quarters?|years?|yrs?|[KMGTP]i?B|bytes?|kilobytes|megabytes|gigabytes|terabytes)|[ ]?[sShH]|[mdwy])`;
const CURRENCY = String.raw`[$€£¥₹]${NUM}(?:[ \t]?[-–—][ \t]?[$€£¥₹]?${NUM})?(?:${MAGNITUDE}|m)?\+?${RATE}`;
const PERCENT = String.raw`${RANGE}[ ]?(?:%|(?i:percent)${NOT_BEFORE})`;
const TIMES = String.raw`${RANGE}(?:[x×]|[ ]×)${NOT_BEFORE}`;
const UNIT_QUANTITY = String.raw`${RANGE}(?:${MAGNITUDE}|${TIME_OR_SIZE})\+?${RATE}${NOT_BEFORE}`;
/** A rate without another unit: `1/week`, `100 req/min`, `50/deployment`. */
const PER_QUANTITY = String.raw`${RANGE}(?:[ ]?(?i:requests?|req|calls|deploy(?:ment)?s|releases|runs|times|users|tickets|incidents|PRs))?${PER_UNIT}`;
const METRIC = `${NOT_AFTER}(?:${CURRENCY}|${PERCENT}|${TIMES}|${UNIT_QUANTITY}|${PER_QUANTITY})`;

/** The arrows src/core/lint/metrics/pairs.ts pairs quantities with, mojibake included. */
const ARROWS = ['→', '⟶', '⇒', '➔', '➜', '➡️', '➡', '⮕', '—>', '–>', '&rarr;', '&#8594;', 'â†’', '‚Üí'];
const ASCII_ARROW = String.raw`(?<![-=<>!])(?:-->|->|==>|=>)(?![->=])`;
const ARROW = `${ARROWS.join('|')}|${ASCII_ARROW}`;
/** A bare number is a quantity when an arrow pairs it with another: `10 → 20 deploys/week`. */
const BARE = String.raw`${NUM}(?:/${NUM})?${NOT_BEFORE}`;
const PAIRED_NUMBER = String.raw`${NOT_AFTER}${BARE}(?=[ \t]{0,2}(?:${ARROW}))|(?<=(?:${ARROWS.join('|')}|->|=>)[ \t]{0,2})${BARE}`;

const CLAIM_WORDS = String.raw`(?i:reductions?|decrease|improvements?|increase|faster|slower|savings?|saved|lower|higher|less|more|cheaper|drop|gain|growth|boost|uplift|cut|smaller|better)${NOT_BEFORE}`;

export function buildGrammar() {
  const headingLabel = label(String.raw`^${CONTAINER}[ ]{0,3}#{1,6}[ \t]{1,8}`, String.raw`[ \t]*\z`);
  const boldLabel = label(String.raw`^${CONTAINER}[ ]{0,3}(?:\*\*|__)`, String.raw`\*\*|__`);
  return {
    information_for_contributors: [
      'Generated by test/grammar/build-grammar.mjs: edit that file, run `node test/grammar/build-grammar.mjs`, then `npm run test:grammar`.',
      'Scope names are explained in docs/highlighting.md.',
    ],
    name: 'STAR Stories (Markdown injection)',
    scopeName: SCOPE_NAME,
    injectionSelector:
      'text.html.markdown -markup.fenced_code -markup.inline.raw -markup.raw -comment -meta.embedded -meta.tag -meta.link -string.other.link -markup.underline.link',
    patterns: [
      { include: '#heading-label' },
      { include: '#bold-label' },
      { include: '#heading-timing' },
      { include: '#claim' },
      { include: '#from-to' },
      { include: '#metric' },
      { include: '#arrow' },
    ],
    repository: {
      'heading-label': { comment: 'An ATX heading whose whole text is a label: `### 1. Situation (15 seconds)`, `### 🎯 Task`.', ...headingLabel },
      'bold-label': {
        comment: 'Bold text that is a whole label, at the start of a line or of a top-level list item: `**Situation:**`, `- **Impact:** went from…`.',
        ...boldLabel,
      },
      'heading-timing': {
        comment: 'A timing hint that ends a heading (or table cell): `## Elevator Pitch (30 seconds)`.',
        match: String.raw`(?:${TIMING_PAREN}|(?<=[ \t])${TIMING_DASH})(?=[ \t]*\z)`,
        name: SCOPES.timing,
      },
      claim: {
        comment: 'A stated change: `60% improvement`, `3x faster`, `$120K savings`.',
        match: `${NOT_AFTER}(${PERCENT}|${TIMES}|${CURRENCY})[ \\t]+(${CLAIM_WORDS})`,
        name: SCOPES.claim,
        captures: { 1: { name: SCOPES.claimMetric }, 2: { name: SCOPES.claimWord } },
      },
      'from-to': {
        comment: '`from $270K to $150K`: the two words; the quantities are metrics.',
        match: String.raw`(?<![\p{L}\p{N}_])(?i:(from))[ \t]+(${METRIC})[ \t]+(?i:(to))(?=[ \t]+(?:\*\*|__)?[$€£¥₹]?\d)`,
        captures: { 1: { name: SCOPES.fromTo }, 2: { name: SCOPES.metric }, 3: { name: SCOPES.fromTo } },
      },
      metric: {
        comment: 'A quantity with a unit: `$120K`, `44.4%`, `450ms`, `3x`, `2 hours`, `$6/day`; or a bare number beside an arrow.',
        match: `${METRIC}|${PAIRED_NUMBER}`,
        name: SCOPES.metric,
      },
      arrow: {
        comment: 'Before → after: `→`, `->`, `=>`, `⇒`, and the arrow as mojibake (`â†’`, `‚Üí`).',
        match: ARROW,
        name: SCOPES.arrow,
      },
    },
  };
}

export function grammarText() {
  return `${JSON.stringify(buildGrammar(), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = grammarText();
  if (process.argv.includes('--check')) {
    let current = '';
    try { current = readFileSync(GRAMMAR_PATH, 'utf8'); } catch { /* missing counts as stale */ }
    if (current !== text) {
      console.error(`${GRAMMAR_PATH} is stale: run \`node test/grammar/build-grammar.mjs\`.`);
      process.exit(1);
    }
  } else {
    writeFileSync(GRAMMAR_PATH, text);
    console.log(`wrote ${GRAMMAR_PATH}`);
  }
}
