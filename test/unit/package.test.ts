// The VSIX as `npm run package` makes it (scripts/package.mjs): what it holds, how big it is, and that
// the README the Marketplace shows points at images that exist.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

const root = join(__dirname, '..', '..');

// Measured 395 KB (0.1.0); 1.5× that leaves room to grow, while one source map (1.2–1.5 MB) or
// node_modules would blow it.
const BUDGET_BYTES = 600 * 1024;

// Everything a VSIX of STAR Stories may hold. vsce adds the first two and renames README, CHANGELOG and LICENSE.
const ALLOWED = [
  /^\[Content_Types\]\.xml$/, /^extension\.vsixmanifest$/,
  /^extension\/(package\.json|readme\.md|changelog\.md|LICENSE\.txt)$/,
  /^extension\/dist\/(extension|analysisWorker)\.js$/, /^extension\/dist\/media\/(webview\.js|rehearsal\.css)$/,
  /^extension\/syntaxes\/[\w.-]+\.tmLanguage\.json$/, /^extension\/snippets\/[\w.-]+\.code-snippets$/,
  /^extension\/schemas\/[\w.-]+\.schema\.json$/, /^extension\/media\/(icon\.png|activity-bar\.svg|walkthrough\/\w+\.md)$/,
];

// The files package.json names (main, the worker the client starts, webview, grammar, snippets, schema, icons, walkthrough).
const REQUIRED = [
  'extension/package.json', 'extension/readme.md', 'extension/changelog.md', 'extension/LICENSE.txt',
  'extension/dist/extension.js', 'extension/dist/analysisWorker.js', 'extension/dist/media/webview.js', 'extension/dist/media/rehearsal.css',
  'extension/syntaxes/star-stories.injection.tmLanguage.json', 'extension/snippets/star-stories.code-snippets',
  'extension/schemas/starstories.schema.json', 'extension/media/icon.png', 'extension/media/activity-bar.svg',
  ...['write', 'lint', 'explore', 'rehearse', 'ci'].map((step) => `extension/media/walkthrough/${step}.md`),
];

interface Entry { name: string; method: number; compressed: number; offset: number }

/** A VSIX is a zip: its entries, from the central directory at its end. */
function zipEntries(zip: Buffer): Entry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'no end of central directory: not a zip');
  const entries: Entry[] = [];
  for (let at = zip.readUInt32LE(end + 16), n = zip.readUInt16LE(end + 10); n > 0; n--) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'central directory header');
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({ name: zip.toString('utf8', at + 46, at + 46 + nameLength), method: zip.readUInt16LE(at + 10), compressed: zip.readUInt32LE(at + 20), offset: zip.readUInt32LE(at + 42) });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

function zipText(zip: Buffer, entry: Entry): string {
  const start = entry.offset + 30 + zip.readUInt16LE(entry.offset + 26) + zip.readUInt16LE(entry.offset + 28);
  const data = zip.subarray(start, start + entry.compressed);
  return (entry.method === 8 ? inflateRawSync(data) : data).toString('utf8');
}

describe('the VSIX (npm run package)', function () {
  // A production build and vsce: about 5 s here.
  this.timeout(120_000);
  let scratch: string;
  let vsix: Buffer;
  let entries: Entry[];
  const text = (name: string) => zipText(vsix, entries.find((e) => e.name === name) ?? assert.fail(`${name} is not in the VSIX`));

  before(() => {
    scratch = mkdtempSync(join(tmpdir(), 'star-vsix-'));
    const out = join(scratch, 'star-stories.vsix');
    const run = spawnSync(process.execPath, ['scripts/package.mjs', '--out', out], { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 0, `scripts/package.mjs failed:\n${run.stdout}\n${run.stderr}`);
    vsix = readFileSync(out);
    entries = zipEntries(vsix);
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('holds only what the extension needs at run time: no sources, tests, source maps or node_modules', () => {
    const stray = entries.map((e) => e.name).filter((name) => !ALLOWED.some((pattern) => pattern.test(name)));
    assert.deepEqual(stray, []);
  });

  it('holds every file the manifest names', () => {
    const names = new Set(entries.map((e) => e.name));
    assert.deepEqual(REQUIRED.filter((name) => !names.has(name)), []);
  });

  it(`stays under ${BUDGET_BYTES / 1024} KB`, () => {
    assert.ok(vsix.length < BUDGET_BYTES, `${vsix.length} bytes`);
  });

  it('ships the production build (minified, no source map link)', () => {
    const extension = text('extension/dist/extension.js');
    assert.doesNotMatch(extension, /sourceMappingURL/);
    // Minified: under a hundred lines (newlines inside template strings), where the development build has thousands.
    assert.ok(extension.split('\n').length < 1000, `${extension.split('\n').length} lines`);
  });

  it('carries the Marketplace manifest: a 128×128 PNG icon, preview, repository, no "files" (the npm list)', () => {
    const manifest = JSON.parse(text('extension/package.json')) as Record<string, unknown>;
    assert.equal(manifest.icon, 'media/icon.png');
    assert.equal(manifest.preview, true);
    assert.ok(manifest.repository, 'repository');
    assert.equal(manifest.files, undefined);
    const icon = readFileSync(join(root, 'media/icon.png'));
    assert.equal(icon.toString('latin1', 1, 4), 'PNG');
    assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128]);
    assert.match(text('extension.vsixmanifest'), /<Icon>extension\/media\/icon\.png<\/Icon>/);
  });

  it("points the README's images at the repository's raw files, which exist, and none is an SVG", () => {
    const images = [...text('extension/readme.md').matchAll(/!\[[^\]]*\]\(([^)\s]+)/g)].map((m) => m[1]);
    assert.ok(images.length > 0, 'the README shows pictures');
    for (const url of images) {
      const path = /^https:\/\/github\.com\/star-stories\/star-stories\/raw\/main\/(.+)$/.exec(url)?.[1];
      assert.ok(path, `${url} is not an image of the repository`);
      assert.ok(existsSync(join(root, path)) && statSync(join(root, path)).isFile(), `${path} is not in the repository`);
      assert.doesNotMatch(path, /\.svg$/i, 'the Marketplace refuses SVG images in a README');
    }
  });
});
