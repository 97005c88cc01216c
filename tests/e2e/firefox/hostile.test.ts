/**
 * Hostile and broken pages in Firefox with the built add-on: no payload runs when the reader opens
 * or the page is converted, and each odd page gets a correct reader or a clear message, with no
 * uncaught error.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeLegacy } from '../../hostile/legacy-encoding';
import {
  deepNesting,
  HOSTILE_ORIGIN,
  manyNodes,
  noBody,
  notice,
  PAYLOADS,
  rewritesBody,
  xhtml,
  xssArticle,
} from '../../hostile/pages';
import {
  clearSettings,
  click,
  collectErrors,
  type FirefoxHarness,
  openPopup,
  readerShown,
  startFirefoxHarness,
  tabIdOf,
  textOf,
} from './harness';

let harness: FirefoxHarness;

const html = 'text/html; charset=utf-8';
/** Path under HOSTILE_ORIGIN → what is served there. */
const PAGES: Record<string, { body: string | Uint8Array; contentType: string }> = {
  '/art/2026/9/19/art_1_1.html': { body: xssArticle(), contentType: html },
  '/art/2026/9/19/art_1_2.html': { body: manyNodes(), contentType: html },
  '/art/2026/9/19/art_1_3.html': { body: deepNesting(), contentType: html },
  '/art/2026/9/19/art_1_4.xhtml': { body: xhtml(), contentType: 'application/xhtml+xml' },
  '/art/2026/9/19/art_1_5.xhtml': { body: noBody(), contentType: 'application/xhtml+xml' },
  '/art/2026/9/19/art_1_7.html': { body: rewritesBody(), contentType: html },
  '/art/2026/9/19/art_1_9.html': {
    body: encodeLegacy(notice().replace('charset="utf-8"', 'charset="gbk"'), 'gbk'),
    contentType: 'text/html',
  },
  '/art/2026/9/19/art_1_10.html': {
    body: encodeLegacy(
      notice('', { title: '關於參保繳費的通知' }).replace('<meta charset="utf-8">', ''),
      'big5',
    ),
    contentType: 'text/html; charset=big5',
  },
};

beforeAll(async () => {
  harness = await startFirefoxHarness({
    extra: Object.fromEntries(
      Object.entries(PAGES).map(([path, page]) => [`${HOSTILE_ORIGIN}${path}`, page]),
    ),
  });
});
afterAll(async () => {
  await harness?.close();
});

/** Opens a hostile page, collecting uncaught errors after its load (the page's and the add-on's). */
async function open(path: string): Promise<{ page: Page; tabId: number; errors: string[] }> {
  const page = await harness.browser.newPage();
  const errors = collectErrors(page);
  await page.goto(`${HOSTILE_ORIGIN}${path}`);
  // What the page reports about itself while loading (Firefox's parser flattens the 5,000-level
  // tree with an error) happens before the add-on does anything: only later errors are ours.
  errors.splice(0);
  return { page, tabId: await tabIdOf(harness, page), errors };
}

/** Opens the reader from the popup (works whether or not the page was taken for an article). */
async function openReaderFromPopup(page: Page, tabId: number) {
  const popup = await openPopup(harness, tabId);
  await click(popup, 'open-reader');
  await popup.close();
  await readerShown(page);
}

const readerText = (page: Page) =>
  page.evaluate(() => {
    const shadow = document.querySelector('yidu-reader')?.shadowRoot;
    return {
      title: shadow?.querySelector('[data-testid="reader-title"]')?.textContent ?? null,
      body: shadow?.querySelector('[data-testid="reader-content"]')?.textContent ?? '',
      problem: shadow?.querySelector('[data-testid="reader-problem"]')?.textContent ?? null,
    };
  });

const pwned = (page: Page) =>
  page.evaluate(() => [...(window as unknown as { pwnedBy: number[] }).pwnedBy]);

describe('script injection, in Firefox', () => {
  it(`none of ${PAYLOADS.length + 10} payloads runs in the reader or in the converted page`, async () => {
    const { page, tabId, errors } = await open('/art/2026/9/19/art_1_1.html');
    // Payloads in the page itself run there on load, before the add-on does anything: the reader
    // must add none, and only errors after this point are ours.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = await pwned(page);
    const pageOwnErrors = errors.length;
    await click(page, 'reader-entry');
    await readerShown(page);
    await click(page, 'menu-theme');
    await click(page, 'theme-dark');
    await click(page, 'menu-script');
    await click(page, 'script-t');
    await expect.poll(() => textOf(page, 'script-status')).toBe('识别为：简体');
    await click(page, 'script-original');
    await click(page, 'reader-close');
    await click(page, 'reader-entry');
    await readerShown(page);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await pwned(page)).toEqual(before);
    const dangerous = await page.evaluate(() => {
      const root = document.querySelector('yidu-reader')?.shadowRoot;
      const found: string[] = [];
      for (const element of root?.querySelectorAll('.yd-article *') ?? []) {
        if (/^(script|iframe|object|embed|svg|math|form|style|base|meta)$/i.test(element.tagName))
          found.push(element.tagName);
        for (const { name, value } of element.attributes) {
          if (/^on/i.test(name)) found.push(`${element.tagName} ${name}`);
          if (/^\s*(javascript|vbscript|data:text)/i.test(value))
            found.push(`${element.tagName} ${name}=${value}`);
        }
      }
      return found;
    });
    expect(dangerous).toEqual([]);
    expect((await readerText(page)).title).toContain('关于参保缴费的通知');
    expect(errors.slice(pageOwnErrors)).toEqual([]);

    await page.keyboard.press('Escape');
    const popup = await openPopup(harness, tabId);
    await click(popup, 'script-t');
    await click(popup, 'page-convert');
    await expect.poll(() => textOf(popup, 'page-script-state')).toBe('网页已转为繁體');
    await click(popup, 'page-restore');
    await popup.close();
    expect(await pwned(page)).toEqual(before);
    await clearSettings(harness);
    await page.close();
  });
});

describe('odd and broken pages, in Firefox', () => {
  it.each([
    ['50,000 elements', '/art/2026/9/19/art_1_2.html'],
    ['5,000 levels of nesting', '/art/2026/9/19/art_1_3.html'],
    ['XHTML served as application/xhtml+xml', '/art/2026/9/19/art_1_4.xhtml'],
    ['GBK', '/art/2026/9/19/art_1_9.html'],
  ])('%s: the reader shows the notice, no uncaught error', async (_name, path) => {
    const { page, tabId, errors } = await open(path);
    await openReaderFromPopup(page, tabId);
    const { body, problem } = await readerText(page);
    expect(problem).toBeNull();
    expect(body).toContain('城乡居民基本医疗保险参保缴费工作');
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Big5: the traditional notice reads correctly', async () => {
    const { page, tabId, errors } = await open('/art/2026/9/19/art_1_10.html');
    await openReaderFromPopup(page, tabId);
    expect((await readerText(page)).title).toBe('關於參保繳費的通知');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a document without a body: a clear message, the page untouched', async () => {
    const { page, tabId, errors } = await open('/art/2026/9/19/art_1_5.xhtml');
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    await openReaderFromPopup(page, tabId);
    expect((await readerText(page)).problem).toBe(
      '未能在本页找到文章正文。阅读模式只适用于文章页面。',
    );
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a page that rewrites its body after load: the reader shows what is there now', async () => {
    const { page, errors } = await open('/art/2026/9/19/art_1_7.html');
    await page.waitForFunction(() => document.body.textContent?.includes('更新后的通知'));
    await click(page, 'reader-entry');
    await readerShown(page);
    expect((await readerText(page)).body).toContain('更新第1条');
    expect(errors).toEqual([]);
    await page.close();
  });
});
