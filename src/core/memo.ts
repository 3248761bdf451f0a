// The analysis asks the same small string questions on every edit (a label's normal form, a title's
// slug, a settings key's id): remember the answers, within a bound.

/** `fn` with its answers remembered; the memory is emptied when it holds more than `limit`. */
export function memoise(fn: (key: string) => string, limit: number): (key: string) => string {
  const answers = new Map<string, string>();
  return (key) => {
    let answer = answers.get(key);
    if (answer === undefined) {
      if (answers.size > limit) answers.clear();
      answer = fn(key);
      answers.set(key, answer);
    }
    return answer;
  };
}
