/**
 * Simplified ⇄ traditional in Firefox with the built add-on: in the reader (OpenCC's phrase-level
 * output, and back to the exact original), and on the page itself from the popup (what the page
 * adds later too, the user's typing untouched, restored exactly).
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConverter } from '../../../utils/convert/load-converter';
import { loadNodeDictionaries } from '../../../utils/convert/load-node';
import {
  clearSettings,
  click,
  type FirefoxHarness,
  openPopup,
  readerShown,
  startFirefoxHarness,
  textOf,
  visit,
} from './harness';

let harness: FirefoxHarness;

beforeAll(async () => {
  harness = await startFirefoxHarness();
});
afterAll(async () => {
  await harness?.close();
});

const readerArticle = (page: Page) =>
  page.evaluate(() => {
    const article = document.querySelector('yidu-reader')?.shadowRoot?.querySelector('.yd-article');
    return { html: article?.innerHTML ?? '', lang: article?.getAttribute('lang') ?? null };
  });

const pageState = (page: Page) =>
  page.evaluate(() => ({
    html: document.body.outerHTML,
    title: document.title,
    lang: document.documentElement.getAttribute('lang'),
  }));

describe('in the reader, in Firefox', () => {
  it('shows the article in 臺灣正體 and back to the exact original', async () => {
    await clearSettings(harness);
    const golden = harness.page('ziyang-article');
    const { page } = await visit(harness, 'ziyang-article');
    await click(page, 'reader-entry');
    await readerShown(page);
    const original = await readerArticle(page);
    const toTw = await loadConverter('cn', 'tw', loadNodeDictionaries);

    await click(page, 'menu-script');
    await click(page, 'script-tw');
    await expect
      .poll(() => textOf(page, 'reader-title'))
      .toBe(toTw.convert(golden.expected.title ?? ''));
    await expect.poll(() => textOf(page, 'script-status')).toBe('识别为：简体');
    const converted = await readerArticle(page);
    expect(converted.lang).toBe('zh-TW');
    expect(await textOf(page, 'reader-content')).toContain(toTw.convert('生态环境保护委员会'));

    for (let round = 0; round < 5; round += 1) {
      await click(page, 'script-original');
      await expect.poll(() => readerArticle(page)).toEqual(original);
      await click(page, 'script-tw');
      await expect.poll(() => readerArticle(page)).toEqual(converted);
    }
    await click(page, 'script-original');
    await expect.poll(() => readerArticle(page)).toEqual(original);
    await page.close();
  });
});

describe('on the page itself, in Firefox', () => {
  it('converts from the popup, later content too, typing untouched, and restores exactly', async () => {
    await clearSettings(harness);
    const { page, tabId } = await visit(harness, 'ziyang-article');
    await page.waitForFunction(() => document.querySelector('yidu-entry'));
    await page.evaluate(() => document.body.prepend(document.createElement('textarea')));
    await page.type('textarea', '我在写意见');
    const before = await pageState(page);

    const popup = await openPopup(harness, tabId);
    await click(popup, 'script-t');
    await click(popup, 'page-convert');
    await expect.poll(() => textOf(popup, 'page-script-state')).toBe('网页已转为繁體');
    const converted = await page.evaluate(() => ({
      title: document.title,
      lang: document.documentElement.getAttribute('lang'),
      text: document.body.textContent ?? '',
      typed: document.querySelector('textarea')?.value,
    }));
    expect(converted.lang).toBe('zh-Hant');
    expect(converted.title).not.toBe(before.title);
    expect(converted.text).toContain('環境');
    expect(converted.typed).toBe('我在写意见');

    await page.evaluate(() => {
      const added = document.createElement('p');
      added.id = 'added';
      added.textContent = '后来加上的环境通知';
      document.body.append(added);
    });
    await expect
      .poll(() => page.evaluate(() => document.querySelector('#added')?.textContent))
      .toBe('後來加上的環境通知');
    await page.evaluate(() => document.querySelector('#added')?.remove());

    await click(popup, 'page-restore');
    await expect.poll(() => pageState(page)).toEqual(before);
    await popup.close();
    await page.close();
    await clearSettings(harness);
  });
});
