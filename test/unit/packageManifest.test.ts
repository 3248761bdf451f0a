// What the Marketplace checks of package.json before it takes a VSIX, checked here without building one.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const read = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, unknown>;
const manifest = read('package.json') as { engines: { vscode: string }; enabledApiProposals?: unknown; [key: string]: unknown };

/** The major.minor of a version or of the least version a range such as `^1.138.0` accepts. */
const majorMinor = (version: string) => /^[\^~>=\s]*(\d+\.\d+)\.\d+/.exec(version)?.[1] ?? assert.fail(`not a version: ${version}`);

describe('the extension manifest', () => {
  it('uses no proposed API (the Marketplace rejects an extension that does)', () => {
    assert.equal(manifest.enabledApiProposals, undefined);
  });

  it('asks for the VS Code its typings describe: engines.vscode starts at @types/vscode', () => {
    // Typings newer than the engine let code call API that older VS Code lacks; vsce refuses that too.
    const typings = read('node_modules/@types/vscode/package.json').version as string;
    assert.equal(majorMinor(manifest.engines.vscode), majorMinor(typings), `engines.vscode ${manifest.engines.vscode}, @types/vscode ${typings}`);
    assert.equal(majorMinor((read('package.json').devDependencies as Record<string, string>)['@types/vscode']), majorMinor(typings));
  });

  it('has what a Marketplace page shows: icon, repository, bugs, homepage, licence, categories, keywords, banner', () => {
    for (const key of ['icon', 'repository', 'bugs', 'homepage', 'license', 'categories', 'keywords', 'galleryBanner']) {
      assert.ok(manifest[key], key);
    }
    // The Marketplace takes at most 30 keywords.
    assert.ok((manifest.keywords as string[]).length <= 30);
  });

  it('keeps .vscodeignore an allow-list ("**", then "!pattern" lines), as test/vscode/install.mjs reads it', () => {
    const lines = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    assert.equal(lines[0], '**');
    assert.deepEqual(lines.slice(1).filter((l) => !l.startsWith('!')), []);
  });
});
