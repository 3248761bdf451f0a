// Nested `.starstories.json` files, as markdownlint-cli2 applies them: each to its folder and below,
// merged over the ones above it — in the core's resolution and in the CLI that reads the files.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFolders, readConfigText } from '../../src/core/lint/configLayers';
import { loadConfig } from '../../src/cli/configFile';
import { main } from '../../src/cli/cli';
import { mergeConfig, ruleLevel } from '../../src/core/lint/config';

describe('configuration layers', () => {
  it('lets the later layer win, whichever way each names the rule', () => {
    const byName = mergeConfig({ rules: { STAR005: 'error' } }, { rules: { 'result-without-metric': 'off' } });
    assert.equal(ruleLevel(byName.rules, 'STAR005', 'result-without-metric'), 'off');
    const byCode = mergeConfig({ rules: { 'result-without-metric': 'off', star005: 'info' } }, { rules: { STAR005: 'error' } });
    assert.equal(ruleLevel(byCode.rules, 'STAR005', 'result-without-metric'), 'error');
    const again = mergeConfig({ rules: { STAR005: 'error' } }, { rules: { 'result-without-metric': 'off' } }, { rules: { STAR005: 'warning' } });
    assert.equal(ruleLevel(again.rules, 'STAR005', 'result-without-metric'), 'warning', 'a key set again moves to the end');
  });

  it('lists the folders from the root down to the file, and none for a file outside the root', () => {
    assert.deepEqual(configFolders('/ws', '/ws/a/b/story.md'), ['/ws', '/ws/a', '/ws/a/b']);
    assert.deepEqual(configFolders('/ws/', '/ws/story.md'), ['/ws']);
    assert.deepEqual(configFolders('/ws', '/wsx/story.md'), []);
    assert.deepEqual(configFolders('/ws', '/elsewhere/story.md'), []);
  });

  it('reads JSON with comments and trailing commas, and names where a broken file breaks', () => {
    const { config, error } = readConfigText('{\n  // stricter here\n  "rules": { "STAR005": "error", },\n}\n', false);
    assert.equal(error, undefined);
    assert.deepEqual(config.rules, { STAR005: 'error' });
    assert.match(readConfigText('{\n  "rules": {\n    "STAR005" "error"\n  }\n}', false).error ?? '', /ColonExpected at line 3, column 15/);
  });

  it('lets only the top-level file choose which files are stories', () => {
    const nested = readConfigText('{"exclude": ["drafts/**"], "wordsPerMinute": 120}', true);
    assert.equal(nested.config.exclude, undefined);
    assert.equal(nested.config.wordsPerMinute, 120);
    assert.deepEqual(nested.problems, ['exclude applies only in the top-level configuration; ignored here']);
    assert.deepEqual(readConfigText('{"exclude": ["drafts/**"]}', false).config.exclude, ['drafts/**']);
  });
});

describe('star-stories with nested configuration files', () => {
  // A Result without a number: STAR005 (a warning by default).
  const story = '## Launch\n\n**Situation:** a\n**Task:** b\n**Action:** I did c\n**Result:** it went well\n';
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'star-layers-'));
    mkdirSync(join(root, 'team', 'deep'), { recursive: true });
    mkdirSync(join(root, 'broken'));
    writeFileSync(join(root, '.starstories.json'), '{"rules": {"STAR005": "error"}, "wordsPerMinute": 100}');
    writeFileSync(join(root, 'team', '.starstories.jsonc'), '{\n  // this team does not count\n  "rules": {"result-without-metric": "off"},\n  "exclude": ["x"],\n}\n');
    writeFileSync(join(root, 'broken', '.starstories.json'), '{"rules": ');
    for (const dir of ['', 'team', join('team', 'deep'), 'broken']) writeFileSync(join(root, dir, 'story.md'), story);
  });

  const run = (args: string[], cwd: string) => {
    const out: string[] = [];
    const err: string[] = [];
    const previous = process.cwd();
    process.chdir(cwd);
    try {
      return { code: main(args, { out: (t) => out.push(t), err: (t) => err.push(t) }), out: out.join('\n'), err: err.join('\n') };
    } finally {
      process.chdir(previous);
    }
  };

  it('merges each folder\'s file over the ones above it, down to the story\'s folder', () => {
    const warnings: string[] = [];
    const loaded = loadConfig(undefined, (w) => warnings.push(w), root);
    if (loaded.error !== undefined) assert.fail(loaded.error);
    const { resolver } = loaded;
    assert.equal(resolver.forFile('story.md').rules.STAR005, 'error');
    const deep = resolver.forFile(join(root, 'team', 'deep', 'story.md'));
    assert.equal(ruleLevel(deep.rules, 'STAR005', 'result-without-metric'), 'off', 'the nested name overrides the code above');
    assert.equal(deep.wordsPerMinute, 100, 'what the nested file does not set comes from above');
    assert.deepEqual(deep.exclude, resolver.base.exclude, 'a nested file does not choose files');
    assert.deepEqual(warnings, [`${join(root, 'team', '.starstories.jsonc')}: exclude applies only in the top-level configuration; ignored here`]);
  });

  it('applies them in lint: an error at the root, nothing under team/, and a broken nested file named with exit 2', () => {
    const { code, out, err } = run(['lint', 'story.md', 'team/story.md', 'team/deep/story.md', 'broken/story.md'], root);
    const star005 = out.split('\n').filter((line) => line.includes('STAR005')).map((line) => line.split(':')[0]);
    assert.deepEqual(star005, ['story.md', 'broken/story.md'], 'broken/ falls back to the root\'s file');
    assert.match(out, /^story\.md:\d+:\d+ +error +STAR005/m);
    assert.match(err, /broken[/\\]\.starstories\.json: .*at line 1, column 11/);
    assert.equal(code, 2);
  });

  it('starts from the nearest file above a subfolder it runs in, and --config replaces that file', () => {
    assert.match(run(['lint', 'story.md'], join(root, 'team')).out, /0 errors, 0 warnings/);
    writeFileSync(join(root, 'lenient.json'), '{"rules": {"STAR005": "info"}}');
    const { code, out } = run(['lint', 'story.md', 'team/deep/story.md', '--config', 'lenient.json'], root);
    assert.match(out, /^story\.md:\d+:\d+ +info +STAR005/m);
    assert.doesNotMatch(out, /team/, 'the nested file still turns the rule off below it');
    assert.equal(code, 0);
  });
});
