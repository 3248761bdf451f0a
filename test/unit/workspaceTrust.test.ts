// Workspace trust: package.json declares `capabilities.untrustedWorkspaces: { supported: true }`, which
// is honest only while nothing the extension reads from a workspace can make it run code. These tests
// fail when that stops being true: a new setting (which might name a program to run), a bundle that can
// spawn processes or evaluate strings, or a `.starstories.json` that is treated as more than data.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readConfig, mergeConfig } from '../../src/core/lint/config';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  capabilities: { untrustedWorkspaces: { supported: boolean | 'limited'; restrictedConfigurations?: string[] }; virtualWorkspaces: boolean };
  contributes: { configuration: { properties: Record<string, { type: string }> } };
};

/** Every setting, reviewed for trust: none names a program, a script, a path to load or a shell command. */
const REVIEWED_SETTINGS = [
  'starStories.exclude', // globs, matched by VS Code's file search
  'starStories.include', // globs, matched by VS Code's file search
  'starStories.lexicon', // words compared as plain strings (never compiled into a regular expression)
  'starStories.questionBank', // question texts shown in a quick pick title; application scope, so a workspace cannot set it
  'starStories.rules', // severities from a fixed enum
  'starStories.run', // 'onType' | 'onSave'
  'starStories.targetSeconds', // a number
  'starStories.wordsPerMinute', // a number
];

/**
 * What the extension bundle may load: the worker thread it analyses in, its storage and paths.
 * `child_process`, `vm`, `module` (createRequire) and friends are not here; parsing, rendering and
 * every npm package live in the analysis worker (dist/analysisWorker.js), which reads only the text
 * it is sent.
 */
const ALLOWED_MODULES = new Set(['vscode', 'node:path', 'node:url', 'node:fs/promises', 'node:worker_threads']);

describe('workspace trust', () => {
  before(function () {
    this.timeout(60_000);
    execFileSync(process.execPath, [join(root, 'esbuild.mjs')], { cwd: root });
  });

  it('package.json supports untrusted workspaces, with no restricted settings to hide', () => {
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces, { supported: true });
  });

  it('contributes only settings that were reviewed as safe in an untrusted workspace', () => {
    // A new setting fails this test on purpose: decide whether it could run something (then list it in
    // `restrictedConfigurations` and declare `supported: "limited"`), and add it to REVIEWED_SETTINGS.
    assert.deepEqual(Object.keys(manifest.contributes.configuration.properties).sort(), REVIEWED_SETTINGS);
  });

  it('the extension bundle cannot spawn processes or evaluate strings as code', () => {
    const bundle = readFileSync(join(root, 'dist', 'extension.js'), 'utf8');
    const required = [...bundle.matchAll(/\brequire\(\s*(['"`])([^'"`]+)\1\s*\)/g)].map((m) => m[2]);
    assert.ok(required.includes('vscode'), 'the scan found the bundle\'s require calls');
    assert.deepEqual([...new Set(required.filter((m) => !ALLOWED_MODULES.has(m)))], []);
    assert.doesNotMatch(bundle, /child_process|\bnode:vm\b|require\(\s*['"]vm['"]\s*\)|createRequire/);
    assert.doesNotMatch(bundle, /\beval\s*\(|\bnew\s+Function\s*\(/);
    // Every require has a literal argument: nothing is loaded from a path found at run time (a workspace file).
    assert.deepEqual([...bundle.matchAll(/(?<![\w$.])require\(\s*(?!['"`])[^)]{0,40}\)/g)].map((m) => m[0]), []);
  });

  it('never lets story text run a command: no trusted Markdown, no command links in the webview', () => {
    // Story titles and words reach hovers and Story Explorer tooltips as MarkdownString: an untrusted one
    // (the default) shows a `[link](command:…)` written in a story as text VS Code will not run.
    for (const file of ['extension.js', 'media/webview.js']) {
      const bundle = readFileSync(join(root, 'dist', file), 'utf8');
      assert.doesNotMatch(bundle, /\bisTrusted\s*(?:=(?!=)|:)|\benableCommandUris\b|\bsupportHtml\b/, file);
    }
  });

  it('reads .starstories.json as data: code in it is rejected and it cannot pollute prototypes', () => {
    assert.throws(() => JSON.parse('module.exports = { rules: {} }'));
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "rules": {"__proto__": "error", "STAR005": "off"}, "lexicon": {"__proto__": ["x"], "constructor": ["y"]}, "run": "node evil.js"}') as unknown;
    const { config, problems } = readConfig(hostile);
    const merged = mergeConfig(config);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(merged.rules), Object.prototype);
    assert.equal(merged.rules.STAR005, 'off');
    assert.equal(merged.run, 'onType');
    assert.ok(problems.some((p) => /run must be/.test(p)), problems.join('; '));
    assert.ok(problems.some((p) => /lexicon must map/.test(p)), problems.join('; '));
  });
});
