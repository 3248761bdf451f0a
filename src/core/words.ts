const WORD = /[\p{L}\p{N}]+(?:['’.,\-][\p{L}\p{N}]+)*/gu;

/** Words as a speaker says them: runs of letters and digits (`$120K` is one word, `—` none). */
export function wordCount(text: string): number {
  return text.match(WORD)?.length ?? 0;
}
