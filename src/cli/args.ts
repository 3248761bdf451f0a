// A small, strict argument reader: known flags only, values for the flags that take one.

export interface ParsedArgs {
  files: string[];
  flags: Map<string, string | true>;
}

export class UsageError extends Error {}

export function parseArgs(argv: string[], withValue: readonly string[], boolean: readonly string[]): ParsedArgs {
  const files: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--') || arg === '--') {
      files.push(arg);
      continue;
    }
    const [name, inline] = arg.split(/=(.*)/s, 2);
    if (withValue.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`option '${name}' needs a value`);
      flags.set(name, value);
    } else if (boolean.includes(name) && inline === undefined) {
      flags.set(name, true);
    } else {
      throw new UsageError(`unknown option '${name}'`);
    }
  }
  if (files.length === 0) throw new UsageError('name at least one file or glob');
  return { files, flags };
}
