import { StoryAnalyser, type StoryDocument } from '../core/analyse';
import { expandArguments, readStoryFile, type FileProblem } from './files';
import { parseJson, parseText } from './parseCommand';

const USAGE = `Usage: star-stories <command> <files|globs...> [options]

Commands:
  parse <files...> [--json]   list the stories found in each file

Exit codes: 0 ok, 2 usage error or a file that could not be read.`;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

function report(problem: FileProblem, io: Io): void {
  io.err(`star-stories: ${problem.path}: ${problem.message}`);
}

/** Runs the command line and returns the exit code (kept apart from `process` so tests can call it). */
export function main(argv: string[], io: Io): number {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    (command ? io.out : io.err)(USAGE);
    return command ? 0 : 2;
  }
  if (command !== 'parse') {
    io.err(`star-stories: unknown command '${command}'\n${USAGE}`);
    return 2;
  }
  const flags = rest.filter((a) => a.startsWith('--'));
  const unknown = flags.filter((f) => f !== '--json');
  if (unknown.length) {
    io.err(`star-stories: unknown option '${unknown[0]}'\n${USAGE}`);
    return 2;
  }
  const patterns = rest.filter((a) => !a.startsWith('--'));
  if (patterns.length === 0) {
    io.err(`star-stories: name at least one file or glob\n${USAGE}`);
    return 2;
  }
  const { paths, problems } = expandArguments(patterns);
  problems.forEach((p) => report(p, io));
  const analyser = new StoryAnalyser();
  const documents: StoryDocument[] = [];
  let unreadable = problems.length > 0;
  for (const path of paths) {
    const file = readStoryFile(path);
    if ('message' in file) {
      report(file, io);
      unreadable = true;
      continue;
    }
    documents.push(analyser.analyse(file.text, file.path));
  }
  io.out(flags.includes('--json') ? parseJson(documents) : parseText(documents));
  return unreadable ? 2 : 0;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  });
}
