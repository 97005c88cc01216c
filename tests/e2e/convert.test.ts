/**
 * Simplified ↔ traditional in Chromium with the built extension: the reader and the page itself
 * convert phrase by phrase with lazily loaded dictionaries, "原文" restores exactly (20 rounds), a
 * textarea being typed in keeps its text and caret, and a site can always show one script.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConverter } from '../../utils/convert/load-converter';
import { loadNodeDictionaries } from '../../utils/convert/load-node';
import {
  type Harness,
  openPopup,
  readerShown,
  saveScreenshot,
  startHarness,
  visit,
} from './harness';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

const readerArticle = (page: Page) =>
  page.evaluate(() => {
    const article = document.querySelector('yidu-reader')?.shadowRoot?.querySelector('.yd-article');
    return { html: article?.innerHTML ?? '', lang: article?.getAttribute('lang') ?? null };
  });

async function openReader(page: Page) {
  await page.getByTestId('reader-entry').click();
  await readerShown(page);
}

const clearSettings = () => harness.serviceWorker.evaluate(() => chrome.storage.sync.clear());

describe('in the reader', () => {
  it('shows the article in 臺灣正體 and back to the exact original, 20 times', async () => {
    await clearSettings();
    const golden = harness.page('ziyang-article');
    const { page } = await visit(harness, 'ziyang-article');
    await openReader(page);
    const original = await readerArticle(page);
    const toTw = await loadConverter('cn', 'tw', loadNodeDictionaries);

    await page.getByTestId('menu-script').click();
    await page.getByTestId('script-tw').click();
    await expect
      .poll(() => page.getByTestId('reader-title').textContent())
      .toBe(toTw.convert(golden.expected.title ?? ''));
    await expect.poll(() => page.getByTestId('script-status').textContent()).toBe('识别为：简体');
    const converted = await readerArticle(page);
    expect(converted.lang).toBe('zh-TW');
    // A phrase-level conversion: the body matches OpenCC's own output for the whole text.
    const body = (await page.getByTestId('reader-content').textContent()) ?? '';
    expect(body).toContain(toTw.convert('生态环境保护委员会'));
    await saveScreenshot(page, 'reader-traditional');

    for (let round = 0; round < 20; round += 1) {
      await page.getByTestId('script-original').click();
      await expect.poll(() => readerArticle(page)).toEqual(original);
      await page.getByTestId('script-tw').click();
      await expect.poll(() => readerArticle(page)).toEqual(converted);
    }
    await page.getByTestId('script-original').click();
    await expect.poll(() => readerArticle(page)).toEqual(original);
    await page.close();
  });

  it('a traditional page is detected and shown in 简体; the source can be overridden', async () => {
    await clearSettings();
    const { page } = await visit(harness, 'ziyang-article');
    await openReader(page);
    await page.getByTestId('menu-script').click();
    // Said to be Hong Kong traditional, the (simplified) text converts from hk: mostly unchanged.
    await page.getByTestId('source-hk').click();
    await page.getByTestId('script-cn').click();
    await expect
      .poll(() => page.getByTestId('script-status').textContent())
      .toBe('识别为：香港繁體');
    await page.getByTestId('source-auto').click();
    await page.getByTestId('script-t').click();
    await expect.poll(() => readerArticle(page).then((a) => a.lang)).toBe('zh-Hant');
    await page.close();
    await clearSettings();
  });
});

describe('on the page itself', () => {
  it('converts from the popup and restores exactly, 20 times; typing keeps its text and caret', async () => {
    await clearSettings();
    const { page, tabId } = await visit(harness, 'ziyang-article');
    await page.getByTestId('reader-entry').waitFor();
    await page.evaluate(() => document.body.prepend(document.createElement('textarea')));
    const box = page.locator('textarea');
    await box.fill('我在写意见');
    await box.evaluate((element: HTMLTextAreaElement) => element.setSelectionRange(2, 2));
    const before = await page.evaluate(() => ({
      html: document.body.outerHTML,
      title: document.title,
      lang: document.documentElement.getAttribute('lang'),
    }));

    const popup = await openPopup(harness, tabId);
    await popup.getByTestId('menu-script').count(); // (the popup has no panels; choices are inline)
    await popup.getByTestId('script-t').click();
    await popup.getByTestId('page-convert').click();
    await expect
      .poll(() => popup.getByTestId('page-script-state').textContent())
      .toBe('网页已转为繁體');
    const converted = await page.evaluate(() => ({
      title: document.title,
      lang: document.documentElement.getAttribute('lang'),
      text: document.body.textContent ?? '',
    }));
    expect(converted.lang).toBe('zh-Hant');
    expect(converted.title).not.toBe(before.title);
    expect(converted.text).toContain('環境');
    // The textarea is the user's: its text and caret are untouched, and typing goes on.
    await expect(box.inputValue()).resolves.toBe('我在写意见');
    await expect(
      box.evaluate((element: HTMLTextAreaElement) => element.selectionStart),
    ).resolves.toBe(2);
    await box.press('End');
    await box.type('，谢谢');
    await expect(box.inputValue()).resolves.toBe('我在写意见，谢谢');

    await popup.getByTestId('page-restore').click();
    await expect
      .poll(() =>
        page.evaluate(() => ({
          html: document.body.outerHTML,
          title: document.title,
          lang: document.documentElement.getAttribute('lang'),
        })),
      )
      .toEqual(before);
    // Twenty more rounds through the same messages the popup sends.
    for (let round = 0; round < 20; round += 1) {
      for (const script of ['tw', 'original'] as const)
        await popup.evaluate(
          ({ tab, script }) =>
            chrome.runtime.sendMessage({
              type: 'ui→background:convert-page',
              tabId: tab,
              script,
              source: 'auto',
            }),
          { tab: tabId, script },
        );
      expect(
        await page.evaluate(() => ({
          html: document.body.outerHTML,
          title: document.title,
          lang: document.documentElement.getAttribute('lang'),
        })),
      ).toEqual(before);
    }
    await expect(box.inputValue()).resolves.toBe('我在写意见，谢谢');
    await popup.close();
    await page.close();
    await clearSettings();
  });

  it('content the page adds later is converted too', async () => {
    await clearSettings();
    const { page, tabId } = await visit(harness, 'ziyang-article');
    const popup = await openPopup(harness, tabId);
    await popup.getByTestId('script-t').click();
    await popup.getByTestId('page-convert').click();
    await popup.close();
    await page.evaluate(() => {
      const added = document.createElement('p');
      added.id = 'added';
      added.textContent = '后来加上的环境通知';
      document.body.append(added);
    });
    await expect.poll(() => page.locator('#added').textContent()).toBe('後來加上的環境通知');
    await page.close();
    await clearSettings();
  });

  it('"always show this site this way" converts the page and the reader on the next visit', async () => {
    await clearSettings();
    const { page } = await visit(harness, 'ziyang-article');
    await openReader(page);
    await page.getByTestId('menu-script').click();
    await page.getByTestId('script-t').click();
    await page.getByTestId('script-site').check();
    await expect
      .poll(() =>
        harness.serviceWorker.evaluate(async () => {
          // Each site is an item of its own, with the time of its last change.
          const key = 'site:www.ziyang.gov.cn';
          const { [key]: site } = await chrome.storage.sync.get(key);
          const { at: _at, ...choices } = (site ?? {}) as Record<string, unknown>;
          return choices;
        }),
      )
      .toEqual({ script: 't' });
    await page.reload();
    await expect
      .poll(() => page.evaluate(() => document.documentElement.getAttribute('lang')))
      .toBe('zh-Hant');
    await openReader(page);
    await expect.poll(() => readerArticle(page).then((a) => a.lang)).toBe('zh-Hant');
    await page.close();
    await clearSettings();
  });
});
