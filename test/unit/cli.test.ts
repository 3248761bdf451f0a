import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/cli';

const root = join(__dirname, '..', '..');
const seeds = join('test', 'fixtures', 'seeds');
const expected = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'expected.json'), 'utf8')) as {
  files: Record<string, { stories: { title: string; line: number; framework: string; targetSeconds: unknown; sections: unknown[][]; followUps: number[] }[] }>;
};

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err };
}

describe('star-stories parse', () => {
  let scratch: string;
  before(() => {
    scratch = mkdtempSync(join(tmpdir(), 'star-cli-'));
    writeFileSync(join(scratch, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    writeFileSync(join(scratch, 'latin1.md'), Buffer.from('## Caf\xe9\n\n**Situation:** a\n', 'latin1'));
    writeFileSync(join(scratch, 'good.md'), '## Launch\n\n**Situation:** a\n**Task:** b\n**Action:** c\n**Result:** d\n');
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
    const { code, out, err } = run(['parse', join(scratch, 'missing.md'), scratch, join(scratch, 'binary.md'), join(scratch, 'latin1.md'), join(scratch, 'good.md'), '--json']);
    assert.equal(code, 2);
    assert.equal(err.length, 4);
    assert.match(err[0], /missing\.md: no such file$/);
    assert.match(err[1], /is a directory/);
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

  it('runs as the bundled dist/cli.js', function () {
    this.timeout(60000);
    execFileSync(process.execPath, [join(root, 'esbuild.mjs')], { cwd: root });
    const result = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'parse', join(seeds, '001_0100f59d336e01c0.md'), '--json'], { cwd: root, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.equal((JSON.parse(result.stdout) as { files: { stories: unknown[] }[] }).files[0].stories.length, 7);
  });
});
