/**
 * The reader and the popup made for older eyes, in Chromium with the built extension: typography,
 * themes, 关怀模式, page zoom, per-site choices, the on-page button, shortcuts, and axe-core's
 * WCAG 2.2 AA check of the reader, the popup and the options page.
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

const visitPage = (slug: string) => visit(harness, slug);

async function openReader(page: Page): Promise<void> {
  await page.getByTestId('reader-entry').click();
  await readerShown(page);
}

/** Computed style of the reader's article body. */
function articleStyle(page: Page) {
  return page.locator('.yd-article').evaluate((element) => {
    const style = getComputedStyle(element);
    return {
      fontSize: style.fontSize,
      lineHeight: style.lineHeight,
      letterSpacing: style.letterSpacing,
      maxWidth: style.maxWidth,
      fontFamily: style.fontFamily,
      color: style.color,
      background: getComputedStyle(element.closest('.yd-theme') as Element).backgroundColor,
    };
  });
}

/** Puts the stored settings back to the defaults between tests. */
async function resetSettings() {
  await harness.serviceWorker.evaluate(() => chrome.storage.sync.clear());
}

describe('the reader toolbar', () => {
  it('sets spacing, width and typeface from its panels, live', async () => {
    await resetSettings();
    const { page } = await visitPage('ziyang-article');
    await openReader(page);
    const before = await articleStyle(page);
    expect(before.fontSize).toBe('20px');
    expect(before.lineHeight).toBe('36px'); // 1.8 × 20 px

    await page.getByTestId('menu-spacing').click();
    await page.getByTestId('line-height-2.2').click();
    await page.getByTestId('letter-spacing-2').click();
    await page.getByTestId('menu-width').click();
    await expect.poll(() => page.getByTestId('panel-spacing').count()).toBe(0); // one panel at a time
    await page.getByTestId('width-narrow').click();
    await page.getByTestId('menu-font').click();
    await page.getByTestId('font-kai').click();
    await expect
      .poll(() => articleStyle(page))
      .toMatchObject({ lineHeight: '44px', letterSpacing: '2px', maxWidth: '520px' });
    expect((await articleStyle(page)).fontFamily).toMatch(/^"Kaiti SC"/);
    await expect.poll(() => page.getByTestId('font-kai').getAttribute('aria-pressed')).toBe('true');

    // The choices persist: a reader opened in another tab starts with them.
    const other = await visitPage('hanweb-notice');
    await openReader(other.page);
    await expect.poll(() => articleStyle(other.page)).toMatchObject({ lineHeight: '44px' });
    await other.page.close();
    await page.close();
  });

  it('goes from 16 px to 64 px, and the largest text still fits the screen', async () => {
    await resetSettings();
    const { page } = await visitPage('ziyang-article');
    await openReader(page);
    const larger = page.getByTestId('font-larger');
    while (await larger.isEnabled()) await larger.click();
    await expect.poll(() => page.getByTestId('font-size-value').textContent()).toBe('字号 64px');
    await expect.poll(async () => (await articleStyle(page)).fontSize).toBe('64px');
    // No sideways scrolling at the largest size.
    const overflow = await page
      .locator('.yd-scroll')
      .evaluate((element) => element.scrollWidth - element.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'reader-largest');
    const smaller = page.getByTestId('font-smaller');
    while (await smaller.isEnabled()) await smaller.click();
    await expect.poll(() => page.getByTestId('font-size-value').textContent()).toBe('字号 16px');
    await page.close();
  });

  it('has every theme, each applied to the reader, the high-contrast ones screenshotted', async () => {
    await resetSettings();
    const { page } = await visitPage('ziyang-article');
    await openReader(page);
    const expected: Record<string, { color: string; background: string }> = {
      default: { color: 'rgb(31, 27, 22)', background: 'rgb(251, 248, 241)' },
      sepia: { color: 'rgb(59, 44, 26)', background: 'rgb(243, 231, 207)' },
      dark: { color: 'rgb(230, 227, 221)', background: 'rgb(28, 28, 30)' },
      'black-on-white': { color: 'rgb(0, 0, 0)', background: 'rgb(255, 255, 255)' },
      'white-on-black': { color: 'rgb(255, 255, 255)', background: 'rgb(0, 0, 0)' },
      'yellow-on-black': { color: 'rgb(255, 255, 0)', background: 'rgb(0, 0, 0)' },
    };
    for (const [theme, colours] of Object.entries(expected)) {
      if ((await page.getByTestId('panel-theme').count()) === 0)
        await page.getByTestId('menu-theme').click();
      await page.getByTestId(`theme-${theme}`).click();
      await expect.poll(() => articleStyle(page)).toMatchObject(colours);
      if (theme.endsWith('-on-black') || theme === 'black-on-white') {
        await page.getByTestId('menu-theme').click(); // close the panel for the picture
        await saveScreenshot(page, `reader-${theme}`);
      }
    }
    // "Follow the system" follows the emulated dark and more-contrast preferences.
    await page.getByTestId('menu-theme').click();
    await page.getByTestId('theme-system').click();
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => articleStyle(page)).toMatchObject(expected.dark ?? {});
    await page.emulateMedia({ colorScheme: 'light', contrast: 'more' } as never);
    await expect.poll(() => articleStyle(page)).toMatchObject(expected['black-on-white'] ?? {});
    await page.emulateMedia({ colorScheme: 'light', contrast: 'no-preference' } as never);
    await expect.poll(() => articleStyle(page)).toMatchObject(expected.default ?? {});
    await page.close();
  });

  it('passes axe-core (WCAG 2.2 AA) in the default and a high-contrast theme, with a panel open', async () => {
    await resetSettings();
    const { page } = await visitPage('hanweb-notice');
    await openReader(page);
    await page.getByTestId('menu-theme').click();
    expect(await axeViolations(page, ['yidu-reader', '.yd-overlay'])).toEqual([]);
    await page.getByTestId('theme-yellow-on-black').click();
    expect(await axeViolations(page, ['yidu-reader', '.yd-overlay'])).toEqual([]);
    await page.close();
  });
});

describe('关怀模式', () => {
  it('applies the elder-friendly preset in one tap and the popup says what it meets', async () => {
    await resetSettings();
    const { page, tabId } = await visitPage('ziyang-article');
    await openReader(page);
    await page.getByTestId('elder-mode').click();
    await expect
      .poll(() => articleStyle(page))
      .toMatchObject({ fontSize: '26px', lineHeight: '52px' });
    const popup = await openPopup(harness, tabId);
    await expect
      .poll(() => popup.getByTestId('elder-mode').getAttribute('aria-pressed'))
      .toBe('true');
    const note = (await popup.getByTestId('elder-mode-note').textContent()) ?? '';
    expect(note).toContain('26px');
    expect(note).toContain('适老化');
    // A second tap goes back to the standard type.
    await popup.getByTestId('elder-mode').click();
    await expect.poll(async () => (await articleStyle(page)).fontSize).toBe('20px');
    await popup.close();
    await page.close();
  });
});

describe('the popup', () => {
  it('passes axe-core and works by keyboard alone', async () => {
    await resetSettings();
    const { page, tabId } = await visitPage('ziyang-article');
    const popup = await openPopup(harness, tabId);
    await popup.getByTestId('status-title').waitFor();
    expect(await axeViolations(popup)).toEqual([]);
    // Tab to "larger text" and press it with the keyboard.
    let reached = false;
    for (let i = 0; i < 12 && !reached; i += 1) {
      await popup.keyboard.press('Tab');
      reached = await popup.evaluate(
        () => (document.activeElement as HTMLElement | null)?.dataset.testid === 'font-larger',
      );
    }
    expect(reached).toBe(true);
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.getByTestId('font-size-value').textContent()).toBe('字号 21px');
    // Every button is at least 48 × 48 px.
    const small = await popup
      .locator('button')
      .evaluateAll((buttons) =>
        buttons
          .map((button) => button.getBoundingClientRect())
          .filter((rect) => rect.width > 0 && (rect.width < 48 || rect.height < 48)),
      );
    expect(small).toEqual([]);
    await saveScreenshot(popup, 'popup', { fullPage: true });
    await popup.close();
    await page.close();
  });

  it('zooms the whole page, and the site remembers it', async () => {
    await resetSettings();
    const { page, tabId } = await visitPage('ziyang-article');
    const popup = await openPopup(harness, tabId);
    await popup.getByTestId('page-zoom-in').click();
    await expect.poll(() => popup.getByTestId('page-zoom-value').textContent()).toBe('整页 110%');
    await expect
      .poll(() => harness.serviceWorker.evaluate((id) => chrome.tabs.getZoom(id), tabId))
      .toBeCloseTo(1.1, 5);
    // Another page of the same site opens at the same zoom.
    const again = await visitPage('ziyang-list');
    await expect
      .poll(() => harness.serviceWorker.evaluate((id) => chrome.tabs.getZoom(id), again.tabId))
      .toBeCloseTo(1.1, 5);
    await popup.getByTestId('page-zoom-reset').click();
    await expect.poll(() => popup.getByTestId('page-zoom-value').textContent()).toBe('整页 100%');
    await again.page.close();
    await popup.close();
    await page.close();
  });

  it('"always open the reader on this site" opens it by itself on the next article', async () => {
    await resetSettings();
    const { page, tabId } = await visitPage('ziyang-article');
    const popup = await openPopup(harness, tabId);
    await popup.getByTestId('site-auto-open').check();
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
      .toEqual({ autoOpen: true });
    await popup.close();
    await page.reload();
    await readerShown(page);
    // Not on a list page of the same site.
    const list = await visitPage('ziyang-list');
    await list.page.waitForTimeout(500);
    await expect.poll(() => list.page.getByTestId('reader').count()).toBe(0);
    await list.page.close();
    await page.close();
    await resetSettings();
  });
});

describe('the on-page button', () => {
  it('never covers the article text, and "not on this site" is remembered and undone in the options', async () => {
    await resetSettings();
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 1920, height: 1000 },
      { width: 800, height: 900 },
    ]) {
      const { page } = await visitPage('ziyang-article');
      await page.setViewportSize(viewport);
      const entry = page.getByTestId('reader-entry');
      await entry.waitFor();
      await page.waitForTimeout(100); // placement follows the resize on the next frame
      const covered = await page.evaluate(() => {
        const host = document.querySelector('yidu-entry')?.shadowRoot?.querySelector('div');
        const box = host?.getBoundingClientRect();
        if (!box) return ['no button'];
        return [...document.querySelectorAll('p, td, li, h1, h2, h3')]
          .filter((block) => (block.textContent?.trim().length ?? 0) >= 8)
          .map((block) => ({ block, rect: block.getBoundingClientRect() }))
          .filter(
            ({ rect }) =>
              rect.width > 0 &&
              rect.left < box.right &&
              rect.right > box.left &&
              rect.top < box.bottom &&
              rect.bottom > box.top,
          )
          .map(({ block }) => block.textContent?.trim().slice(0, 20));
      });
      expect(covered, `${viewport.width}px`).toEqual([]);
      await page.close();
    }

    const { page } = await visitPage('ziyang-article');
    await page.getByTestId('reader-entry-dismiss').click();
    await expect.poll(() => page.locator('yidu-entry').count()).toBe(0);
    await page.reload();
    await page.waitForTimeout(500);
    await expect.poll(() => page.locator('yidu-entry').count()).toBe(0);

    const options = await harness.context.newPage();
    await options.goto(`chrome-extension://${harness.extensionId}/options.html`);
    const site = options.locator('[data-site="www.ziyang.gov.cn"]');
    await expect(
      site.getByRole('checkbox', { name: '显示“阅读模式”按钮' }).isChecked(),
    ).resolves.toBe(false);
    // The site has nothing else set, so it leaves the list.
    await site.getByRole('checkbox', { name: '显示“阅读模式”按钮' }).click();
    await expect.poll(() => options.getByTestId('options-sites-empty').count()).toBe(1);
    // The list changes at once; storage a moment later (writes are coalesced).
    await expect
      .poll(() =>
        harness.serviceWorker.evaluate(async () =>
          Object.keys(await chrome.storage.sync.get(null)).filter((key) => key.startsWith('site:')),
        ),
      )
      .toEqual([]);
    await page.reload();
    await page.getByTestId('reader-entry').waitFor();
    await options.close();
    await page.close();
  });
});

describe('the options page', () => {
  it('passes axe-core, adds a government site at once, refuses a bad one, and resets', async () => {
    await resetSettings();
    const options = await harness.context.newPage();
    await options.goto(`chrome-extension://${harness.extensionId}/options.html`);
    await options.getByTestId('options-font-size').waitFor();
    expect(await axeViolations(options)).toEqual([]);

    await options.getByTestId('options-site-input').fill('不是网址');
    await options.getByTestId('options-site-add').click();
    await expect
      .poll(() => options.getByTestId('options-site-message').textContent())
      .toBe('请输入网站地址，例如 www.example.com。');
    await options.getByTestId('options-site-input').fill('https://www.cmse.gov.cn/xwzx/');
    await options.getByTestId('options-site-add').click();
    await expect.poll(() => options.locator('[data-site="www.cmse.gov.cn"]').count()).toBe(1);
    // The list shows the site at once; storage gets it a moment later (writes are coalesced), and
    // the page confirms it once it is saved: from then on the site opens the reader by itself.
    await expect
      .poll(() => options.getByTestId('options-site-message').textContent())
      .toBe('已添加 www.cmse.gov.cn');
    const { page } = await visitPage('cmse-space-station');
    await readerShown(page);
    await page.close();

    // The shortcuts are listed with their keys.
    const shortcuts = (await options.getByTestId('options-shortcuts').textContent()) ?? '';
    expect(shortcuts).toContain('打开或关闭阅读模式');
    expect(shortcuts).toMatch(/Alt\+Shift\+Y/);

    await options.getByTestId('options-reset').click();
    await expect.poll(() => options.getByTestId('options-sites-empty').count()).toBe(1);
    await expect.poll(() => options.getByTestId('options-font-size').inputValue()).toBe('20');
    await saveScreenshot(options, 'options', { fullPage: true });
    await options.close();
  });
});
