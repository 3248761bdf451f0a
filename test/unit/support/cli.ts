// Runs the command line in-process (no build needed) and collects what it prints.
import { main } from '../../../src/cli/cli';

export function runCli(args: string[]): { code: number; out: string; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err };
}
