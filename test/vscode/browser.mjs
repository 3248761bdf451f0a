// Headless Chromium (Debian's, or $CHROME_PATH) driven by playwright-core. playwright-core never
// downloads a browser; we always hand it an executable.
import { chromium } from 'playwright-core';
import { onCleanup } from './cleanup.mjs';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launchChromium(executablePath) {
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: chromiumArgs,
    // cleanup.mjs owns signal handling, so that code-server and the browser stop together.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const unregister = onCleanup(() => browser.close().catch(() => {}));
  const close = browser.close.bind(browser);
  browser.close = async () => {
    unregister();
    await close().catch(() => {});
  };
  return browser;
}
