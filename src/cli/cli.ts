import type { StoryDocument } from '../core/analyse';
import { parseArgs, UsageError } from './args';
import { loadConfig, type ConfigResolver } from './configFile';
import { expandArguments, readStoryFile, type FileProblem } from './files';
import { errorsOnly, lintGithub, lintJson, lintSarif, lintText, type LintedFile } from './lintCommand';
import { analyserFor, lintPath } from './lintFiles';
import { coverageText } from './coverageCommand';
import { parseJson, parseText } from './parseCommand';
import { statsText } from './statsCommand';
import { ansi, plain, printable, useColour } from './terminalText';
import { COMMANDS, commandUsage, flagsOf, USAGE } from './usage';

declare const STAR_STORIES_VERSION: string | undefined;
const VERSION = typeof STAR_STORIES_VERSION === 'string' ? STAR_STORIES_VERSION : '0.0.0-dev';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether stdout takes colours (`useColour`); the caller decides, as only it knows the stream. */
  colour?: boolean;
}

/** `lint --format`: each format's report of the linted files. Only text, meant for people, has colours. */
const REPORTS: Record<string, (files: LintedFile[], io: Io) => string> = {
  text: (files, io) => lintText(files, io.colour ? ansi : plain),
  json: lintJson,
  sarif: (files) => lintSarif(files, VERSION),
  github: lintGithub,
};

/** One line on stderr, made safe for the terminal whatever file name or story text it carries. */
function complain(io: Io, message: string): void {
  io.err(`star-stories: ${printable(message)}`);
}

function report(problem: FileProblem, io: Io): void {
  complain(io, `${problem.path}: ${problem.message}`);
}

/**
 * `read` of every named file, in order: patterns that match nothing and files that cannot be read are
 * reported, the other results handed to `each`. Returns whether anything (a configuration file included)
 * could not be read.
 */
function forEachFile<T extends object>(patterns: string[], configs: ConfigResolver, io: Io, read: (path: string) => T | FileProblem, each: (result: T) => void): boolean {
  const { paths, problems } = expandArguments(patterns, configs.base.exclude);
  problems.forEach((p) => report(p, io));
  let unreadable = problems.length > 0;
  for (const path of paths) {
    const result = read(path);
    if ('message' in result) {
      report(result as FileProblem, io);
      unreadable = true;
    } else each(result);
  }
  return unreadable || configs.broken;
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
  const spec = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!spec) {
    io.err(`star-stories: unknown command '${printable(command)}'\n${USAGE}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(commandUsage(command));
    return 0;
  }
  let args;
  try {
    const { withValue, boolean } = flagsOf(spec);
    args = parseArgs(rest, withValue, boolean);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`star-stories: ${printable(error.message)}\n${commandUsage(command)}`);
    return 2;
  }
  const format = (args.flags.get('--format') as string | undefined) ?? 'text';
  if (!Object.hasOwn(REPORTS, format)) {
    complain(io, `--format must be text, json, sarif or github, not '${format}'`);
    return 2;
  }
  const loaded = loadConfig(args.flags.get('--config') as string | undefined, (w) => complain(io, w));
  if (loaded.error !== undefined) {
    complain(io, loaded.error);
    return 2;
  }
  const { resolver } = loaded;
  if (command === 'lint') {
    const linted: LintedFile[] = [];
    // Each file is linted as it is read, and only what the report needs is kept.
    const keep = args.flags.has('--quiet') ? errorsOnly : (file: LintedFile) => file;
    const unreadable = forEachFile(args.files, resolver, io, (path) => lintPath(path, resolver.forFile(path), args.flags.has('--fix'), (m) => complain(io, m)), (file) => linted.push(keep(file)));
    const text = REPORTS[format](linted, io);
    // No findings give no workflow commands, and not an empty line either.
    if (text) io.out(text);
    if (unreadable) return 2;
    return linted.some((f) => f.findings.some((x) => x.severity === 'error')) ? 1 : 0;
  }

  const documents: StoryDocument[] = [];
  const unreadable = forEachFile(args.files, resolver, io, readStoryFile, (file) => documents.push(analyserFor(resolver.forFile(file.path)).analyse(file.text, file.path)));
  if (command === 'parse') {
    io.out(args.flags.has('--json') ? parseJson(documents) : parseText(documents));
    return unreadable ? 2 : 0;
  }
  if (command === 'coverage') {
    const min = Number(args.flags.get('--min') ?? 1);
    if (!Number.isInteger(min) || min < 0) {
      complain(io, `--min must be a whole number, not '${String(args.flags.get('--min'))}'`);
      return 2;
    }
    const { text, ok } = coverageText(documents, min);
    io.out(text);
    return unreadable ? 2 : ok ? 0 : 1;
  }
  io.out(statsText(documents, (file) => resolver.forFile(file)));
  return unreadable ? 2 : 0;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    colour: useColour(process.env, process.stdout.isTTY === true),
  });
}
