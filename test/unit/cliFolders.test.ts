// Folders, globs and plain paths on the command line, as markdownlint-cli2 and ESLint read them.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from './support/cli';

const STORY = '## Launch\n\n**Situation:** a\n**Task:** b\n**Action:** c\n**Result:** d\nTags: leadership\n';

/** The paths `parse --json` read, in the order it read them. */
function parsedPaths(args: string[]): string[] {
  const { code, out, err } = runCli(['parse', ...args, '--json']);
  assert.equal(code, 0, err.join('\n'));
  return (JSON.parse(out) as { files: { path: string }[] }).files.map((f) => f.path);
}

/** A temporary folder holding `files` (path → text). */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'star-folders-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function inFolder<T>(folder: string, run: () => T): T {
  const cwd = process.cwd();
  process.chdir(folder);
  try {
    return run();
  } finally {
    process.chdir(cwd);
  }
}

describe('star-stories with folders', () => {
  let bank: string;
  let project: string;
  before(() => {
    // Written out of order, so the order read is the tool's own.
    bank = tree({
      'zeta.md': STORY,
      'nested/deep/mid.md': STORY,
      'alpha.markdown': STORY,
      'notes.txt': STORY,
      'node_modules/pkg/readme.md': STORY,
      '.git/description.md': STORY,
      '.drafts/idea.md': STORY,
      '.hidden.md': STORY,
      'images/only.txt': 'not a story',
    });
    project = tree({
      'stories/b.md': STORY,
      'stories/drafts/unfinished.md': STORY,
      'stories/node_modules/dep/readme.md': STORY,
      '.starstories.json': JSON.stringify({ exclude: ['**/drafts/**'] }),
    });
  });

  it('reads the *.md and *.markdown files below a folder in sorted order, without node_modules, .git, dot files or other files', () => {
    const want = ['alpha.markdown', 'nested/deep/mid.md', 'zeta.md'].map((p) => join(bank, p));
    assert.deepEqual(parsedPaths([bank]), want);
    assert.deepEqual(parsedPaths([`${bank}/`]), want, 'a trailing slash names the same files');
    assert.deepEqual(parsedPaths([join(bank, '.drafts')]), [join(bank, '.drafts', 'idea.md')], 'a dot folder named on its own is read');
  });

  it('names the files of a folder from the folder as typed, and honours the configuration\'s exclude', () => {
    inFolder(project, () => {
      assert.deepEqual(parsedPaths(['stories/']), [join('stories', 'b.md')]);
      // The same exclude applies to a glob, as before.
      assert.deepEqual(parsedPaths(['stories/**/*.md']), [join('stories', 'b.md')]);
    });
  });

  it('gives one stderr line naming a folder without Markdown, exits 2, and still reads the rest', () => {
    const { code, out, err } = runCli(['parse', join(bank, 'images'), join(bank, 'zeta.md'), '--json']);
    assert.equal(code, 2);
    assert.deepEqual(err, [`star-stories: ${join(bank, 'images')}: no Markdown files (*.md, *.markdown) in this folder`]);
    assert.deepEqual((JSON.parse(out) as { files: { path: string }[] }).files.map((f) => f.path), [join(bank, 'zeta.md')]);
  });

  it('expands *.markdown globs, and skips node_modules even in a glob outside the current directory', () => {
    assert.deepEqual(parsedPaths([join(bank, '*.markdown')]).map((p) => resolve(p)), [join(bank, 'alpha.markdown')]);
    assert.deepEqual(parsedPaths([join(bank, '**', '*.md')]).map((p) => resolve(p)), [join(bank, 'nested/deep/mid.md'), join(bank, 'zeta.md')]);
  });

  it('reads a file once however often it is named: by itself, with ./, and through its folder', () => {
    inFolder(bank, () => assert.deepEqual(parsedPaths(['zeta.md', './zeta.md', '.']), ['zeta.md', 'alpha.markdown', join('nested', 'deep', 'mid.md')]));
  });

  it('lints, counts and covers a folder as it does the files in it', () => {
    for (const command of ['lint', 'stats', 'coverage', 'parse']) {
      const folder = runCli([command, join(bank, 'nested')]);
      const file = runCli([command, join(bank, 'nested', 'deep', 'mid.md')]);
      assert.match(folder.out, /mid\.md/, command);
      assert.deepEqual(folder, file, command);
    }
  });
});
