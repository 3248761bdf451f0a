// The npm package of the CLI as `npm publish` would make it: `npm pack` (whose prepack is the production
// build), installed into an empty prefix without dev dependencies and without the network, then run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; dependencies?: Record<string, string>; files: string[] };

function npm(args: string[], cwd: string) {
  const run = spawnSync('npm', args, { cwd, encoding: 'utf8' });
  assert.equal(run.status, 0, `npm ${args.join(' ')} failed:\n${run.stdout}\n${run.stderr}`);
  return run.stdout;
}

describe('the npm package (star-stories CLI)', function () {
  // npm pack with its production build, then an offline install: about 4 s here.
  this.timeout(120_000);
  let scratch: string;
  let packed: { filename: string; files: { path: string }[] };
  let bin: string;
  const cli = (args: string[], cwd = scratch) => spawnSync(bin, args, { cwd, encoding: 'utf8' });

  before(() => {
    scratch = mkdtempSync(join(tmpdir(), 'star-npm-'));
    [packed] = JSON.parse(npm(['pack', '--json', '--silent', '--pack-destination', scratch], root)) as [typeof packed];
    const prefix = join(scratch, 'prefix');
    mkdirSync(prefix);
    // --offline: with no dependencies the tarball is all there is to install; one that needed the registry fails here.
    npm(['install', '--prefix', prefix, '--omit=dev', '--no-audit', '--no-fund', '--offline', join(scratch, packed.filename)], scratch);
    bin = join(prefix, 'node_modules', '.bin', 'star-stories');
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('holds the bundled CLI, the JSON schemas its output follows, README, LICENSE and CHANGELOG, nothing else', () => {
    assert.deepEqual(packed.files.map((f) => f.path).sort(), [
      'CHANGELOG.md', 'LICENSE', 'README.md', 'dist/cli.js', 'package.json',
      'schemas/lint-output.schema.json', 'schemas/parse-output.schema.json', 'schemas/starstories.schema.json',
    ]);
  });

  it('has no run-time dependencies: the bundle requires only Node built-ins', () => {
    assert.deepEqual(manifest.dependencies ?? {}, {});
    const required = [...readFileSync(join(root, 'dist/cli.js'), 'utf8').matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    assert.ok(required.length > 0, 'found the bundle\'s require() calls');
    assert.deepEqual([...new Set(required.filter((name) => !isBuiltin(name)))], []);
  });

  it('prints the version of package.json', () => {
    const run = cli(['--version']);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout.trim(), manifest.version);
  });

  it('prints its usage', () => {
    const run = cli(['--help']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^Usage: star-stories <command>/);
    assert.match(run.stdout, /\blint\b/);
  });

  it('lints a story: a finding in a file of its own, exit 1 when the configuration makes it an error', () => {
    const story = [
      '## Cutting the build time', '',
      '**Situation:** Our CI build took 40 minutes and blocked every merge on a team of twelve.', '',
      '**Task:** I owned bringing it under 10 minutes within one quarter.', '',
      '**Action:** I profiled the pipeline, cached dependencies and split the tests into four parallel jobs.', '',
    ].join('\n');
    writeFileSync(join(scratch, 'story.md'), story);
    writeFileSync(join(scratch, 'strict.json'), JSON.stringify({ rules: { STAR001: 'error' } }));

    const lenient = cli(['lint', 'story.md']);
    assert.equal(lenient.status, 0, lenient.stderr);
    assert.match(lenient.stdout, /^story\.md:1:1 +warning +STAR001 /m);

    const strict = cli(['lint', 'story.md', '--config', 'strict.json']);
    assert.equal(strict.status, 1, strict.stderr);
    assert.match(strict.stdout, /^story\.md:1:1 +error +STAR001 /m);

    writeFileSync(join(scratch, 'story.md'), `${story}\n**Result:** The build fell from 40 to 8 minutes, an 80% reduction.\n`);
    const fixed = cli(['lint', 'story.md', '--config', 'strict.json']);
    assert.equal(fixed.status, 0, fixed.stdout);
    assert.doesNotMatch(fixed.stdout, /STAR001/);
  });
});
