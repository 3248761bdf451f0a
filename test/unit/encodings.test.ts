// DESIGN §10: files with a BOM, CRLF, mixed line endings, tabs, right-to-left text, combining marks or
// emoji keep exact line and column numbers (columns in UTF-16 code units, as VS Code counts them,
// 1-based in the CLI); a file that is not valid UTF-8 is reported and never written. The core's own
// positions are covered in parser.test.ts ('line endings and encodings'); this is the CLI's contract.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENCODING_STORY_FINDINGS, ENCODING_STORY_LINES } from '../fixtures/encodingStory';
import { runCli as run } from './support/cli';

interface JsonFinding { rule: string; line: number; column: number; endLine: number; endColumn: number; fixable: boolean }

/** test/fixtures/encodingStory.ts: a tab, right-to-left text, a combining accent, emoji and a flag before the findings. */
const LINES = ENCODING_STORY_LINES;
/** 1-based lines, as the CLI prints them. */
const expect = ENCODING_STORY_FINDINGS.map((f) => ({ ...f, line: f.line + 1 }));

const variants: Record<string, (lines: string[]) => string> = {
  LF: (l) => l.join('\n'),
  CRLF: (l) => l.join('\r\n'),
  CR: (l) => l.join('\r'),
  'mixed LF/CRLF/CR': (l) => l.map((line, i) => line + (i === l.length - 1 ? '' : ['\n', '\r\n', '\r'][i % 3])).join(''),
  'BOM + CRLF': (l) => `\uFEFF${l.join('\r\n')}`,
};

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('line and column numbers in the CLI, whatever the encoding details', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'star-enc-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('counts columns in UTF-16 code units, 1-based (checked by hand on the Result line)', () => {
    const file = join(dir, 'hand.md');
    writeFileSync(file, variants.LF(LINES));
    const findings = (JSON.parse(run(['lint', file, '--format', 'json']).out) as { files: { findings: JsonFinding[] }[] }).files[0].findings;
    // "**Result:** " is 12 code units, 🎯 2, " spend went from $50K → $40K (" 30: "50%" starts at code unit 44, column 45.
    const claim = findings.find((f) => f.rule === 'STAR006');
    assert.deepEqual(claim && [claim.line, claim.column, claim.endLine, claim.endColumn], [7, 45, 7, 58]);
  });

  for (const [name, make] of Object.entries(variants)) {
    it(`reports each finding on the exact text it names: ${name}`, () => {
      const file = join(dir, `${name.replace(/\W+/g, '-')}.md`);
      writeFileSync(file, make(LINES));
      const { code, out, err } = run(['lint', file, '--format', 'json']);
      assert.equal(code, 0, err.join('\n'));
      const findings = (JSON.parse(out) as { files: { findings: JsonFinding[] }[] }).files[0].findings;
      for (const want of expect) {
        const found = findings.filter((f) => f.rule === want.rule);
        assert.equal(found.length, 1, `${want.rule}: ${JSON.stringify(findings)}`);
        const f = found[0];
        assert.equal(f.line, want.line, want.rule);
        assert.equal(f.endLine, want.line, want.rule);
        // The line as an editor shows it (no BOM), sliced by the reported columns.
        assert.equal(LINES[f.line - 1].slice(f.column - 1, f.endColumn - 1), want.text, want.rule);
      }
      const parsed = JSON.parse(run(['parse', file, '--json']).out) as { files: { stories: { line: number; sections: { role: string; line: number }[] }[] }[] };
      const story = parsed.files[0].stories[0];
      assert.equal(story.line, 1);
      assert.deepEqual(story.sections.map((s) => [s.role, s.line]), [['situation', 3], ['task', 4], ['action', 6], ['result', 7]]);
    });
  }

  it('--fix keeps the byte order mark, the CRLF endings and every line it does not name', () => {
    const file = join(dir, 'bom-fix.md');
    const original = variants['BOM + CRLF'](LINES);
    writeFileSync(file, original);
    run(['lint', file, '--fix']);
    const bytes = readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the BOM is still there');
    const fixedLines = bytes.toString('utf8').slice(1).split('\r\n');
    assert.equal(bytes.toString('utf8').replace(/\r\n/g, '').includes('\n'), false, 'no LF-only line endings');
    // Safe fixes: the mojibake repair (line 1) and the metric claim (line 7). Nothing else moves.
    assert.equal(fixedLines[0], '## Launch 🎯 plan');
    assert.equal(fixedLines[6], LINES[6].replace('50% reduction', '20% reduction'));
    assert.deepEqual(fixedLines.slice(1, 6), LINES.slice(1, 6));
    assert.equal(fixedLines.length, LINES.length);
  });
});

describe('files that are not valid UTF-8', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'star-bad-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('are named on stderr and never written, even by lint --fix; the valid files beside them are still fixed', () => {
    const story = '## Launch\n\n**Situation:** a\n**Task:** b\n**Action:** I did c\n**Result:** spend went from $50K → $40K (50% reduction)\n';
    const bad = join(dir, 'latin1.md');
    // The same story saved as Latin-1 (→ is not in Latin-1, so write a "é" in a label too), then a lone continuation byte.
    writeFileSync(bad, Buffer.concat([Buffer.from(story.replace('→', '->').replace('Launch', 'Lancement réussi'), 'latin1'), Buffer.from([0x80, 0x0a])]));
    const truncated = join(dir, 'truncated.md');
    writeFileSync(truncated, Buffer.concat([Buffer.from(story, 'utf8'), Buffer.from([0xe2, 0x86])])); // a → cut in half
    const good = join(dir, 'good.md');
    writeFileSync(good, story);
    const hashes = [sha256(bad), sha256(truncated)];

    const { code, out, err } = run(['lint', bad, truncated, good, '--fix', '--format', 'json']);
    assert.equal(code, 2);
    assert.equal(err.length, 2);
    assert.match(err[0], /latin1\.md: is not valid UTF-8 \(first bad byte at offset \d+\)$/);
    assert.match(err[1], /truncated\.md: is not valid UTF-8/);
    assert.deepEqual([sha256(bad), sha256(truncated)], hashes, 'files that are not UTF-8 keep every byte');
    assert.match(readFileSync(good, 'utf8'), /\(20% reduction\)/, '--fix did run on the valid file');
    assert.deepEqual((JSON.parse(out) as { files: { path: string }[] }).files.map((f) => f.path), [good]);
  });

  it('give the offset where the first bad byte sequence starts', () => {
    // "## Café ✓\n" is 3 + 5 (é is two bytes) + 1 + 3 (✓) + 1 = 13 bytes.
    const cases: [string, number[], number][] = [
      ['lead byte then ASCII', [0xc3, 0x28], 13],
      ['lone continuation byte', [0x41, 0x80], 14],
      ['→ cut short at the end', [0xe2, 0x86], 13],
      ['overlong encoding', [0xc0, 0xaf], 13],
    ];
    for (const [what, tail, offset] of cases) {
      const file = join(dir, 'offset.md');
      writeFileSync(file, Buffer.concat([Buffer.from('## Café ✓\n', 'utf8'), Buffer.from(tail)]));
      const { code, err } = run(['parse', file]);
      assert.equal(code, 2, what);
      assert.match(err[0], new RegExp(`first bad byte at offset ${offset}\\)$`), what);
    }
  });
});
