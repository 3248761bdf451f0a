// The commands, their options and the help that describes them: one table, so the help cannot
// name an option the reader does not accept.

export interface Command {
  summary: string;
  /** `--flag` alone, or `--flag VALUE` for one that takes a value; each with what it does. */
  options: [string, string][];
}

const CONFIG: [string, string] = ['--config FILE', 'the configuration (default: the nearest .starstories.json in or above the current directory)'];

export const COMMANDS: Record<string, Command> = {
  parse: { summary: 'list the stories found in each file', options: [['--json', 'print JSON (schemas/parse-output.schema.json)'], CONFIG] },
  lint: {
    summary: 'check stories against the rules',
    options: [
      ['--format text|json|sarif|github', 'text (default), JSON, SARIF 2.1.0, or GitHub Actions annotations'],
      CONFIG,
      ['--fix', 'apply the safe fixes and write the files'],
      ['--quiet', 'report errors only, not warnings or info'],
    ],
  },
  stats: { summary: 'words, speaking time and metrics per story', options: [CONFIG] },
  coverage: { summary: "competency × story matrix from the stories' tags", options: [['--min N', 'stories each competency needs (default 1)'], CONFIG] },
};

/** The flags `parseArgs` accepts for a command, with a value or alone. */
export function flagsOf(command: Command): { withValue: string[]; boolean: string[] } {
  const flags = command.options.map(([option]) => option.split(' '));
  return { withValue: flags.filter((f) => f.length > 1).map((f) => f[0]), boolean: flags.filter((f) => f.length === 1).map((f) => f[0]) };
}

const ARGUMENTS = `A folder stands for the *.md and *.markdown files in it and below (node_modules and .git skipped).
Quote globs so the shell leaves them to the tool: 'stories/**/*.md'.`;

const EXIT_CODES = 'Exit codes: 0 ok, 1 a finding of error severity (lint) or a competency short of stories (coverage), 2 usage error or a file that could not be read.';

const table = (rows: [string, string][]) => {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`).join('\n');
};

export const USAGE = `Usage: star-stories <command> <files|folders|globs...> [options]

Commands:
${table(Object.entries(COMMANDS).map(([name, c]) => [name, c.summary]))}

'star-stories <command> --help' lists a command's options; 'star-stories --version' prints the version.
${ARGUMENTS}

${EXIT_CODES}`;

/** `star-stories lint --help`. */
export function commandUsage(name: string): string {
  const command = COMMANDS[name];
  return `Usage: star-stories ${name} <files|folders|globs...> [options]

${command.summary[0].toUpperCase()}${command.summary.slice(1)}.

Options:
${table([...command.options, ['--help', 'print this help']])}

${ARGUMENTS}

${EXIT_CODES}`;
}
