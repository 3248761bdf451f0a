import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMANDS } from '../../src/cli/usage';
import { runCli as run } from './support/cli';

const root = join(__dirname, '..', '..');
const seeds = join('test', 'fixtures', 'seeds');
const expected = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'expected.json'), 'utf8')) as {
  files: Record<string, { stories: { title: string; line: number; framework: string; targetSeconds: unknown; sections: unknown[][]; followUps: number[] }[] }>;
};

describe('star-stories parse', () => {
  let scratch: string;
  before(() => {
    scratch = mkdtempSync(join(tmpdir(), 'star-cli-'));
    writeFileSync(join(scratch, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    writeFileSync(join(scratch, 'latin1.md'), Buffer.from('## Caf\xe9\n\n**Situation:** a\n', 'latin1'));
    writeFileSync(join(scratch, 'good.md'), '## Launch\n\n**Situation:** a\n**Task:** b\n**Action:** c\n**Result:** d\n');
    mkdirSync(join(scratch, 'empty'));
  });

  it('prints the JSON contract of DESIGN §6, matching expected.json for every seed', () => {
    const { code, out } = run(['parse', `${seeds}/*.md`, '--json']);
    assert.equal(code, 0);
    const json = JSON.parse(out) as { files: { path: string; stories: Record<string, unknown>[] }[] };
    assert.equal(json.files.length, 5);
    for (const file of json.files) {
      const name = file.path.replace(/^.*[\\/]/, '');
      const want = expected.files[name].stories;
      assert.deepEqual(
        file.stories.map((s) => ({
          title: s.title, line: s.line, framework: s.framework, targetSeconds: s.targetSeconds,
          sections: (s.sections as { role: string; line: number; targetSeconds: unknown }[]).map((x) => [x.role, x.line, x.targetSeconds]),
          followUps: (s.followUps as { line: number }[]).map((f) => f.line),
        })),
        want,
        name,
      );
      for (const story of file.stories) {
        assert.deepEqual(Object.keys(story), ['title', 'line', 'framework', 'language', 'targetSeconds', 'sections', 'followUps', 'tags']);
        assert.equal(story.language, 'en', `${name}: ${String(story.title)}`);
        for (const section of story.sections as Record<string, unknown>[]) {
          assert.deepEqual(Object.keys(section), ['role', 'label', 'line', 'words', 'targetSeconds']);
          assert.equal(typeof section.words, 'number');
        }
      }
    }
  });

  it('names each unreadable file in one stderr line, reports the others, and exits 2', () => {
    const { code, out, err } = run(['parse', join(scratch, 'missing.md'), join(scratch, 'empty'), join(scratch, 'binary.md'), join(scratch, 'latin1.md'), join(scratch, 'good.md'), '--json']);
    assert.equal(code, 2);
    assert.equal(err.length, 4);
    // Folders and globs are expanded before any file is read, so what they lack is named first.
    assert.match(err[0], /empty: no Markdown files \(\*\.md, \*\.markdown\) in this folder$/);
    assert.match(err[1], /missing\.md: no such file$/);
    assert.match(err[2], /binary\.md: is a binary file/);
    assert.match(err[3], /latin1\.md: is not valid UTF-8/);
    const json = JSON.parse(out) as { files: { path: string; stories: unknown[] }[] };
    assert.deepEqual(json.files.map((f) => [f.path.replace(/^.*[\\/]/, ''), f.stories.length]), [['good.md', 1]]);
  });

  it('prints a readable summary without --json', () => {
    const { code, out } = run(['parse', join(seeds, '004_36f7538ca1c6028e.md')]);
    assert.equal(code, 0);
    assert.match(out, /004_36f7538ca1c6028e\.md: 1 story/);
    assert.match(out, /22 {2}Elevator Pitch \(30 seconds\) {2}\(STAR · target 30s\)/);
    assert.match(out, /24 {2}Situation/);
  });

  it('rejects unknown commands and options with exit code 2', () => {
    assert.equal(run(['frobnicate']).code, 2);
    assert.equal(run(['parse', '--yaml', 'x.md']).code, 2);
    assert.equal(run(['parse']).code, 2);
    assert.equal(run(['parse', 'nothing-here/*.md']).code, 2);
  });

  it('prints each command\'s own help with --help or -h, exit 0, listing exactly the options it accepts', () => {
    const lint = run(['lint', '--help']);
    assert.equal(lint.code, 0);
    assert.match(lint.out, /^Usage: star-stories lint <files\|folders\|globs\.\.\.> \[options\]\n\nCheck stories against the rules\.\n/);
    assert.match(lint.out, /--format text\|json\|sarif\|github/);
    assert.match(lint.out, /--quiet {2,}report errors only/);
    assert.deepEqual(run(['lint', 'a.md', '-h']), lint);
    for (const [name, command] of Object.entries(COMMANDS)) {
      const shown = [...run([name, '--help']).out.matchAll(/^ {2}(--[a-z]+)/gm)].map((m) => m[1]);
      assert.deepEqual(shown, [...command.options.map(([option]) => option.split(' ')[0]), '--help'], name);
    }
    assert.doesNotMatch(run(['parse', '--help']).out, /--fix|--quiet/);
    // An option the command does not take names it, then shows that command's help.
    const wrong = run(['stats', 'a.md', '--quiet']);
    assert.equal(wrong.code, 2);
    assert.match(wrong.err[0], /^star-stories: unknown option '--quiet'\nUsage: star-stories stats /);
  });

  it('prints the commands and the version at the top level', () => {
    const help = run(['--help']);
    assert.equal(help.code, 0);
    for (const name of Object.keys(COMMANDS)) assert.match(help.out, new RegExp(`^ {2}${name} +\\S`, 'm'));
    assert.match(help.out, /node_modules and \.git skipped/);
    assert.deepEqual(run(['--version']), { code: 0, out: '0.0.0-dev', err: [] }, 'unbundled, no version is defined');
    assert.equal(run(['toString', 'a.md']).code, 2, 'only the commands are commands');
  });
});

describe('the bundled dist/cli.js', () => {
  const cli = join(root, 'dist', 'cli.js');
  const story = join(seeds, '001_0100f59d336e01c0.md');
  // The run's own colour settings are not the ones under test.
  const quietEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NO_COLOR' && name !== 'FORCE_COLOR'));
  const spawn = (args: string[], env: NodeJS.ProcessEnv = {}) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', env: { ...quietEnv, ...env } });

  before(function () {
    this.timeout(60000);
    execFileSync(process.execPath, [join(root, 'esbuild.mjs')], { cwd: root });
  });

  it('parses a seed', () => {
    const result = spawn(['parse', story, '--json']);
    assert.equal(result.status, 0, result.stderr);
    assert.equal((JSON.parse(result.stdout) as { files: { stories: unknown[] }[] }).files[0].stories.length, 7);
  });

  it('prints the version of package.json', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    assert.equal(spawn(['--version']).stdout, `${version}\n`);
  });

  it('colours lint only when FORCE_COLOR says so, stdout being a pipe here', () => {
    assert.doesNotMatch(spawn(['lint', story]).stdout, /\x1b/);
    assert.match(spawn(['lint', story], { FORCE_COLOR: '1' }).stdout, /\x1b\[2m\d+ files?, /);
    assert.doesNotMatch(spawn(['lint', story], { NO_COLOR: '1' }).stdout, /\x1b/);
  });
});
