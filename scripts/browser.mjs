// Finds a Chromium-family browser and starts it with the built extension loaded. Shared by
// `npm start` and the E2E tests.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const EXTENSION_DIR = resolve(new URL('..', import.meta.url).pathname, '.output/chrome-mv3');

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** The first browser found, or undefined. CHROMIUM_PATH wins. */
export function findBrowser() {
  return CANDIDATES.find((path) => path && existsSync(path));
}

export const BROWSER_NOT_FOUND = `No Chromium or Chrome found. Install one (Debian/Ubuntu: apt-get install chromium)
or point to it: CHROMIUM_PATH=/path/to/chrome npm start
(Google Chrome 137 and later ignore --load-extension; Chromium, Chrome for Testing or
Chrome Canary still load it.)`;

/**
 * Launches the browser with the extension from .output/chrome-mv3. `hostRules` maps hosts to the
 * local fixture server. Resolves to { context, extensionId, serviceWorker }.
 */
export async function launchWithExtension({
  headless = true,
  hostRules,
  lang = 'zh-CN',
  args = [],
} = {}) {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error(BROWSER_NOT_FOUND);
  const userDataDir = mkdtempSync(join(tmpdir(), 'yidu-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless,
    locale: lang,
    // Chromium on Linux takes its UI language (and so the extension's locale) from LANGUAGE, not --lang.
    env: { ...process.env, LANGUAGE: lang.replace('-', '_') },
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      `--lang=${lang}`,
      ...(hostRules ? [`--host-resolver-rules=${hostRules}`] : []),
      // This machine's network is closed: keep Chromium from trying to reach Google's services.
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-sandbox',
      ...args,
    ],
  });
  const serviceWorker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 15000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return { context, extensionId, serviceWorker };
}
