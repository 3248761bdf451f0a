// Long lists (3 000 stories, 9 000 findings) cross from the analysis worker as JSON in UTF-8, cut into
// segments of a few hundred KB whose buffers are transferred, not copied: receiving them costs the
// extension host nothing, and it decodes and parses one segment per turn of its event loop, so no
// single task on its thread grows with the size of the file. (Structured-cloning the same data, even
// as strings, costs the host tens of milliseconds per megabyte in one piece.)
import { nextTurn } from './turns';

/** About a millisecond of JSON.parse (a parse cannot be cut short, so a segment is kept small). */
const SEGMENT_CHARS = 64 * 1024;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** `items` as UTF-8 JSON arrays of at most about `maxChars` characters each (one item may exceed it). */
export function toSegments(items: readonly unknown[], maxChars = SEGMENT_CHARS): Uint8Array[] {
  const segments: Uint8Array[] = [];
  let parts: string[] = [];
  let size = 0;
  const cut = () => {
    segments.push(encoder.encode(`[${parts.join(',')}]`));
    parts = [];
    size = 0;
  };
  for (const item of items) {
    const json = JSON.stringify(item);
    if (size > 0 && size + json.length > maxChars) cut();
    parts.push(json);
    size += json.length + 1;
  }
  if (parts.length) cut();
  return segments;
}

/** The buffers to transfer with a message that carries these segments. */
export function buffersOf(segments: readonly Uint8Array[]): ArrayBuffer[] {
  return segments.map((s) => s.buffer as ArrayBuffer);
}

/** The items back, one segment decoded and parsed per turn of the event loop. */
export async function fromSegments<T>(segments: readonly Uint8Array[]): Promise<T[]> {
  const items: T[] = [];
  for (const segment of segments) {
    await nextTurn();
    for (const item of JSON.parse(decoder.decode(segment)) as T[]) items.push(item);
  }
  return items;
}
