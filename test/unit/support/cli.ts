// Runs the command line in-process (no build needed) and collects what it prints.
import { main } from '../../../src/cli/cli';

/** `colour` stands for a terminal that takes colours (decided in the real run by `useColour`). */
export function runCli(args: string[], colour = false): { code: number; out: string; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, { out: (t) => out.push(t), err: (t) => err.push(t), colour });
  return { code, out: out.join('\n'), err };
}
