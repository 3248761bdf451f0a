// DESIGN §10: a quick fix changes only the text it names. For every fix of every finding — the rule's
// own fix, safe or not, and the "disable on this line / in this file" fixes — applied alone, on every
// fixture and on fuzzed story banks: the finding is gone, the file still parses, lines the fix does not
// name are byte-identical, and new lines use the file's own line ending. And `lint --fix` is idempotent.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { StoryAnalyser, type StoryDocument } from '../../src/core/analyse';
import { mergeConfig } from '../../src/core/lint/config';
import { applyEdits } from '../../src/core/lint/fix';
import { lintDocument } from '../../src/core/lint/lint';
import type { Finding, Fix, Position, TextEdit } from '../../src/core/model';
import { fuzzRuns, fuzzSeed, storyBankArbitrary } from './support/markdownArbitrary';
import { offsetOf, rangeProblems, splitLines } from './support/ranges';
import { runCli as run } from './support/cli';

const fixtures = join(__dirname, '..', 'fixtures');
const root = join(__dirname, '..', '..');
const config = mergeConfig();
const analyser = new StoryAnalyser();

/** Every fixture a fix could run on: seeds (as written, and with CRLF endings), examples, and the non-story corpora. */
function fixtureTexts(): { name: string; text: string }[] {
  const dirs = [join(fixtures, 'seeds'), join(root, 'examples'), join(fixtures, 'negative'), join(fixtures, 'non-stories')];
  const out: { name: string; text: string }[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir).filter((n) => n.endsWith('.md')).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const text = readFileSync(join(dir, name), 'utf8');
      out.push({ name: `${dir.replace(/^.*[\\/]/, '')}/${name}`, text });
      if (dir.endsWith('seeds')) out.push({ name: `${name} (CRLF)`, text: text.replace(/\r?\n/g, '\r\n') });
    }
  }
  return out;
}

function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** The edits applied by a splice of our own (not the core's LineIndex), back to front. */
function spliceIndependently(text: string, edits: TextEdit[]): string {
  const lines = splitLines(text);
  let out = text;
  for (const e of [...edits].sort((a, b) => comparePositions(b.range.start, a.range.start))) {
    out = out.slice(0, offsetOf(lines, e.range.start)) + e.newText + out.slice(offsetOf(lines, e.range.end));
  }
  return out;
}

/** Where line `line` of the original is after the edits (it must not be a line an edit names). */
function mapLine(line: number, edits: TextEdit[]): number {
  let delta = 0;
  for (const e of edits) {
    if (comparePositions(e.range.end, { line, character: 0 }) <= 0) delta += (e.newText.match(/\r\n|\r|\n/g) ?? []).length - (e.range.end.line - e.range.start.line);
  }
  return line + delta;
}

const isDisableLine = (fix: Fix) => / on this line$/.test(fix.title) && fix.title.startsWith('Disable ');
const isDisableFile = (fix: Fix) => / in this file$/.test(fix.title) && fix.title.startsWith('Disable ');

/** Why applying `fix` alone is not safe (empty when it is). */
function fixProblems(document: StoryDocument, finding: Finding, fix: Fix): string[] {
  const text = document.lines.text;
  const lines = splitLines(text);
  const where = `${finding.rule} at ${finding.range.start.line + 1}:${finding.range.start.character + 1} ('${finding.message}') — fix '${fix.title}'`;
  const problems: string[] = [];
  for (const e of fix.edits) problems.push(...rangeProblems(lines, text, e.range, `${where}: edit`));
  if (problems.length) return problems;
  if (fix.edits.length === 0) return [`${where}: has no edits`];

  const fixed = applyEdits(document, fix.edits);
  if (fixed !== spliceIndependently(text, fix.edits)) problems.push(`${where}: applyEdits disagrees with a plain splice of the same edits`);

  // Lines before the first named line and after the last are byte-identical, line endings included.
  const first = Math.min(...fix.edits.map((e) => e.range.start.line));
  const last = Math.max(...fix.edits.map((e) => e.range.end.line));
  const prefix = text.slice(0, lines[first].start);
  const suffix = text.slice(lines[last].start + lines[last].text.length);
  if (!fixed.startsWith(prefix)) problems.push(`${where}: changed a line above line ${first + 1}`);
  if (!fixed.endsWith(suffix)) problems.push(`${where}: changed a line below line ${last + 1}`);
  // Between edits (a whole-file repair), every line no edit touches is still there, verbatim and in order.
  const sorted = [...fix.edits].sort((a, b) => comparePositions(a.range.start, b.range.start));
  let cursor = 0;
  for (let i = 1; i < sorted.length; i++) {
    for (let l = sorted[i - 1].range.end.line + 1; l < sorted[i].range.start.line; l++) {
      const whole = lines[l].text + lines[l].eol;
      const at = fixed.indexOf(whole, cursor);
      if (at === -1) problems.push(`${where}: line ${l + 1}, which no edit names, changed`);
      else cursor = at + whole.length;
    }
  }
  // New lines use the file's line ending.
  const crlf = text.includes('\r\n');
  for (const e of fix.edits) {
    if (crlf ? /(?<!\r)\n|\r(?!\n)/.test(e.newText) : /\r/.test(e.newText)) problems.push(`${where}: inserts ${crlf ? 'LF' : 'CR'} line endings into a ${crlf ? 'CRLF' : 'LF'} file`);
  }

  let after: StoryDocument;
  try {
    after = analyser.analyse(fixed, document.fileName);
  } catch (error) {
    return [...problems, `${where}: the fixed file no longer analyses: ${(error as Error).message}`];
  }
  // Repairing mojibake may turn `ðŸŽ¯ Situation` back into a label; nothing else may add or lose a story.
  if (finding.rule !== 'STAR011' && after.stories.length !== document.stories.length) {
    problems.push(`${where}: the file had ${document.stories.length} stories, now ${after.stories.length}`);
  }
  const remaining = lintDocument(after, config);
  const line = mapLine(finding.range.start.line, fix.edits);
  let survivors: Finding[];
  if (isDisableFile(fix)) survivors = remaining.filter((g) => g.rule === finding.rule);
  else if (isDisableLine(fix)) survivors = remaining.filter((g) => g.rule === finding.rule && g.range.start.line === line);
  else {
    survivors = remaining.filter((g) => g.rule === finding.rule && g.range.start.line === line && (
      g.message === finding.message
      || finding.rule === 'STAR011' // the repair rewrites the text the message quotes
      || (finding.rule === 'STAR006' && g.range.start.character === finding.range.start.character)));
  }
  if (survivors.length) problems.push(`${where}: still reported after the fix: ${survivors.map((g) => `${g.range.start.line + 1}: ${g.message}`).join(' | ')}`);
  return problems;
}

function allFixProblems(document: StoryDocument): { problems: string[]; fixes: number } {
  const problems: string[] = [];
  let fixes = 0;
  for (const finding of lintDocument(document, config)) {
    for (const fix of finding.fixes ?? []) {
      fixes++;
      problems.push(...fixProblems(document, finding, fix));
    }
  }
  return { problems, fixes };
}


const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('fix safety', function () {
  this.timeout(120_000);
  const texts = fixtureTexts();

  it('covers every kind of fix the rules offer', () => {
    const titles = new Set<string>();
    for (const { name, text } of texts) {
      for (const f of lintDocument(analyser.analyse(text, name), config)) for (const x of f.fixes ?? []) titles.add(`${f.rule} ${x.title.replace(/'.*'|\d+/g, '…')}`);
    }
    for (const kind of ['STAR001 Insert', 'STAR005 Insert', 'STAR006 Replace', 'STAR011 Repair', 'on this line', 'in this file']) {
      assert.ok([...titles].some((t) => t.includes(kind)), `no fixture offers a '${kind}' fix; seen: ${[...titles].join('; ')}`);
    }
  });

  for (const { name, text } of texts) {
    it(`each fix on ${name}, applied alone, removes its finding and touches only the lines it names`, () => {
      const { problems } = allFixProblems(analyser.analyse(text, name));
      assert.deepEqual(problems, []);
    });
  }

  it('each fix on fuzzed story banks, applied alone, removes its finding and touches only the lines it names', () => {
    let fixes = 0;
    fc.assert(
      fc.property(storyBankArbitrary, (text) => {
        const result = allFixProblems(analyser.analyse(text, 'bank.md'));
        fixes += result.fixes;
        assert.deepEqual(result.problems, []);
      }),
      { seed: fuzzSeed(), numRuns: fuzzRuns(40) },
    );
    assert.ok(fixes > 150, `only ${fixes} fixes were tried`);
  });

  describe('lint --fix on temp copies', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'star-fix-'));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('a second run changes nothing, and a file with no safe fix is left byte-identical', () => {
      const samples = fc.sample(storyBankArbitrary, { seed: fuzzSeed(), numRuns: fuzzRuns(12) });
      const files = [...texts.map((t) => t.text), ...samples].map((text, i) => {
        const file = join(dir, `f${i}.md`);
        writeFileSync(file, text);
        return { file, text };
      });
      let changed = 0;
      for (const { file, text } of files) {
        const hasSafeFix = lintDocument(analyser.analyse(text, file), config).some((f) => f.fixes?.some((x) => x.safe));
        const before = sha256(file);
        const first = run(['lint', file, '--fix', '--format', 'json']);
        if (Buffer.from(text).subarray(0, 8000).includes(0)) {
          // A NUL in the first 8 000 bytes makes it a binary file: named, and never written.
          assert.equal(first.code, 2);
          assert.match(first.err.join(' '), /is a binary file/);
          assert.equal(sha256(file), before);
          continue;
        }
        assert.ok(first.code === 0 || first.code === 1, `${file}: ${first.err.join(' ')}`);
        const once = sha256(file);
        if (!hasSafeFix) assert.equal(once, before, `${file} has no safe fix but --fix changed it`);
        if (once !== before) changed++;
        run(['lint', file, '--fix']);
        assert.equal(sha256(file), once, `${file}: a second --fix changed the file again`);
        // What --fix printed is what a plain lint of the fixed file says.
        assert.equal(run(['lint', file, '--format', 'json']).out, first.out);
      }
      assert.ok(changed >= 3, `only ${changed} files had a safe fix to apply`);
    });

    it('copies of the example files keep their bytes when linted without --fix', () => {
      for (const name of readdirSync(join(root, 'examples'))) {
        const file = join(dir, `plain-${name}`);
        copyFileSync(join(root, 'examples', name), file);
        const before = sha256(file);
        run(['lint', file]);
        assert.equal(sha256(file), before);
      }
    });
  });
});

describe('fix bugs found by fuzzing (regressions)', () => {
  const lint = (text: string) => {
    const document = analyser.analyse(text, 'r.md');
    return { document, findings: lintDocument(document, config) };
  };
  const fixOf = (findings: Finding[], rule: string, title: RegExp) => {
    const found = findings.filter((f) => f.rule === rule).flatMap((f) => f.fixes ?? []).find((x) => title.test(x.title));
    assert.ok(found, `no ${rule} fix matching ${title}`);
    return found;
  };

  it('STAR005: the metric template does not swallow the label on the next line of the same paragraph', () => {
    const text = '## Launch\n\n**Situation:** a\n**Task:** b\n**Result:** shipped\n**Action:** c\n';
    const { document, findings } = lint(text);
    const fixed = applyEdits(document, fixOf(findings, 'STAR005', /metric line/).edits);
    assert.equal(fixed, '## Launch\n\n**Situation:** a\n**Task:** b\n**Result:** shipped\n\n- Before → after: 40 min → 5 min (88% faster)\n\n**Action:** c\n');
    assert.deepEqual(analyser.analyse(fixed, 'r.md').stories[0].sections.map((s) => s.role), ['situation', 'task', 'result', 'action']);
  });

  it('STAR005 on a bullet Result: the template is a new item, and the section ends before the next bullet', () => {
    const text = '## Launch\n\n- **Result:** shipped\n- **Action:** c\n- **Situation:** a\n- **Task:** b\n';
    const { document, findings } = lint(text);
    const result = document.stories[0].sections.find((s) => s.role === 'result');
    assert.deepEqual(result?.contentRange.end, { line: 2, character: 21 }); // '- **Result:** shipped' is 21 code units
    const fixed = applyEdits(document, fixOf(findings, 'STAR005', /metric line/).edits);
    assert.equal(fixed, '## Launch\n\n- **Result:** shipped\n- Before → after: 40 min → 5 min (88% faster)\n- **Action:** c\n- **Situation:** a\n- **Task:** b\n');
  });

  it('STAR005 on the last bullet of a run: the template goes before the bullet that opens the next story', () => {
    const text = '## Launch\n\n- **Task:** a\n- **Result:** shipped\n- **Situation:** b\n- **Action:** c\n';
    const { document, findings } = lint(text);
    assert.deepEqual(document.stories.map((s) => [s.title, s.range.start]), [['Launch', { line: 0, character: 0 }], ['Launch (2)', { line: 4, character: 0 }]]);
    const fixed = applyEdits(document, fixOf(findings, 'STAR005', /metric line/).edits);
    assert.equal(fixed, '## Launch\n\n- **Task:** a\n- **Result:** shipped\n- Before → after: 40 min → 5 min (88% faster)\n- **Situation:** b\n- **Action:** c\n');
  });

  it('STAR001: a section appended to a story whose last section runs into a sub-heading goes before the sub-heading', () => {
    const text = '## Launch\n\n**Situation**\na\n\n**Task**\nb\n\n**Action**\nc\n\n### Details\nd\n';
    const { document, findings } = lint(text);
    const fixed = applyEdits(document, fixOf(findings, 'STAR001', /Result/).edits);
    assert.equal(fixed, '## Launch\n\n**Situation**\na\n\n**Task**\nb\n\n**Action**\nc\n\n**Result**\n\n### Details\nd\n');
    assert.deepEqual(analyser.analyse(fixed, 'r.md').stories[0].sections.map((s) => s.role), ['situation', 'task', 'action', 'result']);
  });

  it('STAR001: a section appended after content that ends in a no-break space leaves it on its own line', () => {
    const text = '# Bank\n\nSituation\n---------\na\n\nTask\n----\nb\n\nAction\n------\nc\u00a0 \n';
    const { document, findings } = lint(text);
    const fixed = applyEdits(document, fixOf(findings, 'STAR001', /Result/).edits);
    assert.equal(fixed, '# Bank\n\nSituation\n---------\na\n\nTask\n----\nb\n\nAction\n------\nc\u00a0 \n\nResult\n------\n');
    assert.deepEqual(analyser.analyse(fixed, 'r.md').stories[0].sections.map((s) => s.role), ['situation', 'task', 'action', 'result']);
  });

  it('STAR001: a section inserted among setext labels is a setext label of the same depth', () => {
    const text = '# Bank\n\nResult\n------\n5 fewer pages\n\nAction\n------\nI fixed it\n\nTask\n------\nStop the pages\n';
    const { document, findings } = lint(text);
    const fixed = applyEdits(document, fixOf(findings, 'STAR001', /Situation/).edits);
    assert.equal(fixed, '# Bank\n\nSituation\n---------\n\nResult\n------\n5 fewer pages\n\nAction\n------\nI fixed it\n\nTask\n------\nStop the pages\n');
    assert.ok(!lintDocument(analyser.analyse(fixed, 'r.md'), config).some((f) => f.rule === 'STAR001'));
  });

  it('STAR001 and STAR005: offer no insertion when the story ends inside an unclosed code fence or HTML comment', () => {
    for (const tail of ['```\ncode never closed\n', '<!-- a comment never closed\n']) {
      const { findings } = lint(`## Launch\n\n### Situation\na\n\n### Task\nb\n\n### Action\nc\n\n${tail}`);
      const missing = findings.find((f) => f.rule === 'STAR001');
      assert.ok(missing);
      assert.deepEqual(missing.fixes?.map((x) => x.title), ['Disable STAR001 (missing-section) on this line', 'Disable STAR001 (missing-section) in this file']);
      const noMetric = lint(`## Launch\n\n### Situation\na\n\n### Task\nb\n\n### Action\nc\n\n### Result\nshipped\n\n${tail}`).findings.find((f) => f.rule === 'STAR005');
      assert.ok(noMetric);
      assert.deepEqual(noMetric.fixes?.map((x) => x.title), ['Disable STAR005 (result-without-metric) on this line', 'Disable STAR005 (result-without-metric) in this file']);
    }
  });

  it('STAR001 and STAR005: a line inserted below a <details> block comes after a blank line, where it is Markdown again (found by npm run fuzz)', () => {
    const details = '<details><summary>More</summary>x</details>\n';
    const noResult = lint(`## Launch\n\n- **Situation:** a\n- **Task:** b\n- **Action:** c\n${details}`);
    const inserted = applyEdits(noResult.document, fixOf(noResult.findings, 'STAR001', /Result/).edits);
    assert.ok(analyser.analyse(inserted, 'r.md').stories[0].sections.some((s) => s.role === 'result'), inserted);
    const noMetric = lint(`## Launch\n\n- **Situation:** a\n- **Task:** b\n- **Action:** c\n- **Result:** shipped\n${details}`);
    const withMetric = applyEdits(noMetric.document, fixOf(noMetric.findings, 'STAR005', /metric/).edits);
    assert.ok(!lintDocument(analyser.analyse(withMetric, 'r.md'), config).some((f) => f.rule === 'STAR005'), withMetric);
  });

  it('disable-next-line above a tab-indented line of a list item silences it (found by npm run fuzz)', () => {
    // remark gives the comment's HTML node a value with the tab expanded: the directive is found in the source.
    const document = analyser.analyse('# Story bank\n\n## I\n\n### Result\nI\n\n### Action\n\n\n### Task\nI\n\n- I\n\n\t I $50K → $40K (50% reduction)\n', 'r.md');
    const findings = lintDocument(document, config, { disableFixes: true });
    const fixed = applyEdits(document, fixOf(findings, 'STAR006', /on this line/).edits);
    assert.deepEqual(lintDocument(analyser.analyse(fixed, 'r.md'), config).filter((f) => f.rule === 'STAR006'), [], fixed);
  });

  it('STAR001: a label inserted in front of a setext Result is written like it, so it joins the story (found by npm run fuzz)', () => {
    // The story's first label is `### Situation`, but a `### Task` under the `## I` above the Result would not belong to the story.
    const text = '# Story bank\n\n### Situation\nI\n\n## I\n\nResult\n------\n5 fewer pages\n';
    const { document, findings } = lint(text);
    const fixed = applyEdits(document, fixOf(findings, 'STAR001', /Task/).edits);
    assert.equal(fixed, '# Story bank\n\n### Situation\nI\n\n## I\n\nTask\n----\n\nResult\n------\n5 fewer pages\n');
    assert.ok(!lintDocument(analyser.analyse(fixed, 'r.md'), config).some((f) => f.rule === 'STAR001' && /Task/.test(f.message)), fixed);
  });

  it('a finding inside an HTML comment left open offers only the file-wide disable', () => {
    const { findings } = lint('## Launch\n\n**Situation:** a\n**Task:** b\n**Action:** c\n**Result:** 5 min\n\n<!-- never closed\n\n40 min â†’ 5 min\n');
    const mojibake = findings.find((f) => f.rule === 'STAR011');
    assert.ok(mojibake);
    assert.deepEqual(mojibake.fixes?.map((x) => x.title.startsWith('Disable') ? x.title : 'repair'), ['repair', 'Disable STAR011 (mojibake) in this file']);
  });

  it('a finding inside a code block offers only the file-wide disable (a comment there is not a directive)', () => {
    const { findings } = lint('## Launch\n\n**Situation:** a\n**Task:** b\n**Action:** c\n\n```\n40 min â†’ 5 min\n```\n\n**Result:** 5 min\n');
    const mojibake = findings.find((f) => f.rule === 'STAR011');
    assert.ok(mojibake);
    assert.deepEqual(mojibake.fixes?.map((x) => x.title.replace(/\(\d+ in this file\)/, '')), ['Repair text decoded with the wrong code page ', 'Disable STAR011 (mojibake) in this file']);
  });

  it('a story that ends with an empty setext label keeps the label inside its range', () => {
    const [story] = analyser.analyse('# Launch\n\n### Situation\na\n\n### Task\nb\n\n### Action\nc\n\n### Result\n5\n\nLearning\n--------\n', 'r.md').stories;
    assert.equal(story.sections.at(-1)?.role, 'learning');
    assert.deepEqual(story.range.end, { line: 15, character: 8 });
  });

  it('a story whose labels come after a nested story keeps them inside its range', () => {
    const text = '# Bank\n\n## Inner\n\n### Task\nb\n\n### Result\n5\n\n### Action\nc\n\n## Outer part\n\nResult\n------\n6\n\nAction\n------\nd\n\nTask\n------\ne\n';
    const { document } = lint(text);
    for (const story of document.stories) {
      for (const s of story.sections) {
        assert.ok(s.labelRange.start.line >= story.range.start.line && s.contentRange.end.line <= story.range.end.line, `${story.title}: ${s.role} at line ${s.labelRange.start.line + 1} lies outside lines ${story.range.start.line + 1}-${story.range.end.line + 1}`);
      }
    }
  });
});
