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

/** How long a piece of work may run before it lets the event loop turn: well inside the 50 ms budget. */
const SLICE_MS = 10;

/**
 * `items.map(fn)`, cut into slices of about `sliceMs` each, one per turn of the event loop (the first
 * in the caller's turn). Sliced by the clock, not by count: the first calls of a function run
 * unoptimised, and a busy machine slows everything down.
 */
export async function mapInTurns<T, U>(items: readonly T[], fn: (item: T) => U, sliceMs = SLICE_MS): Promise<U[]> {
  const out: U[] = [];
  let sliceStart = performance.now();
  for (const item of items) {
    if (performance.now() - sliceStart > sliceMs) {
      await nextTurn();
      sliceStart = performance.now();
    }
    out.push(fn(item));
  }
  return out;
}

/**
 * `fn` for callers that ask for one item each but many at once (VS Code asks a tree view for the
 * items of all of a node's children in one go): the answers come a slice of about `sliceMs` per turn.
 */
export function sliced<T, U>(fn: (item: T) => U, sliceMs = SLICE_MS): (item: T) => Promise<U> {
  let queue: Array<{ item: T; resolve: (answer: U) => void; reject: (error: unknown) => void }> = [];
  let draining = false;
  const drain = async () => {
    draining = true;
    while (queue.length) {
      await nextTurn();
      const jobs = queue;
      queue = [];
      const sliceStart = performance.now();
      let i = 0;
      for (; i < jobs.length && (i === 0 || performance.now() - sliceStart <= sliceMs); i++) {
        try {
          jobs[i].resolve(fn(jobs[i].item));
        } catch (error) {
          jobs[i].reject(error);
        }
      }
      queue = [...jobs.slice(i), ...queue];
    }
    draining = false;
  };
  return (item) => new Promise<U>((resolve, reject) => {
    queue.push({ item, resolve, reject });
    if (!draining) void drain();
  });
}
