/**
 * Pinyin in Chromium with the built extension (issue 14): in the reader by phrase, over
 * traditional text too, following the text size and theme, never copied, and off restores the
 * article exactly; on the page itself from the popup, leaving forms and the page's own ruby alone,
 * restored exactly; axe still passes.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
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

const clearSettings = () => harness.serviceWorker.evaluate(() => chrome.storage.sync.clear());

/** Text with each ruby as 字(reading), inside the reader's article or the page's body. */
function annotatedText(page: Page, where: 'reader' | 'page'): Promise<string> {
  return page.evaluate((where) => {
    const root =
      where === 'reader'
        ? document.querySelector('yidu-reader')?.shadowRoot?.querySelector('.yd-article')
        : document.body;
    let out = '';
    const walk = (node: Node) => {
      if (node.nodeType === 3) out += (node as Text).data;
      else if ((node as Element).tagName === 'RT') out += `(${node.textContent})`;
      else if (!['SCRIPT', 'STYLE'].includes((node as Element).tagName))
        for (const child of node.childNodes) walk(child);
    };
    if (root) walk(root);
    return out;
  }, where);
}

const readerHtml = (page: Page) =>
  page.evaluate(
    () =>
      document.querySelector('yidu-reader')?.shadowRoot?.querySelector('.yd-article')?.innerHTML ??
      '',
  );

describe('in the reader', () => {
  it('puts pinyin over the article by phrase, follows size, theme and script, and off restores it', async () => {
    await clearSettings();
    const { page } = await visit(harness, 'polyphone-notice');
    await page.getByTestId('reader-entry').click();
    await readerShown(page);
    const original = await readerHtml(page);
    // The reader without pinyin: pinyin must add nothing axe objects to. (On an article without a
    // link the reader's scroll region has nothing to focus, which axe reports on its own.)
    const violationsBefore = await axeViolations(page, ['yidu-reader', '.yd-overlay']);

    await page.getByTestId('menu-pinyin').click();
    await page.getByTestId('pinyin-all').click();
    await expect
      .poll(() => annotatedText(page, 'reader'), { timeout: 10_000 })
      .toContain('银(yín)行(háng)行(háng)长(zhǎng)');
    const text = await annotatedText(page, 'reader');
    expect(text).toContain('重(chóng)复(fù)处(chǔ)分(fèn)');
    expect(text).toContain('还(huán)款(kuǎn)');
    expect(text).toContain('行(háng)业(yè)');
    expect(text).toContain('调(diào)查(chá)');
    expect(text).toContain('调(tiáo)整(zhěng)');
    expect(text).toContain('好(hào)奇(qí)');
    expect(text).toContain('给(jǐ)予(yǔ)');
    expect(text).not.toContain('undefined');
    // Nothing of ours on the page's performance timeline (the bench's record stays in our world).
    expect(
      await page.evaluate(() => performance.getEntries().filter((e) => /yidu/.test(e.name))),
    ).toEqual([]);
    await saveScreenshot(page, 'reader-pinyin');

    // At least half the text size, in the theme's text colour, growing with the text.
    const sizes = () =>
      page.evaluate(() => {
        const root = document.querySelector('yidu-reader')?.shadowRoot;
        const rt = root?.querySelector('.yd-content rt') as Element;
        const base = rt.parentElement as Element;
        const article = root?.querySelector('.yd-article') as Element;
        return {
          rt: Number.parseFloat(getComputedStyle(rt).fontSize),
          text: Number.parseFloat(getComputedStyle(base).fontSize),
          rtColor: getComputedStyle(rt).color,
          textColor: getComputedStyle(article).color,
          userSelect: getComputedStyle(rt).userSelect,
        };
      });
    const before = await sizes();
    expect(before.rt).toBeGreaterThanOrEqual(before.text / 2);
    expect(before.rtColor).toBe(before.textColor);
    expect(before.userSelect).toBe('none');
    await page.getByTestId('font-larger').click();
    await expect.poll(async () => (await sizes()).rt).toBeGreaterThan(before.rt);
    await page.getByTestId('menu-theme').click();
    await page.getByTestId('theme-dark').click();
    await expect.poll(async () => (await sizes()).rtColor).not.toBe(before.rtColor);
    const dark = await sizes();
    expect(dark.rtColor).toBe(dark.textColor);

    // Selecting and copying the title gives the characters alone.
    const selected = await page.evaluate(() => {
      const root = document.querySelector('yidu-reader')?.shadowRoot;
      const title = root?.querySelector('[data-testid="reader-title"]') as Element;
      const range = document.createRange();
      range.selectNodeContents(title);
      const selection = getSelection() as Selection;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    });
    expect(selected).toBe('关于银行行长重复处分问题的通报');

    // Shown in 繁體, the pinyin sits over the traditional characters, read by phrase.
    await page.getByTestId('menu-script').click();
    await page.getByTestId('script-t').click();
    await expect
      .poll(() => annotatedText(page, 'reader'), { timeout: 10_000 })
      .toContain('銀(yín)行(háng)行(háng)長(zhǎng)');
    expect(await annotatedText(page, 'reader')).toContain('重(chóng)複(fù)');
    await page.getByTestId('script-original').click();

    expect(await axeViolations(page, ['yidu-reader', '.yd-overlay'])).toEqual(violationsBefore);

    await page.getByTestId('menu-pinyin').click();
    await page.getByTestId('pinyin-off').click();
    await expect.poll(() => readerHtml(page)).toBe(original);
    // Uncommon characters only: this notice has none outside the 3,500.
    await page.getByTestId('pinyin-rare').click();
    await page.waitForTimeout(500);
    expect(await readerHtml(page)).toBe(original);
    await page.close();
  });
});

describe('on the page itself', () => {
  it('annotates the page from the popup, leaves forms and its own ruby alone, and restores it', async () => {
    await clearSettings();
    const { page, tabId } = await visit(harness, 'polyphone-notice');
    await page.getByTestId('reader-entry').waitFor();
    const before = await page.evaluate(() => document.body.outerHTML);
    // A test page, not ours to make accessible: the annotation must add nothing axe objects to.
    const violationsBefore = await axeViolations(page);
    const popup = await openPopup(harness, tabId);
    await popup.getByTestId('page-pinyin').click();
    await expect
      .poll(() => annotatedText(page, 'page'), { timeout: 10_000 })
      .toContain('银(yín)行(háng)行(háng)长(zhǎng)');
    const text = await annotatedText(page, 'page');
    expect(text).toContain('还(huán)款(kuǎn)');
    // The page's own ruby is not annotated twice; form fields and code are left alone.
    expect(text).toContain('朝(zhāo)阳(yáng)路(lù)');
    await expect(page.locator('textarea').inputValue()).resolves.toBe('银行行长');
    await expect(page.locator('input[name=q]').inputValue()).resolves.toBe('银行');
    expect(await page.locator('code').innerHTML()).toBe('银行');
    expect(await page.locator('ruby:not([data-yidu-pinyin]) rt').count()).toBe(1);
    expect(await axeViolations(page)).toEqual(violationsBefore);
    expect(await axeViolations(popup)).toEqual([]);

    // What the page adds later is annotated too.
    await page.evaluate(() => {
      const added = document.createElement('p');
      added.id = 'added';
      added.textContent = '重复';
      document.querySelector('#zoom')?.append(added);
    });
    await expect.poll(() => page.locator('#added rt').count()).toBe(2);
    await page.evaluate(() => document.querySelector('#added')?.remove());

    await expect
      .poll(() => popup.getByTestId('page-pinyin').getAttribute('aria-pressed'))
      .toBe('true');
    await popup.getByTestId('page-pinyin').click();
    await expect.poll(() => page.evaluate(() => document.body.outerHTML)).toBe(before);
    // 20 rounds on and off: the same page each time.
    for (let round = 0; round < 20; round += 1) {
      await popup.getByTestId('page-pinyin').click();
      await expect.poll(() => page.locator('rt[style]').count()).toBeGreaterThan(0);
      await popup.getByTestId('page-pinyin').click();
      await expect.poll(() => page.evaluate(() => document.body.outerHTML)).toBe(before);
    }
    await popup.close();
    await page.close();
  });
});

describe('the options page and the popup', () => {
  it('set the default mode and Jyutping for Hong Kong, and the reader opens with it', async () => {
    await clearSettings();
    const options = await harness.context.newPage();
    await options.goto(`chrome-extension://${harness.extensionId}/options.html`);
    await options.getByTestId('pinyin-rare').click();
    await options.getByTestId('pinyin-jyutping').click();
    const stored = () =>
      harness.serviceWorker.evaluate(async () => {
        const { settings } = (await chrome.storage.sync.get('settings')) as {
          settings?: { pinyin?: string; jyutpingForHongKong?: boolean };
        };
        return [settings?.pinyin, settings?.jyutpingForHongKong];
      });
    await expect.poll(stored).toEqual(['rare', false]);
    expect(await axeViolations(options)).toEqual([]);
    await options.close();

    // The popup offers the same choices; "every character" there is the reader's default too.
    const { page, tabId } = await visit(harness, 'polyphone-notice');
    await page.getByTestId('reader-entry').waitFor();
    const popup = await openPopup(harness, tabId);
    await expect(popup.getByTestId('pinyin-rare').getAttribute('aria-pressed')).resolves.toBe(
      'true',
    );
    await popup.getByTestId('pinyin-all').click();
    await expect.poll(stored).toEqual(['all', false]);
    await popup.close();
    await page.getByTestId('reader-entry').click();
    await readerShown(page);
    await expect
      .poll(() => annotatedText(page, 'reader'), { timeout: 10_000 })
      .toContain('银(yín)行(háng)行(háng)长(zhǎng)');
    await page.close();
  });
});

describe('Hong Kong text', () => {
  it('is annotated in Jyutping when the article is shown in 香港繁體, and the panel says so', async () => {
    await clearSettings();
    const { page } = await visit(harness, 'polyphone-notice');
    await page.getByTestId('reader-entry').click();
    await readerShown(page);
    await page.getByTestId('menu-script').click();
    await page.getByTestId('script-hk').click();
    await page.getByTestId('menu-pinyin').click();
    await page.getByTestId('pinyin-all').click();
    await expect
      .poll(() => annotatedText(page, 'reader'), { timeout: 10_000 })
      .toContain('銀(ngan4)行(hong4)');
    await expect
      .poll(() => page.getByTestId('pinyin-status').textContent())
      .toBe('已为香港繁体注粤拼');
    await page.getByTestId('pinyin-off').click();
    await page.close();
  });
});
