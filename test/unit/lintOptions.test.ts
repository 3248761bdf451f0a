// lintDocument without "disable this rule" fixes (the command line's): the same findings, each with
// its own fixes only — also when a story's findings were cached by a lint that offered them.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StoryAnalyser } from '../../src/core/analyse';
import { mergeConfig } from '../../src/core/lint/config';
import { lintDocument } from '../../src/core/lint/lint';
import type { Finding } from '../../src/core/model';

const fixtures = join(__dirname, '..', 'fixtures');
const files = ['seeds', 'negative', 'non-stories'].flatMap((dir) =>
  readdirSync(join(fixtures, dir)).filter((f) => f.endsWith('.md')).map((f) => ({ name: `${dir}/${f}`, text: readFileSync(join(fixtures, dir, f), 'utf8') })));
const config = mergeConfig();

/** The findings with the directive fixes taken out, found by their titles ("Disable STAR005 (…) on this line"). */
const withoutDirectives = (findings: Finding[]) => findings.map((f) => ({ ...f, fixes: f.fixes?.filter((x) => !/^Disable STAR\d{3} \(/.test(x.title)) }));

describe('lint without disable fixes', () => {
  it('gives every finding with its own fixes only, on every fixture', () => {
    let directives = 0;
    for (const { name, text } of files) {
      const document = new StoryAnalyser({ remember: false }).analyse(text, name);
      const offered = lintDocument(document, config);
      directives += offered.flatMap((f) => f.fixes ?? []).filter((x) => x.title.startsWith('Disable')).length;
      assert.deepEqual(lintDocument(document, config, { disableFixes: false }), withoutDirectives(offered), name);
    }
    assert.ok(directives > 100, 'the fixtures have findings that offer directives');
  });

  it('does not mix up the findings each kind of lint cached with a story', () => {
    const { name, text } = files.find((f) => f.name.startsWith('seeds/'))!;
    const document = new StoryAnalyser().analyse(text, name);
    const bare = lintDocument(document, config, { disableFixes: false });
    const offered = lintDocument(document, config);
    assert.ok(offered.length > 0 && offered.every((f) => f.fixes?.some((x) => x.title.startsWith('Disable'))), 'every finding offers a directive');
    assert.deepEqual(lintDocument(document, config, { disableFixes: false }), bare);
    assert.deepEqual(withoutDirectives(offered), bare);
  });
});
