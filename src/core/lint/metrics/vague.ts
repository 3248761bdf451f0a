// Unquantified intensifiers for STAR007: "significantly faster", "a lot", "much better".
import { hasQuantity } from './quantity';
import type { VagueClaim } from './types';
import { memoise, SECTION_TEXTS } from '../../util/memo';

const ADVERBS = [
  'significantly', 'greatly', 'drastically', 'hugely', 'massively', 'dramatically', 'substantially',
  'tremendously', 'vastly', 'considerably', 'immensely', 'enormously', 'exponentially', 'noticeably',
  'markedly', 'remarkably', 'incredibly', 'extremely',
];
const COMPARATIVES = [
  'better', 'faster', 'quicker', 'easier', 'smoother', 'cleaner', 'more', 'less', 'fewer', 'higher', 'lower',
  'greater', 'smaller', 'larger', 'bigger', 'cheaper', 'stronger', 'safer', 'simpler', 'happier', 'improved',
  'shorter', 'longer', 'reliable', 'more reliable', 'efficient', 'more efficient',
];
const NOUNS = ['improvements?', 'gains?', 'reductions?', 'increases?', 'boosts?', 'savings', 'drops?', 'decreases?', 'speedups?', 'uplift', 'impact'];

const CLAIM = '(?:' +
  [
    ADVERBS.join('|'),
    'a lot(?: of)?',
    'lots of',
    'a ton(?: of)?',
    'tons of',
    `(?:much|way|far) (?:${COMPARATIVES.join('|')})`,
    `(?:significant|huge|massive|dramatic|substantial|tremendous|considerable|enormous|big|major) (?:${NOUNS.join('|')})`,
  ].join('|') +
  ')';
/** A claim as a whole word, tried only where its words were found (sticky). */
const CLAIM_AT = new RegExp(`(?<![\\p{L}\\p{N}])${CLAIM}(?![\\p{L}\\p{N}])`, 'yiu');
/**
 * The claims' words alone, found first: a search that tries the word boundaries at every position is
 * three times slower. A claim can only start where its words do, so searching for the words and trying
 * the whole claim at each finds what searching for the claim finds.
 */
const CLAIM_WORDS = new RegExp(CLAIM, 'giu');

/** The sentence around `start..end`: back to the last `. `, `! `, `? ` or line break, on to the next (at most 400 characters each way). */
function sentenceAround(text: string, start: number, end: number): string {
  // Compared as characters, not with a regular expression per character: this walks up to 800 of them per claim.
  const isBreak = (i: number): boolean => {
    const c = text[i];
    return c === '\n' || ((c === '.' || c === '!' || c === '?') && /\s/.test(text[i + 1] ?? ' '));
  };
  let from = start;
  while (from > 0 && start - from < 400 && !isBreak(from - 1)) from--;
  let to = end;
  while (to < text.length && to - end < 400 && !isBreak(to)) to++;
  return text.slice(from, to);
}

/** Unquantified intensifiers (case-insensitive, whole words), each saying whether its sentence has a number; remembered per text. */
export const findVagueClaims = memoise(readVagueClaims, SECTION_TEXTS);

function readVagueClaims(text: string): VagueClaim[] {
  const out: VagueClaim[] = [];
  const words = new RegExp(CLAIM_WORDS);
  const claim = new RegExp(CLAIM_AT);
  let found: RegExpExecArray | null;
  while ((found = words.exec(text))) {
    claim.lastIndex = found.index;
    const match = claim.exec(text);
    if (!match) {
      words.lastIndex = found.index + 1;
      continue;
    }
    const start = match.index;
    const end = start + match[0].length;
    out.push({ start, end, word: match[0], quantified: hasQuantity(sentenceAround(text, start, end)) });
    words.lastIndex = end;
  }
  return out;
}
