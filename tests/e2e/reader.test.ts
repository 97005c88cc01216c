/**
 * The first slice, end to end, in Chromium with the built extension: a government article is
 * recognised (badge, on-page button, popup status in Chinese), the reader opens from the popup and
 * from the on-page button with the clean article, settings apply live, and closing the reader leaves
 * the page exactly as it was.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badgeText,
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

const visitPage = (slug: string) => visit(harness, slug);

/** What "the page as it was" means: its DOM, scroll position, focus and what was typed in forms. */
function pageState(page: Page) {
  return page.evaluate(() => ({
    html: document.documentElement.outerHTML,
    scrollY: window.scrollY,
    focused: document.activeElement?.tagName,
    values: [...document.querySelectorAll('input, textarea, select')].map(
      (field) => (field as HTMLInputElement).value,
    ),
  }));
}

describe('a government article page', () => {
  it('is recognised: toolbar badge and the on-page reader button', async () => {
    const { page, tabId } = await visitPage('ziyang-article');
    await expect.poll(() => page.getByTestId('reader-entry').textContent()).toContain('阅读模式');
    await expect.poll(() => badgeText(harness, tabId)).toBe('读');
    await page.close();
  });

  it('popup says what the tab is, in Chinese, and opens the reader with the clean article', async () => {
    const golden = harness.page('ziyang-article');
    const { page, tabId } = await visitPage('ziyang-article');
    await page.getByTestId('reader-entry').waitFor();
    await page.evaluate(() => window.scrollTo(0, 400));
    const before = await pageState(page);

    const popup = await openPopup(harness, tabId);
    await expect
      .poll(() => popup.getByTestId('status-kind').textContent())
      .toBe('政府网站文章 · 资阳市人民政府 · 2021-03-02');
    await expect
      .poll(() => popup.getByTestId('status-title').textContent())
      .toBe(golden.expected.title);
    // Where the date and source were read, so a wrong one can be reported with its cause.
    await expect
      .poll(() => popup.getByTestId('status-details').textContent())
      .toBe(
        '发布时间：2021-03-02 09:12（取自页面上的“时间”） · 来源：资阳日报（取自页面上的“来源”）',
      );
    await saveScreenshot(popup, 'popup-article');
    await popup.getByTestId('open-reader').click();

    await page.bringToFront();
    const reader = page.getByTestId('reader');
    await reader.waitFor();
    await expect
      .poll(() => page.getByTestId('reader-title').textContent())
      .toBe(golden.expected.title);
    const body = (await page.getByTestId('reader-content').textContent()) ?? '';
    for (const text of golden.expected.bodyIncludes ?? []) expect(body).toContain(text);
    for (const text of golden.expected.bodyExcludes ?? []) expect(body).not.toContain(text);
    await saveScreenshot(page, 'reader');

    // A change in the popup reaches the open reader at once.
    const sizeBefore = await page.getByTestId('font-size-value').textContent();
    await popup.getByTestId('font-larger').click();
    await expect.poll(() => page.getByTestId('font-size-value').textContent()).not.toBe(sizeBefore);
    await popup.getByTestId('font-smaller').click();
    await expect.poll(() => page.getByTestId('font-size-value').textContent()).toBe(sizeBefore);
    await popup.close();

    await page.getByTestId('reader-close').click();
    await expect(reader.count()).resolves.toBe(0);
    expect(await pageState(page)).toEqual(before);
    await page.close();
  });

  it("popup's details on a 信息公开 page: the table's date, issuer and 文号, as the reader shows them", async () => {
    const { page, tabId } = await visitPage('sz-gkmlpt-notice');
    await page.getByTestId('reader-entry').waitFor();
    const before = await pageState(page);
    const popup = await openPopup(harness, tabId);
    await expect
      .poll(() => popup.getByTestId('status-details').textContent())
      .toBe(
        '发布时间：2026-03-10 16:05（取自页面上的“发布日期”） · 来源：深圳市人民政府办公厅（取自页面上的“发布机构”） · 文号：深府办函〔2026〕15号',
      );
    await popup.close();
    // Read from a copy: the page is as it was.
    expect(await pageState(page)).toEqual(before);
    await page.close();
  });

  it('opens from the on-page button, takes the keyboard, and Esc gives the page back', async () => {
    const { page } = await visitPage('ziyang-article');
    // A comment box the reader has typed in (the portal page itself has no form).
    await page.evaluate(() => document.body.append(document.createElement('textarea')));
    await page.locator('textarea').fill('我想咨询医保缴费的问题');
    const entry = page.getByTestId('reader-entry');
    await entry.focus();
    const before = await pageState(page);
    await page.keyboard.press('Enter');
    await readerShown(page);

    const textSize = () =>
      page.getByTestId('reader-content').evaluate((element) => getComputedStyle(element).fontSize);
    const initial = await textSize();
    await page.getByTestId('font-larger').click();
    await expect.poll(textSize).not.toBe(initial);
    await page.getByTestId('menu-theme').click();
    await page.getByTestId('theme-white-on-black').click();
    await expect
      .poll(() => page.getByTestId('theme-white-on-black').getAttribute('aria-pressed'))
      .toBe('true');
    // Esc closes the open panel first, and leaves the reader open.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('panel-theme').count()).toBe(0);
    await expect.poll(() => page.getByTestId('reader').count()).toBe(1);
    await page.getByTestId('menu-theme').click();
    await page.getByTestId('theme-default').click();
    await page.getByTestId('menu-theme').click();
    await page.getByTestId('font-smaller').click();

    // The reader is modal: Tab and Shift+Tab never reach the page behind it.
    const focusIsInReader = () =>
      page.evaluate(() => document.activeElement?.tagName.toLowerCase() === 'yidu-reader');
    for (const key of [...Array(25).fill('Tab'), ...Array(25).fill('Shift+Tab')]) {
      await page.keyboard.press(key);
      expect(await focusIsInReader()).toBe(true);
    }

    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('reader').count()).toBe(0);
    expect(await pageState(page)).toEqual(before);
    // Focus is back on the button that opened the reader.
    await expect(
      entry.evaluate(
        (button) => button.getRootNode() instanceof ShadowRoot && button.matches(':focus'),
      ),
    ).resolves.toBe(true);
    // Opening again works (the injected reader is reused), twenty times, and leaves nothing behind.
    for (let round = 0; round < 20; round += 1) {
      await entry.focus();
      await page.keyboard.press('Enter');
      await readerShown(page);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByTestId('reader').count()).toBe(0);
      expect(await pageState(page)).toEqual(before);
    }
    await page.close();
  });
});

describe('a notice with a table and attachments', () => {
  it('shows the date and source in the header card, the table, and the attachments by name', async () => {
    const { page } = await visitPage('hanweb-notice');
    await page.getByTestId('reader-entry').click();
    await readerShown(page);
    const card = (await page.locator('.yd-meta').textContent()) ?? '';
    expect(card).toContain('2026-09-19');
    expect(card).toContain('市医疗保障局');
    await expect.poll(() => page.getByTestId('reader-content').locator('table td').count()).toBe(9);
    await expect(page.getByTestId('reader-attachment').allTextContents()).resolves.toEqual([
      '参保缴费指南.pdf',
      '城乡居民参保登记表.docx',
    ]);
    const body = (await page.getByTestId('reader-content').textContent()) ?? '';
    expect(body).not.toContain('打印本页');
    await saveScreenshot(page.getByTestId('reader'), 'reader-notice');
    await page.close();
  });
});

describe('pages that are not government articles', () => {
  it('a column list page gets no badge, no button, and the popup says so', async () => {
    const { page, tabId } = await visitPage('ziyang-list');
    const popup = await openPopup(harness, tabId);
    await expect
      .poll(() => popup.getByTestId('status-kind').textContent())
      .toBe('本页不是文章 · 资阳市人民政府');
    await expect(badgeText(harness, tabId)).resolves.toBe('');
    await expect.poll(() => page.getByTestId('reader-entry').count()).toBe(0);
    await expect
      .poll(() => popup.getByTestId('open-reader').textContent())
      .toBe('仍然尝试阅读模式');
    await popup.close();
    await page.close();
  });

  it('a site outside the government hosts has no detector; the popup explains', async () => {
    const { page, tabId } = await visitPage('example-news');
    const popup = await openPopup(harness, tabId);
    await expect
      .poll(() => popup.getByTestId('status-kind').textContent())
      .toBe('本页不在自动识别的政府网站范围内');
    await expect.poll(() => page.locator('yidu-entry').count()).toBe(0);
    // Opened as a page, the popup holds no activeTab grant, so the browser refuses, and the popup
    // says so rather than failing silently. (From the toolbar button the grant is there.)
    await popup.getByTestId('open-reader').click();
    await expect(popup.getByRole('alert').textContent()).resolves.toBe('无法在此页面打开阅读模式');
    await popup.close();
    await page.close();
  });
});
