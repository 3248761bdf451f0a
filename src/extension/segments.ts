// Long lists (3 000 stories, 9 000 findings) cross from the analysis worker as JSON text cut into
// segments of a few hundred KB: cloning text costs the host almost nothing, and the host parses one
// segment per turn, so no single task on its thread grows with the size of the file.
import { nextTurn } from './turns';

/** About 10 ms of JSON.parse on a busy core. */
export const SEGMENT_CHARS = 256 * 1024;

/** `items` as JSON arrays of at most about `maxChars` characters each (one item may exceed it). */
export function toSegments(items: readonly unknown[], maxChars = SEGMENT_CHARS): string[] {
  const segments: string[] = [];
  let parts: string[] = [];
  let size = 0;
  for (const item of items) {
    const json = JSON.stringify(item);
    if (size > 0 && size + json.length > maxChars) {
      segments.push(`[${parts.join(',')}]`);
      parts = [];
      size = 0;
    }
    parts.push(json);
    size += json.length + 1;
  }
  if (parts.length) segments.push(`[${parts.join(',')}]`);
  return segments;
}

/** The items back, one segment parsed per turn of the event loop. */
export async function fromSegments<T>(segments: readonly string[]): Promise<T[]> {
  const items: T[] = [];
  for (const segment of segments) {
    await nextTurn();
    for (const item of JSON.parse(segment) as T[]) items.push(item);
  }
  return items;
}
