// A time budget for synchronous work (DESIGN §9): remark-parse cannot be interrupted from inside, but
// V8 can stop any running JavaScript from a watchdog thread. `node:vm` exposes that as the `timeout` of
// `runInContext`, which ends whatever the script calls — here, the parse of one chunk — and throws.
// Starting the watchdog costs a fraction of a millisecond, so many parses share one run: each batch
// gets the whole budget, and a parse that was cut short in a batch is tried once more on its own
// before it is declared too complex.
import { createContext, runInContext } from 'node:vm';

interface Slot {
  run: (() => void) | undefined;
}

const slot: Slot = { run: undefined };
const context = createContext({ slot });

function timedOut(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
}

/** Runs `fn` and returns true, or returns false when it ran past `ms` and was stopped. */
function runWithin(ms: number, fn: () => void): boolean {
  slot.run = fn;
  try {
    runInContext('slot.run()', context, { timeout: Math.max(1, Math.ceil(ms)) });
    return true;
  } catch (error) {
    if (timedOut(error)) return false;
    throw error;
  } finally {
    slot.run = undefined;
  }
}

/**
 * Calls `job(i)` for every `i < count`, each within `budgetMs`. Returns the indices whose job ran past
 * the budget (their results are whatever `job` left, normally nothing). `Infinity` runs without a watchdog.
 */
export function runEachWithin(count: number, budgetMs: number, job: (index: number) => void): number[] {
  const overBudget: number[] = [];
  if (!Number.isFinite(budgetMs)) {
    for (let i = 0; i < count; i++) job(i);
    return overBudget;
  }
  let next = 0;
  while (next < count) {
    const batchStart = next;
    let running = -1;
    const finished = runWithin(budgetMs, () => {
      for (; next < count; next++) {
        running = next;
        job(next);
      }
    });
    if (finished) break;
    // `running` was stopped. Alone, with the whole budget, unless it had that already.
    const tooLong = running === batchStart || !runWithin(budgetMs, () => job(running));
    if (tooLong) overBudget.push(running);
    next = running + 1;
  }
  return overBudget;
}
