// Numbers written as words: `two hours`, `twenty-five minutes`, `zero downtime`, `a hundred`,
// and words that state a quantity without a number: `doubled`, `halved`, `dozens`.

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};

const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, dozen: 12 };

/** The value of one number word or a hyphenated tens-units pair (`twenty-five`); undefined otherwise. */
export function numberWordValue(word: string): number | undefined {
  const lower = word.toLowerCase();
  if (lower in UNITS) return UNITS[lower];
  if (lower in TENS) return TENS[lower];
  const dash = lower.indexOf('-');
  if (dash > 0) {
    const t = TENS[lower.slice(0, dash)];
    const u = UNITS[lower.slice(dash + 1)];
    if (t !== undefined && u !== undefined && u > 0 && u < 10) return t + u;
  }
  return undefined;
}

/** `hundred`, `thousand`, `million`, `billion`, `dozen`: multiply the number before them. */
export function scaleWordValue(word: string): number | undefined {
  return SCALES[word.toLowerCase()];
}

/**
 * Words that state a quantity on their own (for STAR005). `double`/`triple` are left out on purpose:
 * "double-check" and "triple-click" are not results.
 */
export const QUANTITY_WORD_RE =
  /\b(?:doubled|doubling|tripled|tripling|quadrupled|quadrupling|halved|halving|twice|thrice|(?:two|three|four|five|six|seven|eight|nine|ten|hundred|thousand)fold|dozens|hundreds|thousands|millions|billions|(?:in|by) (?:half|a half|a third|two thirds|a quarter)|orders? of magnitude)\b/gi;
