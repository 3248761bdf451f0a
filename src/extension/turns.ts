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
