// Which `.starstories.json` files apply to a story file, as markdownlint-cli2 does it: each applies to
// its folder and below, merged over the ones above it up to the root (the workspace folder, or the
// CLI's current directory). One resolution for the CLI and the extension, which differ only in how
// they read a file: paths here are '/'-separated, as a URI's path is.
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { readConfig, type StarConfig } from './config';

/** The names a configuration file may have, in the order they win when a folder holds both. */
export const CONFIG_FILES = ['.starstories.json', '.starstories.jsonc'] as const;

/** Keys that only the root's configuration may set: they choose which files are stories at all. */
const ROOT_ONLY = ['include', 'exclude'] as const;

/**
 * The folders whose configuration applies to `file`, outermost first: `root`, then each folder below it
 * down to the file's own. Empty when the file is not under `root`.
 */
export function configFolders(root: string, file: string): string[] {
  const base = root.replace(/\/+$/, '');
  if (!file.startsWith(`${base}/`)) return [];
  const folders = [base];
  const parts = file.slice(base.length + 1).split('/').slice(0, -1);
  for (const part of parts) folders.push(`${folders[folders.length - 1]}/${part}`);
  return folders;
}

/** Line and column (1-based) of `offset` in `text`, for a message a person can follow. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

/**
 * Reads one configuration file's text: JSON with comments and trailing commas allowed. `error` when it
 * is not JSON at all; `problems` for keys it ignores. A nested file (`nested`) may not choose files.
 */
export function readConfigText(text: string, nested: boolean): { config: Partial<StarConfig>; problems: string[]; error?: string } {
  const errors: ParseError[] = [];
  const json: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length) {
    const [first] = errors;
    return { config: {}, problems: [], error: `${printParseErrorCode(first.error)} at ${lineAndColumn(text, first.offset)}` };
  }
  const { config, problems } = readConfig(json);
  if (nested) {
    for (const key of ROOT_ONLY) {
      if (config[key] === undefined) continue;
      delete config[key];
      problems.push(`${key} applies only in the top-level configuration; ignored here`);
    }
  }
  return { config, problems };
}
