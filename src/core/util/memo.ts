// The analysis asks the same string questions on every edit (a label's normal form, a title's slug, a
// settings key's id, the metrics of a section's text): remember the answers, within a bound.
import { ownString } from './ownString';

/** How many section texts a metric finder remembers: every section of a large story bank, and then some. */
export const SECTION_TEXTS = 20000;

/**
 * `fn` with its answers remembered; the memory is emptied when it holds more than `limit`. Keys are
 * kept as strings of their own: a key cut from a document would keep the whole document alive.
 * Answers are shared between callers, so they must not be changed.
 */
export function memoise<T>(fn: (key: string) => T, limit: number): (key: string) => T {
  const answers = new Map<string, T>();
  return (key) => {
    if (forgetting > 0) return fn(key);
    let answer = answers.get(key);
    if (answer === undefined) {
      if (answers.size > limit) answers.clear();
      answer = fn(key);
      answers.set(ownString(key), answer);
    }
    return answer;
  };
}

let forgetting = 0;

/**
 * `work` with every memo answering without looking up or remembering: for text read once (the command
 * line's lint), where the look-ups never hit and the copies of every key cost a tenth of the run.
 */
export function withoutMemory<T>(work: () => T): T {
  forgetting++;
  try {
    return work();
  } finally {
    forgetting--;
  }
}
