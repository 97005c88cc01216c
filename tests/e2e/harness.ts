/// <reference types="chrome" />
/**
 * Shared E2E set-up: the fixture server, Chromium with the built extension, and helpers that read
 * what a user would see (the badge, the popup for a tab).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Locator, Page, Worker } from 'playwright-core';
import { launchWithExtension } from '../../scripts/browser.mjs';
import {
  type GoldenPage,
  hostResolverRules,
  startFixtureServer,
} from '../../scripts/fixture-server.mjs';

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  page(slug: string): GoldenPage;
  close(): Promise<void>;
}

export const SCREENSHOT_DIR = 'docs/screenshots';

/**
 * Writes docs/screenshots/<name>.png only when asked (UPDATE_SCREENSHOTS=1), so an ordinary test run
 * leaves the work tree as it found it (a rendered PNG differs by a few bytes from run to run).
 */
export async function saveScreenshot(
  target: Pick<Page, 'screenshot'> | Pick<Locator, 'screenshot'>,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<void> {
  if (process.env.UPDATE_SCREENSHOTS !== '1') return;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await target.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, ...options });
}

/**
 * `speech`: 'silent' (default) gives Chromium real voices through a private speech-dispatcher set-up
 * with a null audio device, independent of the user's home; 'off' starts it with no voices at all.
 */
export async function startHarness({
  speech = 'silent',
}: {
  speech?: 'silent' | 'off';
} = {}): Promise<Harness> {
  const server = await startFixtureServer();
  const { context, extensionId, serviceWorker } = await launchWithExtension({
    hostRules: hostResolverRules(server.pages, server.port),
    speech,
  });
  return {
    context,
    extensionId,
    serviceWorker,
    page(slug) {
      const found = server.pages.find((page) => page.slug === slug);
      if (!found) throw new Error(`no golden page ${slug}`);
      return found;
    },
    async close() {
      await context.close();
      await server.close();
    },
  };
}

/** Opens a golden page in a new tab; returns the page and the extension's id for its tab. */
export async function visit(
  harness: Harness,
  slug: string,
): Promise<{ page: Page; tabId: number }> {
  const page = await harness.context.newPage();
  await page.goto(harness.page(slug).url);
  return { page, tabId: await tabIdOf(harness, page) };
}

/**
 * The id of the tab `page` shows, as the extension sees it: the page is brought to the front and the
 * active tab taken (without the `tabs` permission the extension cannot match other hosts by URL).
 */
/**
 * Waits for the reader to show its article or its message: its dialog comes up first with "working"
 * on a huge page, or on a page whose article takes more than a moment.
 */
export function readerShown(page: Page): Promise<void> {
  return page.getByTestId('reader-content').or(page.getByTestId('reader-problem')).waitFor();
}

export async function tabIdOf(harness: Harness, page: Page): Promise<number> {
  await page.bringToFront();
  return harness.serviceWorker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    return tab.id;
  });
}

export function badgeText(harness: Harness, tabId: number): Promise<string> {
  return harness.serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** Opens the popup as a page aimed at `tabId` (in a real popup the active tab is implied). */
export async function openPopup(harness: Harness, tabId: number): Promise<Page> {
  const popup = await harness.context.newPage();
  await popup.setViewportSize({ width: 400, height: 640 });
  await popup.goto(`chrome-extension://${harness.extensionId}/popup.html?tabId=${tabId}`);
  return popup;
}

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** What axe-core finds against WCAG 2.2 A and AA in `page` (optionally inside one shadow host). */
export async function axeViolations(page: Page, shadowPath?: string[]): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's (or extension's) CSP does not block.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (path) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const context = path ? { include: { fromShadowDom: path } } : document;
    const result = await axe.run(context as never, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join('; ')})`,
    );
  }, shadowPath);
}
