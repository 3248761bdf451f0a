// DESIGN §10: the analyser never throws and always terminates, and every position it returns is a real
// place in the document. Random Markdown from a grammar (test/unit/support/markdownArbitrary.ts), with
// a fixed seed so a failure is reproducible; `npm run fuzz` runs many more cases.
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { StoryAnalyser } from '../../src/core/analyse';
import { mergeConfig } from '../../src/core/lint/config';
import { lintDocument } from '../../src/core/lint/lint';
import { convertEndings, type Ending, fuzzRuns, fuzzSeed, lfMarkdownArbitrary, markdownArbitrary, storyBankArbitrary } from './support/markdownArbitrary';
import { documentRangeProblems } from './support/ranges';
import { runCli as run } from './support/cli';

const root = join(__dirname, '..', '..');
const config = mergeConfig();
/** Generous for one small document; a real hang is caught by mocha's timeout. */
const PER_DOCUMENT_MS = 2000;


describe('fuzzing the analyser and the linter', function () {
  this.timeout(120_000);

  it('generates documents that hold stories, findings and fixes often enough to test them', () => {
    // Guards the grammar itself: a generator that never produced a story would make every property below vacuous.
    const samples = fc.sample(markdownArbitrary, { seed: fuzzSeed(), numRuns: 200 });
    const analyser = new StoryAnalyser();
    let withStories = 0;
    let withFixes = 0;
    for (const text of samples) {
      const document = analyser.analyse(text, 'fuzz.md');
      if (document.stories.length > 0) withStories++;
      if (lintDocument(document, config).some((f) => (f.fixes ?? []).length > 2)) withFixes++;
    }
    // 58–93 of 200 over seeds 1–20 (npm run fuzz picks a new seed each time): a fifth is the floor.
    assert.ok(withStories >= 40, `only ${withStories} of 200 documents hold a story`);
    assert.ok(withFixes >= 20, `only ${withFixes} of 200 documents have a finding with its own fix`);
    assert.ok(samples.some((t) => t.includes('\r\n')) && samples.some((t) => /\r(?!\n)/.test(t)) && samples.some((t) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(t)));
  });

  it('never throws, finishes each document quickly, and returns only ranges inside the document', () => {
    const analyser = new StoryAnalyser();
    fc.assert(
      fc.property(markdownArbitrary, (text) => {
        const started = performance.now();
        const document = analyser.analyse(text, 'fuzz.md');
        const findings = lintDocument(document, config);
        const elapsed = performance.now() - started;
        assert.ok(elapsed < PER_DOCUMENT_MS, `took ${elapsed.toFixed(0)} ms`);
        assert.deepEqual(documentRangeProblems(document, findings), []);
      }),
      { seed: fuzzSeed(), numRuns: fuzzRuns(200) },
    );
  });

  it('returns only ranges inside the document for story banks with noise around the stories', () => {
    const analyser = new StoryAnalyser();
    let runs = 0;
    let withStories = 0;
    fc.assert(
      fc.property(storyBankArbitrary, (text) => {
        const document = analyser.analyse(text, 'bank.md');
        runs++;
        if (document.stories.length > 0) withStories++;
        assert.deepEqual(documentRangeProblems(document, lintDocument(document, config)), []);
      }),
      { seed: fuzzSeed(), numRuns: fuzzRuns(200) },
    );
    // Noise may swallow a story (an unclosed fence above it) or split it (a Situation after its Result), but rarely.
    assert.ok(withStories >= runs * 0.8, `only ${withStories} of ${runs} story banks hold a story`);
  });

  it('gives the same stories whether the document is read in chunks or whole, and from a warm cache', () => {
    const chunked = new StoryAnalyser();
    const whole = new StoryAnalyser({ wholeDocument: true });
    fc.assert(
      fc.property(markdownArbitrary, (text) => {
        const fresh = new StoryAnalyser().analyse(text, 'f.md').stories;
        assert.deepEqual(chunked.analyse(text, 'f.md').stories, fresh, 'cached chunks');
        assert.deepEqual(whole.analyse(text, 'f.md').stories, fresh, 'whole document');
      }),
      { seed: fuzzSeed(), numRuns: fuzzRuns(150) },
    );
  });

  it('finds the same stories at the same lines and columns whatever the line endings (LF, CRLF, CR, mixed)', () => {
    const analyser = new StoryAnalyser();
    // Text the stories quote (a section's text, a follow-up question) keeps the file's own line breaks: compare it with LF.
    const shape = (text: string) => JSON.parse(JSON.stringify(analyser.analyse(text, 'f.md').stories, (_key, value: unknown) => (typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : value))) as unknown;
    fc.assert(
      fc.property(lfMarkdownArbitrary, fc.constantFrom<Ending>('crlf', 'cr', 'mixed'), (text, ending) => {
        assert.deepEqual(shape(convertEndings(text, ending)), shape(text));
      }),
      { seed: fuzzSeed(), numRuns: fuzzRuns(200) },
    );
  });

  describe('the command line on fuzzed files', () => {
    let dir: string;
    let files: string[];
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'star-fuzz-'));
      const samples = fc.sample(fc.oneof(markdownArbitrary, storyBankArbitrary), { seed: fuzzSeed(), numRuns: fuzzRuns(30) });
      files = samples.map((text, i) => {
        const file = join(dir, `fuzz-${String(i).padStart(3, '0')}.md`);
        // A NUL byte makes a file binary to the CLI (exit 2, tested in cli.test.ts): keep these files text.
        writeFileSync(file, text.replace(/\0/g, '\uFFFD'));
        return file;
      });
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('lint --format json and parse --json exit 0 or 1 and print valid JSON for every file', () => {
      for (const file of files) {
        const lint = run(['lint', file, '--format', 'json']);
        assert.ok(lint.code === 0 || lint.code === 1, `${file}: lint exited ${lint.code}: ${lint.err.join(' ')}`);
        const linted = JSON.parse(lint.out) as { files: { path: string; findings: { line: number; column: number; endLine: number; endColumn: number }[] }[] };
        assert.equal(linted.files.length, 1);
        const lines = readFileSync(file, 'utf8').split(/\r\n|\r|\n/);
        for (const f of linted.files[0].findings) {
          assert.ok(f.line >= 1 && f.line <= lines.length && f.endLine >= f.line && f.endLine <= lines.length, `${file}: lines ${f.line}-${f.endLine}`);
          assert.ok(f.column >= 1 && f.column <= lines[f.line - 1].length + 1, `${file}: column ${f.column} on line ${f.line}`);
        }
        const parse = run(['parse', file, '--json']);
        assert.equal(parse.code, 0, `${file}: parse exited ${parse.code}: ${parse.err.join(' ')}`);
        assert.equal((JSON.parse(parse.out) as { files: unknown[] }).files.length, 1);
      }
    });

    it('the bundled dist/cli.js does the same over all the files at once', function () {
      this.timeout(60_000);
      execFileSync(process.execPath, [join(root, 'esbuild.mjs')], { cwd: root });
      for (const args of [['lint', ...files, '--format', 'json'], ['parse', ...files, '--json']]) {
        const result = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), ...args], { cwd: root, encoding: 'utf8', timeout: 30_000, maxBuffer: 1 << 30 });
        assert.ok(result.status === 0 || result.status === 1, `${args[0]} exited ${result.status} (${result.signal ?? 'no signal'}): ${result.stderr}`);
        assert.equal(result.stderr, '');
        assert.equal((JSON.parse(result.stdout) as { files: unknown[] }).files.length, files.length);
      }
    });
  });
});
