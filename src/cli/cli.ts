import type { StoryDocument } from '../core/analyse';
import type { StarConfig } from '../core/lint/config';
import { parseArgs, UsageError } from './args';
import { loadConfig } from './configFile';
import { expandArguments, readStoryFile, type FileProblem } from './files';
import { lintJson, lintSarif, lintText, type LintedFile } from './lintCommand';
import { analyserFor, lintPath } from './lintFiles';
import { coverageText } from './coverageCommand';
import { parseJson, parseText } from './parseCommand';
import { statsText } from './statsCommand';

declare const STAR_STORIES_VERSION: string | undefined;
const VERSION = typeof STAR_STORIES_VERSION === 'string' ? STAR_STORIES_VERSION : '0.0.0-dev';

const USAGE = `Usage: star-stories <command> <files|globs...> [options]

Commands:
  parse <files...> [--json]                     list the stories found in each file
  lint  <files...> [--format text|json|sarif]   check stories against the rules
                   [--config FILE] [--fix]
  stats <files...> [--config FILE]              words, speaking time and metrics per story
  coverage <files...> [--min N]                 competency × story matrix from the stories' tags

Exit codes: 0 ok, 1 a finding of error severity (lint) or a competency short of stories (coverage), 2 usage error or a file that could not be read.`;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const COMMANDS: Record<string, { withValue: string[]; boolean: string[] }> = {
  parse: { withValue: ['--config'], boolean: ['--json'] },
  lint: { withValue: ['--format', '--config'], boolean: ['--fix'] },
  stats: { withValue: ['--config'], boolean: [] },
  coverage: { withValue: ['--config', '--min'], boolean: [] },
};

function report(problem: FileProblem, io: Io): void {
  io.err(`star-stories: ${problem.path}: ${problem.message}`);
}

/**
 * `read` of every named file, in order: patterns that match nothing and files that cannot be read are
 * reported, the other results handed to `each`. Returns whether anything could not be read.
 */
function forEachFile<T extends object>(patterns: string[], config: StarConfig, io: Io, read: (path: string) => T | FileProblem, each: (result: T) => void): boolean {
  const { paths, problems } = expandArguments(patterns, config.exclude);
  problems.forEach((p) => report(p, io));
  let unreadable = problems.length > 0;
  for (const path of paths) {
    const result = read(path);
    if ('message' in result) {
      report(result as FileProblem, io);
      unreadable = true;
    } else each(result);
  }
  return unreadable;
}

/** Runs the command line and returns the exit code (kept apart from `process` so tests can call it). */
export function main(argv: string[], io: Io): number {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    (command ? io.out : io.err)(USAGE);
    return command ? 0 : 2;
  }
  if (command === '--version') {
    io.out(VERSION);
    return 0;
  }
  const spec = COMMANDS[command];
  if (!spec) {
    io.err(`star-stories: unknown command '${command}'\n${USAGE}`);
    return 2;
  }
  let args;
  try {
    args = parseArgs(rest, spec.withValue, spec.boolean);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`star-stories: ${error.message}\n${USAGE}`);
    return 2;
  }
  const format = (args.flags.get('--format') as string | undefined) ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) {
    io.err(`star-stories: --format must be text, json or sarif, not '${format}'`);
    return 2;
  }
  const loaded = loadConfig(args.flags.get('--config') as string | undefined);
  if (loaded.error) {
    io.err(`star-stories: ${loaded.error}`);
    return 2;
  }
  loaded.warnings.forEach((w) => io.err(`star-stories: ${w}`));
  const config = loaded.config;
  if (command === 'lint') {
    const linted: LintedFile[] = [];
    // Each file is linted as it is read, and only what the report needs is kept.
    const unreadable = forEachFile(args.files, config, io, (path) => lintPath(path, config, args.flags.has('--fix'), io.err), (file) => linted.push(file));
    io.out(format === 'json' ? lintJson(linted) : format === 'sarif' ? lintSarif(linted, VERSION) : lintText(linted));
    if (unreadable) return 2;
    return linted.some((f) => f.findings.some((x) => x.severity === 'error')) ? 1 : 0;
  }

  const documents: StoryDocument[] = [];
  const unreadable = forEachFile(args.files, config, io, readStoryFile, (file) => documents.push(analyserFor(config).analyse(file.text, file.path)));
  if (command === 'parse') {
    io.out(args.flags.has('--json') ? parseJson(documents) : parseText(documents));
    return unreadable ? 2 : 0;
  }
  if (command === 'coverage') {
    const min = Number(args.flags.get('--min') ?? 1);
    if (!Number.isInteger(min) || min < 0) {
      io.err(`star-stories: --min must be a whole number, not '${String(args.flags.get('--min'))}'`);
      return 2;
    }
    const { text, ok } = coverageText(documents, min);
    io.out(text);
    return unreadable ? 2 : ok ? 0 : 1;
  }
  io.out(statsText(documents, config));
  return unreadable ? 2 : 0;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  });
}
