// Runs the grammar tests: checks that the generated grammar is up to date, then runs
// vscode-tmgrammar-test over test/grammar/*.test.md with VS Code's Markdown grammar (from the
// tm-grammars package) as the host. The injection grammar itself comes from package.json's
// contributes.grammars, so the contribution is tested as shipped.
//
// vscode-textmate warns once per language that Markdown can embed in a fenced block
// ("grammar not found for source.js"); those lines are dropped, everything else is passed through.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { GRAMMAR_PATH, grammarText } from './build-grammar.mjs';

if (readFileSync(GRAMMAR_PATH, 'utf8') !== grammarText()) {
  console.error(`${GRAMMAR_PATH} is stale: run \`node test/grammar/build-grammar.mjs\`.`);
  process.exit(1);
}

const require = createRequire(import.meta.url);
const grammars = dirname(require.resolve('tm-grammars/grammars/markdown.json'));
const cli = join(dirname(require.resolve('vscode-tmgrammar-test/package.json')), 'dist', 'unit.js');
const args = [cli, '-g', join(grammars, 'markdown.json'), '-g', join(grammars, 'yaml.json'), process.argv[2] ?? 'test/grammar/*.test.md'];

const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
let passed = 0;
let failed = 0;
const relay = (stream, sink) => {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop();
    for (const line of lines) emit(line, sink);
  });
  stream.on('end', () => { if (pending) emit(pending, sink); });
};
const emit = (line, sink) => {
  if (/^grammar not found for "/.test(line)) return;
  if (/^✓ /.test(line)) passed++;
  if (/^✖ /.test(line)) failed++;
  sink.write(`${line}\n`);
};
relay(child.stdout, process.stdout);
relay(child.stderr, process.stderr);
child.on('close', (code) => {
  console.log(`grammar: ${passed} passed, ${failed} failed`);
  process.exit(code === 0 && failed === 0 ? 0 : 1);
});
