// DESIGN §10 in the real editor: a story file with a BOM, CRLF or mixed line endings, tabs,
// right-to-left text, combining marks and emoji gets diagnostics whose ranges cover exactly the text
// they name — and the same line and column the command line prints for the same file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { main } from '../../src/cli/cli';
import { ENCODING_STORY_FINDINGS, ENCODING_STORY_LINES } from '../fixtures/encodingStory';
import { closeAllEditors, codeOf, starDiagnostics, starStories, until, workspaceFile } from './helpers';

const LINES = ENCODING_STORY_LINES;
const EXPECTED = ENCODING_STORY_FINDINGS;

const VARIANTS: Array<[string, string]> = [
  ['lf', LINES.join('\n')],
  ['crlf', LINES.join('\r\n')],
  ['bom-crlf', `\uFEFF${LINES.join('\r\n')}`],
  ['mixed', LINES.map((l, i) => l + (i === LINES.length - 1 ? '' : i % 2 ? '\r\n' : '\n')).join('')],
];

describe('diagnostics on files with awkward encodings', () => {
  before(async () => {
    await starStories().activate();
  });
  afterEach(closeAllEditors);

  for (const [name, text] of VARIANTS) {
    it(`covers exactly the named text, at the CLI's line and column: ${name}`, async () => {
      const uri = workspaceFile(`encoding-${name}.md`);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      const complete = () => EXPECTED.every((e) => starDiagnostics(uri).some((d) => codeOf(d) === e.rule));
      await until(complete, `STAR Stories diagnostics on ${uri.fsPath}`, 15_000, [vscode.languages.onDidChangeDiagnostics]);

      assert.equal(document.lineCount, LINES.length);
      const diagnostics = starDiagnostics(uri);
      for (const want of EXPECTED) {
        const found = diagnostics.filter((d) => codeOf(d) === want.rule);
        assert.equal(found.length, 1, `${want.rule}: ${JSON.stringify(diagnostics.map((d) => [codeOf(d), d.range.start.line]))}`);
        assert.equal(found[0].range.start.line, want.line, want.rule);
        assert.equal(document.getText(found[0].range), want.text, want.rule);
      }

      // The command line reads the same bytes from disk and must point at the same places (1-based).
      const out: string[] = [];
      assert.equal(main(['lint', uri.fsPath, '--format', 'json'], { out: (t) => out.push(t), err: () => undefined }), 0);
      const cli = (JSON.parse(out.join('\n')) as { files: { findings: Array<{ rule: string; line: number; column: number; endLine: number; endColumn: number }> }[] }).files[0].findings;
      for (const want of EXPECTED) {
        const d = diagnostics.find((x) => codeOf(x) === want.rule)!;
        const c = cli.find((x) => x.rule === want.rule);
        assert.deepEqual(
          c && [c.line, c.column, c.endLine, c.endColumn],
          [d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1],
          `${want.rule}: CLI and editor disagree`,
        );
      }
      await closeAllEditors();
      await vscode.workspace.fs.delete(uri);
    });
  }
});
