// Heavy work on the extension host is done in pieces, one piece per turn of the event loop: between
// two pieces the host reads VS Code's messages and runs other extensions, so no long task builds up
// however large the story file (issue 7: the host is never blocked for more than 50 ms).

let last: Promise<void> = Promise.resolve();

/**
 * Resolves in a turn of the event loop of its own, after the previous caller's: callers that ask
 * together are spread over consecutive turns instead of running back to back in one.
 */
export function nextTurn(): Promise<void> {
  last = last.then(() => new Promise<void>((resolve) => setImmediate(resolve)));
  return last;
}

/** `items.map(fn)`, `perTurn` items per turn of the event loop (the first slice in the caller's turn). */
export async function mapInTurns<T, U>(items: readonly T[], fn: (item: T) => U, perTurn = 500): Promise<U[]> {
  const out: U[] = [];
  for (let i = 0; i < items.length; i += perTurn) {
    if (i > 0) await nextTurn();
    for (const item of items.slice(i, i + perTurn)) out.push(fn(item));
  }
  return out;
}
