// What the command line prints to a terminal: inert file names and story text, and colours only where wanted.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printable, useColour } from '../../src/cli/terminalText';
import { runCli } from './support/cli';

// Anything a terminal would act on rather than show.
const UNSAFE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

describe('printable', () => {
  it('escapes C0 and C1 controls, DEL and the bidi overrides and isolates', () => {
    assert.equal(printable('Launch\x1b[31mRED'), 'Launch\\x1b[31mRED');
    assert.equal(printable('evil\x1b]0;title\x07.md'), 'evil\\x1b]0;title\\x07.md');
    assert.equal(printable('a\x00b\x1fc\x7fd\x80e\x9bf'), 'a\\x00b\\x1fc\\x7fd\\x80e\\x9bf');
    assert.equal(printable('tab\there\nnew\rline'), 'tab\\there\\nnew\\rline');
    assert.equal(printable('\u202a\u202b\u202c\u202d\u202e|\u2066\u2067\u2068\u2069'), '\\u202a\\u202b\\u202c\\u202d\\u202e|\\u2066\\u2067\\u2068\\u2069');
  });

  it('leaves everything else as it is, accents, arrows and spaces beside the escaped ranges included', () => {
    for (const text of ['Café — 50% → 40 ✓ × ·', '\xa0no-break\u2029', '\u2029\u202f\u2065\u206a', 'C:\\stories\\x1b.md', '']) assert.equal(printable(text), text);
  });
});

describe('useColour', () => {
  it('colours a terminal and nothing else, unless told', () => {
    assert.equal(useColour({}, true), true);
    assert.equal(useColour({}, false), false);
    assert.equal(useColour({ NO_COLOR: '1' }, true), false);
    assert.equal(useColour({ NO_COLOR: '' }, true), true, 'an empty NO_COLOR is not set (no-color.org)');
    assert.equal(useColour({ TERM: 'dumb' }, true), false);
    assert.equal(useColour({ FORCE_COLOR: '1' }, false), true);
    assert.equal(useColour({ FORCE_COLOR: '3' }, false), true);
    assert.equal(useColour({ FORCE_COLOR: '' }, false), false, 'an empty FORCE_COLOR is not set');
    assert.equal(useColour({ FORCE_COLOR: '0' }, true), false);
    assert.equal(useColour({ FORCE_COLOR: 'false' }, true), false);
    assert.equal(useColour({ FORCE_COLOR: '1', NO_COLOR: '1', TERM: 'dumb' }, false), true, 'FORCE_COLOR wins, as in Node');
  });
});

describe('star-stories on a terminal', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'star-terminal-'));
    writeFileSync(join(dir, 'story.md'), '## Launch\n**Task:** ship it.\n**Action:** We did it.\n**Result:** 3 days early.\n');
    writeFileSync(join(dir, 'strict.json'), JSON.stringify({ rules: { STAR008: 'error' } }));
  });

  it('colours the severity and dims the rule code and the count in lint\'s text, padding outside the colour', () => {
    const { out } = runCli(['lint', join(dir, 'story.md'), '--config', join(dir, 'strict.json')], true);
    const lines = out.split('\n');
    assert.equal(lines.length, 3);
    assert.ok(lines[0].startsWith(`${join(dir, 'story.md')}:1:1  \x1b[33mwarning\x1b[39m  \x1b[2mSTAR001\x1b[22m  Story 'Launch' has no Situation`), lines[0]);
    assert.ok(lines[1].startsWith(`${join(dir, 'story.md')}:3:1  \x1b[31merror\x1b[39m    \x1b[2mSTAR008\x1b[22m  The Action of 'Launch'`), lines[1]);
    assert.equal(lines[2], '\x1b[2m1 file, 1 story: 1 errors, 1 warnings, 0 info\x1b[22m');
    const info = runCli(['lint', join(dir, 'story.md')], true).out.split('\n')[1];
    assert.ok(info.includes('  \x1b[36minfo\x1b[39m     \x1b[2mSTAR008'), info);
  });

  it('prints no colours when the terminal takes none, nor in JSON, SARIF or GitHub annotations', () => {
    assert.doesNotMatch(runCli(['lint', join(dir, 'story.md')]).out, /\x1b/);
    for (const format of ['json', 'sarif', 'github']) assert.doesNotMatch(runCli(['lint', join(dir, 'story.md'), '--format', format], true).out, /\x1b/, format);
  });

  it('shows a hostile file name and story title escaped in every text output and on stderr', () => {
    const name = 'evil\x1b]0;title\x07.md';
    writeFileSync(join(dir, name), '## Launch\x1b[31mRED \u202egnp.exe\n**Task:** ship it.\n**Action:** We did it.\n**Result:** 3 days early.\nTags: leadership\n');
    const shownName = join(dir, 'evil\\x1b]0;title\\x07.md');
    const shownTitle = 'Launch\\x1b[31mRED \\u202egnp.exe';
    for (const command of ['lint', 'parse', 'stats', 'coverage']) {
      const { out } = runCli([command, join(dir, name)], true);
      // Colours aside (lint's own SGR), nothing a terminal would act on.
      assert.doesNotMatch(out.replace(/\x1b\[\d+m/g, ''), UNSAFE, command);
      assert.ok(out.includes(shownName), `${command}: ${out}`);
      assert.ok(out.includes(shownTitle), `${command}: ${out}`);
    }
    // ESC ( 0 switches the terminal to line drawing; `[` would make the name a glob.
    const missing = runCli(['parse', join(dir, 'gone\x1b(0\u202e.md')]);
    assert.deepEqual(missing.err, [`star-stories: ${join(dir, 'gone\\x1b(0\\u202e.md')}: no such file`]);
    const unknown = runCli(['lint', join(dir, 'story.md'), '--format', 'x\x1b[2J']);
    assert.equal(unknown.err[0], "star-stories: --format must be text, json, sarif or github, not 'x\\x1b[2J'");
  });

  it('keeps the story\'s own text in JSON, where JSON\'s escaping already makes it inert', () => {
    writeFileSync(join(dir, 'title.md'), '## Launch\x1b[31mRED\n**Task:** ship it.\n**Action:** We did it.\n');
    const { out } = runCli(['parse', join(dir, 'title.md'), '--json']);
    assert.ok(out.includes('"title": "Launch\\u001b[31mRED"'), out);
    assert.equal((JSON.parse(out) as { files: { stories: { title: string }[] }[] }).files[0].stories[0].title, 'Launch\x1b[31mRED');
  });
});
