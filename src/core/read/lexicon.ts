import type { Role, TargetSeconds } from '../model';
import { memoise } from '../util/memo';
import { roleWord, TRANSLATED_LEXICON, type Language } from './languages';

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

const STAR_ROLES = ['situation', 'task', 'action', 'result'] as const;
const TRANSLATIONS = Object.entries(TRANSLATED_LEXICON) as [Exclude<Language, 'en'>, Record<LabelKind, readonly string[]>][];
const withoutAccents = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '');

/**
 * The four words that make a two-label story count (DESIGN §3), in every language: each role's own
 * word (`roleWord`), with or without its accents.
 */
export const CANONICAL_WORDS: ReadonlySet<string> = new Set([
  ...STAR_ROLES,
  ...TRANSLATIONS.flatMap(([language, words]) =>
    STAR_ROLES.flatMap((role) => words[role].filter((w) => withoutAccents(w) === withoutAccents(roleWord(role, language).toLowerCase()))),
  ),
]);

/** Words that are labels only when bold or a heading: as plain text at the start of a line they are too common (`Context:` in an ADR). */
const NOT_PLAIN: ReadonlySet<string> = new Set(['contexto', 'contexte', 'context', 'ausgangslage', 'vorgehen', '背景', '情况', '情況', '成果', '反思', '心得']);

/** The words a label may be written with without bold (`Situation: …`, `- Resultado: …`). */
export const PLAIN_WORDS: readonly string[] = [
  ...new Set([
    'situation', 'task', 'action', 'actions', 'result', 'results', 'learning', 'learnings', 'lesson learned', 'lessons learned',
    ...TRANSLATIONS.flatMap(([, words]) => [...STAR_ROLES, 'learning' as const].flatMap((role) => words[role])).filter((w) => !NOT_PLAIN.has(w)),
  ]),
];

/** Headings that only say "here is an answer": the heading above them names the story. */
const GENERIC_HEADINGS: ReadonlySet<string> = new Set([
  'star framework', 'star', 'star method', 'star response', 'your answer', 'answer', 'sample answer', 'my answer',
  'model answer', 'example answer', 'example response', 'sample response', 'example', 'sample', 'star answer',
  'respuesta', 'ejemplo', 'resposta', 'exemplo', 'réponse', 'exemple', 'antwort', 'beispiel', 'risposta', 'esempio', 'antwoord', 'voorbeeld',
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
    const translated = TRANSLATIONS.flatMap(([, words]) => words[kind]);
    for (const word of [...DEFAULT_LEXICON[kind], ...translated, ...(additions[kind] ?? [])]) map.set(normaliseLabel(word), kind);
  }
  return map;
}, 16);

const LEADING_NOISE = /^[^\p{L}\p{N}(]+/u;
const TRAILING_NOISE = /[^\p{L}\p{N})]+$/u;
const NUMBERING = /^(?:(?:step|phase|part|stage)\s*\d+\s*[.):\-–—]?\s*|\d+(?:\.\d+)*\s*[.):\-–—]\s*)/i;
const LETTER_PREFIX = /^(?:\([A-Za-z]\)\s*|[A-Za-z]\s*[:\-–—.]\s+)/;
const TRAILING_PAREN = /\s*(?:\([^()]*\)|（[^（）]*）)\s*$/;
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

const GENERIC_WORD = /star|answer|respon|respuesta|example|sample|ejemplo|exempl|beispiel|esempio|voorbeeld|resposta|réponse|antwo|risposta/i;

export function isGenericHeading(text: string): boolean {
  // Normalising only trims, collapses spaces and lowercases: every generic heading has one of these words.
  if (!GENERIC_WORD.test(text)) return false;
  const words = normaliseLabel(text);
  // `Example 1`, `Sample answer #2`: the number only counts the examples.
  return GENERIC_HEADINGS.has(words) || GENERIC_HEADINGS.has(words.replace(/\s*#?\d+$/, ''));
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

/** The single letters a label may be (`S: …`, `- R — …`), and their roles. */
const LETTER_ROLES: Readonly<Record<string, Role>> = { S: 'situation', T: 'task', A: 'action', R: 'result', L: 'learning' };

const escapeWord = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ \\t]+');
/** What ends a plain label: a colon, or a dash between spaces with content after it. */
const PLAIN_END = String.raw`(?=[ \t]*[:：]|[ \t]+[-–—][ \t]+\S)`;
const PLAIN_WORD_LABEL = new RegExp(
  String.raw`^(?:[A-Za-z][ \t]*[-–—:.][ \t]*)?(?:${[...PLAIN_WORDS].sort((a, b) => b.length - a.length).map(escapeWord).join('|')})(?:[ \t]*[(（][^()（）\r\n]*[)）])?${PLAIN_END}`,
  'iu',
);
const PLAIN_LETTER_LABEL = new RegExp(String.raw`^[STARL]${PLAIN_END}`);
const PLAIN_SEPARATOR = /^[ \t]*[:：][ \t]*|^[ \t]+[-–—][ \t]+/;
/** Every plain label starts with a letter; most lines do not start with one of these. */
const PLAIN_FIRST = new RegExp(`^[STARLstarl${[...new Set(PLAIN_WORDS.map((w) => w[0]))].join('')}]`, 'iu');

export interface PlainLabel {
  kind: LabelKind;
  keyword: string;
  /** The label as written (`Situation`, `S – Situation (30 seconds)`, `S`). */
  text: string;
  /** Where the content starts, after the separator and the spaces after it. */
  contentOffset: number;
}

/**
 * The plain label (no bold) that `line` starts with: a label word of `PLAIN_WORDS`, perhaps after a
 * letter (`S – Situation:`), or a single letter of S, T, A, R, L; then a colon or a spaced dash.
 */
export function plainLabelAt(lexicon: Lexicon, line: string): PlainLabel | undefined {
  if (!PLAIN_FIRST.test(line)) return undefined;
  const word = PLAIN_WORD_LABEL.exec(line);
  const text = word?.[0] ?? PLAIN_LETTER_LABEL.exec(line)?.[0];
  if (!text) return undefined;
  const found = word ? lookupLabel(lexicon, text) : { kind: LETTER_ROLES[text], keyword: LETTER_ROLES[text] };
  if (!found) return undefined;
  const separator = PLAIN_SEPARATOR.exec(line.slice(text.length))?.[0] ?? '';
  return { ...found, text, contentOffset: text.length + separator.length };
}

/** Whether a label is a single letter (`S:`): such labels count only beside another letter (see drafts.ts). */
export function isLetterLabel(text: string): boolean {
  return text.length === 1;
}
