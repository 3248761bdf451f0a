import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import AjvDraft4 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { lintGithub } from '../../src/cli/lintCommand';
import { runCli as run } from './support/cli';

const root = join(__dirname, '..', '..');
const seeds = join(root, 'test', 'fixtures', 'seeds');
const schema = (name: string) => JSON.parse(readFileSync(join(root, 'schemas', name), 'utf8')) as object;

describe('star-stories lint', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'star-lint-'));
    writeFileSync(join(dir, 'story.md'), '## Launch\n**Task:** ship it.\n**Action:** We did it.\n**Result:** 3 days early.\n');
  });

  it('prints findings like other linters: file:line:col  severity  code  message', () => {
    const { code, out } = run(['lint', join(dir, 'story.md')]);
    assert.equal(code, 0, 'warnings alone do not fail');
    assert.match(out, /story\.md:1:1 {2}warning {2}STAR001 {2}Story 'Launch' has no Situation/);
    assert.match(out, /story\.md:3:1 {2}info {5}STAR008 {2}/);
    assert.match(out, /1 file, 1 story: 0 errors, 1 warnings, 1 info$/);
  });

  it('exits 1 when a finding has error severity, from --config', () => {
    writeFileSync(join(dir, 'strict.json'), JSON.stringify({ rules: { STAR001: 'error' } }));
    assert.equal(run(['lint', join(dir, 'story.md'), '--config', join(dir, 'strict.json')]).code, 1);
    writeFileSync(join(dir, 'off.json'), JSON.stringify({ rules: { 'missing-section': 'off' } }));
    assert.doesNotMatch(run(['lint', join(dir, 'story.md'), '--config', join(dir, 'off.json')]).out, /STAR001/);
  });

  it('reads .starstories.json from the current directory upwards', () => {
    writeFileSync(join(dir, '.starstories.json'), JSON.stringify({ rules: { STAR001: 'error' } }));
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      assert.equal(run(['lint', 'story.md']).code, 1);
    } finally {
      process.chdir(cwd);
    }
  });

  it('exits 2 on a broken config, an unknown format, and a missing or binary file — and still lints the others', () => {
    writeFileSync(join(dir, 'broken.json'), '{ rules: ');
    assert.equal(run(['lint', join(dir, 'story.md'), '--config', join(dir, 'broken.json')]).code, 2);
    assert.equal(run(['lint', join(dir, 'story.md'), '--format', 'xml']).code, 2);
    writeFileSync(join(dir, 'image.md'), Buffer.from([0xff, 0xd8, 0x00, 0x10]));
    const { code, out, err } = run(['lint', join(dir, 'missing.md'), join(dir, 'image.md'), join(dir, 'story.md'), '--format', 'json']);
    assert.equal(code, 2);
    assert.equal(err.length, 2);
    assert.match(err[0], /missing\.md: no such file/);
    assert.match(err[1], /image\.md: is a binary file/);
    assert.equal((JSON.parse(out) as { files: unknown[] }).files.length, 1);
  });

  it('JSON output validates against schemas/lint-output.schema.json, and parse --json against its schema', () => {
    const ajv = new Ajv({ allErrors: true });
    const lint = JSON.parse(run(['lint', join(seeds, '*.md'), '--format', 'json']).out);
    assert.ok(ajv.validate(schema('lint-output.schema.json'), lint), ajv.errorsText());
    const parse = JSON.parse(run(['parse', join(seeds, '*.md'), '--json']).out);
    assert.ok(ajv.validate(schema('parse-output.schema.json'), parse), ajv.errorsText());
  });

  it('SARIF output is valid SARIF 2.1.0 with a rule entry for every result', () => {
    const sarifSchema = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
    // The published schema has one pattern that is only valid without the `u` flag.
    const ajv = addFormats(new AjvDraft4({ allErrors: true, strict: false, unicodeRegExp: false }));
    const log = JSON.parse(run(['lint', join(seeds, '*.md'), join(dir, 'story.md'), '--format', 'sarif']).out) as {
      version: string;
      runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number }[] }[];
    };
    assert.ok(ajv.validate(sarifSchema, log), ajv.errorsText());
    assert.equal(log.version, '2.1.0');
    const { rules } = log.runs[0].tool.driver;
    assert.ok(log.runs[0].results.length > 0);
    for (const r of log.runs[0].results) assert.equal(rules[r.ruleIndex].id, r.ruleId);
  });

  it('--fix applies only safe fixes, and a second run changes nothing', () => {
    const file = join(dir, 'seed.md');
    copyFileSync(join(seeds, '003_ef79ab7181eafc2e.md'), file);
    const before = readFileSync(file, 'utf8');
    run(['lint', file, '--fix']);
    const once = readFileSync(file, 'utf8');
    // STAR001's insertion is not a safe fix, so the story still lacks its Situation.
    assert.equal(once, before);
    run(['lint', file, '--fix']);
    assert.equal(readFileSync(file, 'utf8'), once);
  });

  it('--format github prints one workflow command per finding, escaped by GitHub\'s rules, with the text\'s exit codes', () => {
    const file = join(dir, 'a,b:c.md');
    writeFileSync(file, '## Launch: 50%, done\n**Task:** ship it.\n**Action:** We did it.\n**Result:** 3 days early.\n');
    const { code, out } = run(['lint', file, '--format', 'github']);
    assert.equal(code, 0);
    const where = file.replace(/\\/g, '/').replace(/:/g, '%3A').replace(/,/g, '%2C');
    assert.deepEqual(out.split('\n'), [
      `::warning file=${where},line=1,col=1,endLine=1,endColumn=21,title=STAR001 missing-section::Story 'Launch: 50%25, done' has no Situation — add one line of context before the Task.`,
      `::notice file=${where},line=3,col=1,endLine=3,endColumn=12,title=STAR008 we-over-i::The Action of 'Launch: 50%25, done' says "we" 1× and "I" 0× — say what you did yourself.`,
    ]);
    writeFileSync(join(dir, 'strict.json'), JSON.stringify({ rules: { STAR001: 'error' } }));
    const strict = run(['lint', file, '--format', 'github', '--config', join(dir, 'strict.json')]);
    assert.equal(strict.code, 1);
    assert.match(strict.out, /^::error file=/);
  });

  it('escapes line breaks and percent signs in a GitHub message, and colons and commas in its properties', () => {
    const range = { start: { line: 0, character: 4 }, end: { line: 1, character: 0 } };
    const text = lintGithub([{ path: 'C:\\bank\\x,y.md', stories: 1, findings: [{ rule: 'STAR006', name: 'metric-math', severity: 'error', message: '100%\r\n::warning::x', range, fixable: false }] }]);
    assert.equal(text, '::error file=C%3A/bank/x%2Cy.md,line=1,col=5,endLine=2,endColumn=1,title=STAR006 metric-math::100%25%0D%0A::warning::x');
    assert.equal(lintGithub([{ path: 'clean.md', stories: 1, findings: [] }]), '');
  });

  it('--quiet reports errors only, in every format, and keeps the exit code of the errors', () => {
    const story = join(dir, 'story.md');
    const quiet = run(['lint', story, '--quiet']);
    assert.deepEqual([quiet.code, quiet.out], [0, '1 file, 1 story: 0 errors, 0 warnings, 0 info']);
    assert.deepEqual(run(['lint', story, '--quiet', '--format', 'github']), { code: 0, out: '', err: [] });
    writeFileSync(join(dir, 'strict.json'), JSON.stringify({ rules: { STAR008: 'error' } }));
    const strict = ['--config', join(dir, 'strict.json'), '--quiet'];
    const text = run(['lint', story, ...strict]);
    assert.equal(text.code, 1);
    const [finding, ...rest] = text.out.split('\n');
    assert.match(finding, /story\.md:3:1 {2}error {4}STAR008 {2}The Action of 'Launch'/);
    assert.deepEqual(rest, ['1 file, 1 story: 1 errors, 0 warnings, 0 info']);
    const json = JSON.parse(run(['lint', story, ...strict, '--format', 'json']).out) as { files: { findings: { rule: string }[] }[] };
    assert.deepEqual(json.files[0].findings.map((f) => f.rule), ['STAR008']);
    const sarif = JSON.parse(run(['lint', story, ...strict, '--format', 'sarif']).out) as { runs: { results: { ruleId: string; level: string }[] }[] };
    assert.deepEqual(sarif.runs[0].results.map((r) => [r.ruleId, r.level]), [['STAR008', 'error']]);
  });
});
