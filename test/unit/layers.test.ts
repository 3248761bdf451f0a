// The folder boundaries of docs/architecture.md: data flows one way (text → chunks → facts → stories →
// findings → views), and every import must run against that flow, from a later room to an earlier one.
// A room is a folder of src/ (src/core is cut into its stages) or one of the files at the top of src/core.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = join(__dirname, '..', '..');
const src = join(root, 'src');

/** Each room and the rooms it may import from (besides itself). `vscode` and npm packages are listed as such. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  'core/util': [],
  'core/model': [],
  'core/read': ['core/util', 'core/model', 'npm'],
  'core/stories': ['core/util', 'core/model', 'core/read'],
  'core/incremental': ['core/util', 'core/model', 'core/read', 'core/stories'],
  'core/analyse': ['core/util', 'core/model', 'core/read', 'core/stories', 'core/incremental'],
  'core/lint': ['core/util', 'core/model', 'core/read', 'core/stories', 'core/analyse', 'npm'],
  'core/views': ['core/util', 'core/model', 'core/read', 'core/stories', 'core/analyse', 'core/lint'],
  'core/rehearsal': ['core/util', 'core/model', 'core/read', 'core/stories', 'core/views'],
  'core/analysisSession': ['core/model', 'core/analyse', 'core/lint'],
  cli: ['core', 'npm'],
  rehearsal: ['core', 'vscode', 'npm'],
  extension: ['core', 'rehearsal', 'vscode'],
  webview: ['rehearsal/protocol'],
};

/** The room of a file under src/, e.g. `core/read` for src/core/read/encoding/utf8.ts, `core/analyse` for src/core/analyse.ts. */
function roomOf(file: string): string {
  const parts = relative(src, file).replace(/\\/g, '/').replace(/\.ts$/, '').split('/');
  if (parts[0] !== 'core') return parts[0];
  return `core/${parts[1]}`;
}

function allowed(from: string, to: string, target: string): boolean {
  if (from === to) return true;
  const rules = MAY_IMPORT[from] ?? [];
  const path = relative(src, target).replace(/\\/g, '/').replace(/\.ts$/, '');
  return rules.some((r) => r === to || (r === 'core' && to.startsWith('core/')) || path === r);
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*'([^']+)'|import\(\s*'([^']+)'\s*\)|(?:^|\n)\s*import\s*'([^']+)'/g;

function resolveImport(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  return [`${base}.ts`, join(base, 'index.ts'), base].find((c) => existsSync(c) && statSync(c).isFile());
}

/** Every import in `files` that runs against the flow, as `file → import (room may not import room)`. */
export function violations(files: { path: string; text: string }[]): string[] {
  const found: string[] = [];
  for (const { path, text } of files) {
    const from = roomOf(path);
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3];
      if (spec.startsWith('node:')) continue;
      let to: string;
      let target = '';
      if (spec.startsWith('.')) {
        const resolved = resolveImport(path, spec);
        if (!resolved) {
          found.push(`${relative(root, path)} → ${spec} (not found)`);
          continue;
        }
        target = resolved;
        to = roomOf(resolved);
      } else to = spec === 'vscode' ? 'vscode' : 'npm';
      if (!allowed(from, to, target)) found.push(`${relative(root, path)} → ${spec} (${from} may not import ${to})`);
    }
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? sourceFiles(path) : e.name.endsWith('.ts') ? [path] : [];
  });
}

describe('layers', () => {
  const files = sourceFiles(src).map((path) => ({ path, text: readFileSync(path, 'utf8') }));

  it('every import in src/ runs from a later room to an earlier one (docs/architecture.md)', () => {
    assert.deepEqual(violations(files), []);
  });

  it('every file of src/ is in a room the table knows', () => {
    assert.deepEqual(files.map((f) => roomOf(f.path)).filter((room) => !(room in MAY_IMPORT)), []);
  });

  it('keeps at most 8 files at the top of src/core, and none over 400 lines in src/', () => {
    const top = files.filter((f) => dirname(f.path) === join(src, 'core'));
    assert.ok(top.length <= 8, `${top.length} files at the top of src/core`);
    const long = files.filter((f) => f.text.split('\n').length > 400).map((f) => relative(root, f.path));
    assert.deepEqual(long, []);
  });

  it('flags an import against the flow: the reader asking the linter, the core asking VS Code, the panel asking the extension', () => {
    const at = (path: string, text: string) => ({ path: join(src, path), text });
    const found = violations([
      at('core/read/prescan.ts', "import { mergeConfig } from '../lint/config';"),
      at('core/stories/drafts.ts', "import type { StoryDocument } from '../analyse';"),
      at('core/views/storyBank.ts', "import * as vscode from 'vscode';"),
      at('rehearsal/panel.ts', "import type { Settings } from '../extension/settings';"),
      at('webview/main.ts', "import { roleName } from '../core/stories/wording';"),
      at('core/lint/lint.ts', "import { shiftRange } from '../read/lines';"),
    ]);
    assert.deepEqual(found, [
      'src/core/read/prescan.ts → ../lint/config (core/read may not import core/lint)',
      'src/core/stories/drafts.ts → ../analyse (core/stories may not import core/analyse)',
      'src/core/views/storyBank.ts → vscode (core/views may not import vscode)',
      'src/rehearsal/panel.ts → ../extension/settings (rehearsal may not import extension)',
      'src/webview/main.ts → ../core/stories/wording (webview may not import core/stories)',
    ]);
  });
});
