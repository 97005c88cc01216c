/**
 * The reader in Firefox with the built add-on: a government article is recognised (badge, on-page
 * button, popup status in Chinese), the reader opens from the popup and from the on-page button with
 * the clean article, settings apply live, the keyboard stays in the reader, and closing it leaves
 * the page exactly as it was.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badgeText,
  click,
  countOf,
  type FirefoxHarness,
  focusedInReader,
  openPopup,
  readerShown,
  startFirefoxHarness,
  testId,
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

describe('a government article page in Firefox', () => {
  it('is recognised, and the popup opens the reader with the clean article; settings apply live', async () => {
    const golden = harness.page('ziyang-article');
    const { page, tabId } = await visit(harness, 'ziyang-article');
    await expect.poll(() => textOf(page, 'reader-entry')).toContain('阅读模式');
    await expect.poll(() => badgeText(harness, tabId)).toBe('读');
    await page.evaluate(() => window.scrollTo(0, 400));
    const before = await pageState(page);

    const popup = await openPopup(harness, tabId);
    await expect
      .poll(() => textOf(popup, 'status-kind'))
      .toBe('政府网站文章 · 资阳市人民政府 · 2021-03-02');
    await click(popup, 'open-reader');
    await readerShown(page);
    await expect.poll(() => textOf(page, 'reader-title')).toBe(golden.expected.title);
    const body = (await textOf(page, 'reader-content')) ?? '';
    for (const text of golden.expected.bodyIncludes ?? []) expect(body).toContain(text);
    for (const text of golden.expected.bodyExcludes ?? []) expect(body).not.toContain(text);

    // A change in the popup reaches the open reader at once.
    const sizeBefore = await textOf(page, 'font-size-value');
    await click(popup, 'font-larger');
    await expect.poll(() => textOf(page, 'font-size-value')).not.toBe(sizeBefore);
    await click(popup, 'font-smaller');
    await expect.poll(() => textOf(page, 'font-size-value')).toBe(sizeBefore);
    await popup.close();

    await page.bringToFront();
    await click(page, 'reader-close');
    await expect.poll(() => countOf(page, 'reader')).toBe(0);
    expect(await pageState(page)).toEqual(before);
    await page.close();
  });

  it('opens from the on-page button, keeps the keyboard, and Esc gives the page back', async () => {
    const { page } = await visit(harness, 'ziyang-article');
    await page.evaluate(() => document.body.append(document.createElement('textarea')));
    await page.type('textarea', '我想咨询医保缴费的问题');
    const entry = await page.waitForSelector(testId('reader-entry'));
    await entry?.focus();
    const before = await pageState(page);
    await page.keyboard.press('Enter');
    await readerShown(page);

    const textSize = () =>
      page.evaluate(() => {
        const content = document
          .querySelector('yidu-reader')
          ?.shadowRoot?.querySelector('[data-testid="reader-content"]');
        return content ? getComputedStyle(content).fontSize : null;
      });
    const initial = await textSize();
    await click(page, 'font-larger');
    await expect.poll(textSize).not.toBe(initial);
    await click(page, 'font-smaller');
    await expect.poll(textSize).toBe(initial);
    await click(page, 'menu-theme');
    await click(page, 'theme-white-on-black');
    // Esc closes the open panel first, and leaves the reader open.
    await page.keyboard.press('Escape');
    await expect.poll(() => countOf(page, 'panel-theme')).toBe(0);
    expect(await countOf(page, 'reader')).toBe(1);
    await click(page, 'menu-theme');
    await click(page, 'theme-default');
    await click(page, 'menu-theme');

    // The reader is modal: Tab and Shift+Tab never reach the page behind it.
    for (let step = 0; step < 20; step += 1) {
      await page.keyboard.press('Tab');
      expect(await focusedInReader(page)).not.toBeNull();
    }
    await page.keyboard.down('Shift');
    for (let step = 0; step < 20; step += 1) {
      await page.keyboard.press('Tab');
      expect(await focusedInReader(page)).not.toBeNull();
    }
    await page.keyboard.up('Shift');

    await page.keyboard.press('Escape');
    await expect.poll(() => countOf(page, 'reader')).toBe(0);
    expect(await pageState(page)).toEqual(before);
    // Focus is back on the button that opened the reader, and it opens again.
    expect(
      await entry?.evaluate(
        (button) => button.getRootNode() instanceof ShadowRoot && button.matches(':focus'),
      ),
    ).toBe(true);
    for (let round = 0; round < 5; round += 1) {
      await page.keyboard.press('Enter');
      await readerShown(page);
      await page.keyboard.press('Escape');
      await expect.poll(() => countOf(page, 'reader')).toBe(0);
    }
    expect(await pageState(page)).toEqual(before);
    await page.close();
  });
});

describe('a notice with a table and attachments in Firefox', () => {
  it('shows the date and source, the table, and the attachments by name', async () => {
    const { page } = await visit(harness, 'hanweb-notice');
    await click(page, 'reader-entry');
    await readerShown(page);
    const card = await page.evaluate(
      () =>
        document.querySelector('yidu-reader')?.shadowRoot?.querySelector('.yd-meta')?.textContent,
    );
    expect(card).toContain('2026-09-19');
    expect(card).toContain('市医疗保障局');
    const cells = await page.$$(`${testId('reader-content')} td`);
    expect(cells.length).toBe(9);
    const attachments = await page.$$eval(testId('reader-attachment'), (links) =>
      links.map((link) => link.textContent),
    );
    expect(attachments).toEqual(['参保缴费指南.pdf', '城乡居民参保登记表.docx']);
    await page.close();
  });
});
