/**
 * Firefox E2E set-up: Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi, with the
 * built add-on (.output/firefox-mv2) installed as a temporary add-on, and helpers that read what a
 * user sees. The fixture server is the browser's HTTP proxy (Firefox has no --host-resolver-rules),
 * so http://www.ziyang.gov.cn/... reaches it and the detector's real match patterns apply.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { silentSpeechEnvironment } from '../../../scripts/browser.mjs';
import { type GoldenPage, startFixtureServer } from '../../../scripts/fixture-server.mjs';

export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../../.output/firefox-mv2');
const ADDON_ID = 'yidu-reader@yidu.example';
/**
 * The add-on's internal UUID, fixed through `extensions.webextensions.uuids` so its pages have a
 * known moz-extension:// address (Firefox otherwise picks a random one per profile).
 */
const ADDON_UUID = '3a5b5f0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
export const EXTENSION_ORIGIN = `moz-extension://${ADDON_UUID}`;

const CANDIDATES = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];

export interface FirefoxHarness {
  browser: Browser;
  /** An extension page kept open to ask the browser what a user's toolbar would show. */
  control: Page;
  page(slug: string): GoldenPage;
  close(): Promise<void>;
}

/** `extra`: more pages the fixture server answers, by URL (hostile pages built by the tests). */
export async function startFirefoxHarness({
  extra,
}: {
  extra?: Record<string, { body: string | Uint8Array; contentType: string }>;
} = {}): Promise<FirefoxHarness> {
  const executablePath = CANDIDATES.find((path) => path && existsSync(path));
  if (!executablePath)
    throw new Error('No Firefox found: apt-get install firefox-esr (or set FIREFOX_PATH)');
  const server = await startFixtureServer(extra ? { extra } : {});
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    // Without it BiDi may not open the add-on's own pages (the popup, the options page).
    args: ['--remote-allow-system-access'],
    // Real voices into a null audio device: Firefox speaks through speech-dispatcher too.
    env: { ...process.env, ...silentSpeechEnvironment() },
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      // Every plain-HTTP request goes to the fixture server, which answers by the full URL.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': server.port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      // The add-on's locale follows the browser's UI language (firefox-esr-l10n-zh-cn).
      'intl.locale.requested': 'zh-CN',
      'intl.accept_languages': 'zh-CN,zh',
    },
  });
  try {
    await browser.installExtension(FIREFOX_EXTENSION_DIR);
    const control = await openExtensionPage(browser, 'options.html');
    return {
      browser,
      control,
      page(slug) {
        const found = server.pages.find((page) => page.slug === slug);
        if (!found) throw new Error(`no golden page ${slug}`);
        return found;
      },
      async close() {
        await browser.close();
        await server.close();
      },
    };
  } catch (error) {
    await browser.close();
    await server.close();
    throw error;
  }
}

/**
 * Opens one of the add-on's pages in a new tab. Puppeteer never sees a moz-extension:// navigation
 * finish (its load event is not reported to it), so the document itself is polled for. Polled by
 * hand rather than with waitForFunction: while the tab moves from about:blank to the add-on's
 * page, Firefox's WebDriver BiDi can fail an evaluation outright ("right-hand side of 'in' should
 * be an object, got null", inside its own script.evaluate), which ends waitForFunction at once.
 */
export async function openExtensionPage(browser: Browser, path: string): Promise<Page> {
  const page = await browser.newPage();
  const url = `${EXTENSION_ORIGIN}/${path}`;
  page.goto(url, { timeout: 0 }).catch(() => undefined);
  const deadline = Date.now() + 15_000;
  for (;;) {
    const loaded = await page
      .evaluate((expected) => location.href === expected && document.readyState === 'complete', url)
      .catch(() => false);
    if (loaded) return page;
    if (Date.now() > deadline) throw new Error(`${url} did not load within 15 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Opens `url` (or a golden page by slug) in a new tab; returns the page and its tab id. */
export async function visit(
  harness: FirefoxHarness,
  slugOrUrl: string,
): Promise<{ page: Page; tabId: number }> {
  const page = await harness.browser.newPage();
  await page.goto(/^https?:/.test(slugOrUrl) ? slugOrUrl : harness.page(slugOrUrl).url);
  return { page, tabId: await tabIdOf(harness, page) };
}

/** The id of the tab `page` shows, as the add-on sees it: the page is brought to the front. */
export async function tabIdOf(harness: FirefoxHarness, page: Page): Promise<number> {
  await page.bringToFront();
  return harness.control.evaluate(async () => {
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    return tab.id;
  });
}

/** Opens the popup as a page aimed at `tabId` (in a real popup the active tab is implied). */
export async function openPopup(harness: FirefoxHarness, tabId: number): Promise<Page> {
  const popup = await openExtensionPage(harness.browser, `popup.html?tabId=${tabId}`);
  await popup.setViewport({ width: 400, height: 640 });
  return popup;
}

export function badgeText(harness: FirefoxHarness, tabId: number): Promise<string> {
  // Manifest V2's name for the toolbar button (the project's types describe MV3's `action`).
  return harness.control.evaluate(
    (id) =>
      (
        browser as unknown as {
          browserAction: { getBadgeText(details: { tabId: number }): Promise<string> };
        }
      ).browserAction.getBadgeText({ tabId: id }),
    tabId,
  );
}

export function clearSettings(harness: FirefoxHarness): Promise<void> {
  return harness.control.evaluate(() => browser.storage.sync.clear());
}

/** Puppeteer's selector for a test hook anywhere in the page, inside open shadow roots too. */
export const testId = (id: string) => `>>> [data-testid="${id}"]`;

/** The text of the first element with the hook, or null when there is none. */
export async function textOf(page: Page, id: string): Promise<string | null> {
  const handle = await page.$(testId(id));
  if (!handle) return null;
  try {
    return await handle.evaluate((element) => element.textContent);
  } finally {
    await handle.dispose();
  }
}

export async function attributeOf(page: Page, id: string, name: string): Promise<string | null> {
  const handle = await page.$(testId(id));
  if (!handle) return null;
  try {
    return await handle.evaluate((element, attribute) => element.getAttribute(attribute), name);
  } finally {
    await handle.dispose();
  }
}

export async function countOf(page: Page, id: string): Promise<number> {
  const handles = await page.$$(testId(id));
  await Promise.all(handles.map((handle) => handle.dispose()));
  return handles.length;
}

/** A real (trusted) click, once the element is visible, enabled and still. */
export function click(page: Page, id: string): Promise<void> {
  return page.locator(testId(id)).click();
}

/** Waits for the reader to show its article or its message. */
export async function readerShown(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document
        .querySelector('yidu-reader')
        ?.shadowRoot?.querySelector(
          '[data-testid="reader-content"], [data-testid="reader-problem"]',
        ),
    { timeout: 20_000 },
  );
}

/**
 * The element that has the focus inside the reader: its test hook, or for an element without one
 * (the focusable scroll region, an article's link) its tag and class; null when focus is elsewhere.
 */
export function focusedInReader(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const active = document.querySelector('yidu-reader')?.shadowRoot?.activeElement;
    if (!active) return null;
    return active.getAttribute('data-testid') ?? `${active.localName}.${active.className}`;
  });
}

/** Collects uncaught errors of the page and of the add-on's content scripts. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page: ${(error as Error).message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}
