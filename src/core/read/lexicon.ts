import type { Role, TargetSeconds } from '../model';
import { memoise } from '../util/memo';

/** `challenge` words become the Task when the story also has a Situation label, else the Situation. */
export type LabelKind = Role | 'challenge';

export type Lexicon = ReadonlyMap<string, LabelKind>;

export const DEFAULT_LEXICON: Record<LabelKind, readonly string[]> = {
  situation: ['situation', 'context', 'background', 'setup', 'the setup', 'scenario'],
  task: ['task', 'the task', 'goal', 'objective', 'target', 'responsibility', 'my role', 'assignment', 'obstacle'],
  action: ['action', 'actions', 'the action', 'approach', 'steps taken', 'what i did', 'solution', 'solutions', 'the solution', 'implementation'],
  result: ['result', 'results', 'the result', 'outcome', 'outcomes', 'impact', 'the impact'],
  learning: ['learning', 'learnings', 'lesson learned', 'lessons learned', 'reflection', 'the reflection', 'takeaway', 'takeaways', 'what i learned'],
  challenge: ['challenge', 'the challenge', 'problem', 'the problem'],
};

/** The four words that make a two-label story count (DESIGN §3). */
export const CANONICAL_WORDS: ReadonlySet<string> = new Set(['situation', 'task', 'action', 'result']);

const GENERIC_HEADINGS: ReadonlySet<string> = new Set([
  'star framework', 'star', 'star method', 'star response', 'your answer', 'answer', 'sample answer',
]);

type LexiconAdditions = Partial<Record<LabelKind, readonly string[]>>;

/**
 * The default lexicon with `additions`, built once for the same additions: the command line makes an
 * analyser per file, and each new lexicon would also compile its label search again (`searchFor`).
 */
export function buildLexicon(additions: LexiconAdditions = {}): Lexicon {
  return lexiconOf(JSON.stringify(additions));
}

const lexiconOf = memoise((key): Lexicon => {
  const additions = JSON.parse(key) as LexiconAdditions;
  const map = new Map<string, LabelKind>();
  for (const kind of Object.keys(DEFAULT_LEXICON) as LabelKind[]) {
    for (const word of [...DEFAULT_LEXICON[kind], ...(additions[kind] ?? [])]) map.set(normaliseLabel(word), kind);
  }
  return map;
}, 16);

const LEADING_NOISE = /^[^\p{L}\p{N}(]+/u;
const TRAILING_NOISE = /[^\p{L}\p{N})]+$/u;
const NUMBERING = /^(?:(?:step|phase|part|stage)\s*\d+\s*[.):\-–—]?\s*|\d+(?:\.\d+)*\s*[.):\-–—]\s*)/i;
const LETTER_PREFIX = /^(?:\([A-Za-z]\)\s*|[A-Za-z]\s*[:\-–—.]\s+)/;
const TRAILING_PAREN = /\s*\([^()]*\)\s*$/;
const TRAILING_DURATION = /\s+[-–—]\s*\d+(?:\.\d+)?(?:\s*[-–—]\s*\d+(?:\.\d+)?)?\s*(?:s|secs?|seconds?|m|mins?|minutes?)\s*$/i;

const normaliseShort = memoise((raw) => normalise(raw), 50000);

/** Reduces a label as written (`**1. Situation (30 seconds):**`) to the words looked up in the lexicon (`situation`). */
export function normaliseLabel(raw: string): string {
  // Headings and labels repeat from one analysis to the next: remember the short ones.
  return raw.length > 200 ? normalise(raw) : normaliseShort(raw);
}

function normalise(raw: string): string {
  let s = raw.replace(/\s+/g, ' ').trim();
  for (let previous = ''; previous !== s; ) {
    previous = s;
    s = s.replace(LEADING_NOISE, '').replace(NUMBERING, '').replace(LETTER_PREFIX, '');
    s = s.replace(TRAILING_PAREN, '').replace(TRAILING_DURATION, '').replace(TRAILING_NOISE, '').trim();
  }
  return s.toLowerCase().replace(/[’']/g, "'");
}

const SEARCHES = new WeakMap<Lexicon, RegExp>();

/**
 * What every text whose normal form is one of the lexicon's words holds: that word, lowercase, with
 * any run of spaces where it has one and either apostrophe. Normalising only trims the ends, collapses
 * spaces, lowercases and straightens apostrophes, so a text without it is no label, and most headings
 * are turned away without being normalised.
 */
function searchFor(lexicon: Lexicon): RegExp {
  let search = SEARCHES.get(lexicon);
  if (!search) {
    const words = [...lexicon.keys()].map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+').replace(/'/g, "['’]"));
    search = new RegExp(words.join('|'));
    SEARCHES.set(lexicon, search);
  }
  return search;
}

export function lookupLabel(lexicon: Lexicon, raw: string): { kind: LabelKind; keyword: string } | undefined {
  if (!searchFor(lexicon).test(raw.toLowerCase())) return undefined;
  const keyword = normaliseLabel(raw);
  const kind = lexicon.get(keyword);
  return kind ? { kind, keyword } : undefined;
}

export function isGenericHeading(text: string): boolean {
  // Normalising only trims, collapses spaces and lowercases: every generic heading says `star` or `answer`.
  return /star|answer/i.test(text) && GENERIC_HEADINGS.has(normaliseLabel(text));
}

export function isFollowUpHeading(text: string): boolean {
  return /follow[\s-]?up/i.test(text);
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600 };
const DURATION = String.raw`(\d+(?:\.\d+)?)(?:\s*[-–—]\s*(\d+(?:\.\d+)?))?\s*(s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?)`;
const PAREN_HINT = new RegExp(String.raw`\(\s*(?:[^()]*?(?:\s[-–—]|:)\s*)?${DURATION}\s*\)`, 'gi');
const DASH_HINT = new RegExp(String.raw`\s[-–—]\s*${DURATION}\s*:?\s*$`, 'i');

/** A timing hint in a label or heading: `(30 seconds)`, `(Context Setting - 30 seconds)`, `(2-3 minutes)`, `(15s)`, `- 30 seconds`. */
export function parseTimingHint(text: string): TargetSeconds | undefined {
  // Every hint has a number; most labels and headings have none, and are not searched twice.
  if (!/\d/.test(text)) return undefined;
  const matches = [...text.matchAll(PAREN_HINT)];
  const m = matches.at(-1) ?? DASH_HINT.exec(text);
  if (!m) return undefined;
  const unit = UNIT_SECONDS[m[3][0].toLowerCase()];
  const min = Math.round(Number(m[1]) * unit);
  const max = m[2] === undefined ? min : Math.round(Number(m[2]) * unit);
  return [Math.min(min, max), Math.max(min, max)];
}

/** The question a story heading asks, when the heading is a quoted question: `Q11: "Tell me about…"`. */
export function headingQuestion(text: string): string | undefined {
  const m = /^(?:Q\s*\d*\s*[:.)-]\s*)?["“](.+?)["”]\s*$/.exec(text.trim());
  return m ? m[1].trim() : undefined;
}
