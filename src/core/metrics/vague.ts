// Unquantified intensifiers for STAR007: "significantly faster", "a lot", "much better".
import { hasQuantity } from './quantity';
import type { VagueClaim } from './types';
import { memoise, SECTION_TEXTS } from '../memo';

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

const VAGUE_RE = new RegExp(
  '(?<![\\p{L}\\p{N}])(?:' +
    [
      ADVERBS.join('|'),
      'a lot(?: of)?',
      'lots of',
      'a ton(?: of)?',
      'tons of',
      `(?:much|way|far) (?:${COMPARATIVES.join('|')})`,
      `(?:significant|huge|massive|dramatic|substantial|tremendous|considerable|enormous|big|major) (?:${NOUNS.join('|')})`,
    ].join('|') +
    ')(?![\\p{L}\\p{N}])',
  'giu',
);

/** The sentence around `start..end`: back to the last `. `, `! `, `? ` or line break, on to the next (at most 400 characters each way). */
function sentenceAround(text: string, start: number, end: number): string {
  const isBreak = (i: number): boolean => text[i] === '\n' || (/[.!?]/.test(text[i]) && /\s/.test(text[i + 1] ?? ' '));
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
  const re = new RegExp(VAGUE_RE.source, VAGUE_RE.flags);
  let match: RegExpExecArray | null;
  while ((match = re.exec(text))) {
    const start = match.index;
    const end = start + match[0].length;
    out.push({ start, end, word: match[0], quantified: hasQuantity(sentenceAround(text, start, end)) });
  }
  return out;
}
