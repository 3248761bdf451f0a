// Renders scripts/icon.svg to media/icon.png, the 128×128 Marketplace icon (`icon` in package.json):
// the Marketplace and VS Code take no SVG for it. Run by hand after changing the SVG:
//   node scripts/renderIcon.mjs
// Headless Chromium draws it (Debian's /usr/bin/chromium or CHROME_PATH) through playwright-core, as the
// end-to-end tests do, so the PNG is what a browser shows of the SVG.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
const size = 128;
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  const svg = readFileSync(resolve(root, 'scripts/icon.svg'), 'utf8');
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  // Transparent outside the rounded square, not the page's white.
  const png = await page.screenshot({ omitBackground: true });
  // IHDR: width and height are the big-endian words at bytes 16 and 20.
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  if (width !== size || height !== size) throw new Error(`expected ${size}×${size}, Chromium drew ${width}×${height}`);
  writeFileSync(resolve(root, 'media/icon.png'), png);
  console.log(`media/icon.png: ${width}×${height}, ${png.length} bytes`);
} finally {
  await browser.close();
}
