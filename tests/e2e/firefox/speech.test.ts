/**
 * Reading aloud in Firefox, which has no tts API for the add-on: the reader reads in the page with
 * speechSynthesis, through speech-dispatcher and espeak-ng into a null audio device (real voices,
 * heard by nobody). The popup follows that reading as it goes and its controls act on it; stopping
 * from the keyboard leaves the focus on a live control.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attributeOf,
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

/** The text of the block the reader marks as being read, or null. */
const highlighted = (page: Page) =>
  page.evaluate(
    () =>
      document.querySelector('yidu-reader')?.shadowRoot?.querySelector('[data-speaking="true"]')
        ?.textContent ?? null,
  );

/**
 * Waits until the browser lists its voices: speech-dispatcher starts on first use and takes
 * seconds on a busy machine, longer than the reader waits for them before saying there is none.
 */
function voicesReady(page: Page) {
  return page.waitForFunction(() => speechSynthesis.getVoices().length > 0, { timeout: 30_000 });
}

describe('reading aloud in Firefox', () => {
  it('the reader reads with a real voice; the popup follows its reading and its controls act on it', async () => {
    const { page, tabId } = await visit(harness, 'hanweb-notice');
    const popup = await openPopup(harness, tabId);
    // Nothing has read in this tab: reading starts from the reader's toolbar.
    await expect
      .poll(() => popup.evaluate(() => document.body.textContent))
      .toContain('在阅读模式的工具栏中点击“朗读”开始。');
    expect(await countOf(popup, 'speech-play')).toBe(0);

    await page.bringToFront();
    await voicesReady(page);
    await click(page, 'reader-entry');
    await readerShown(page);
    // Into a null audio device each sentence ends as soon as it is made: the whole notice is read
    // in seconds. Paused at once, it holds still.
    await click(page, 'speech-play');
    await expect.poll(() => attributeOf(page, 'speech-play', 'data-state')).toBe('playing');
    await click(page, 'speech-play');
    await expect.poll(() => attributeOf(page, 'speech-play', 'data-state')).toBe('paused');
    const pausedAt = (await textOf(page, 'speech-progress')) ?? '';
    const [, index, total] = /^第 (\d+)\/(\d+) 句$/.exec(pausedAt) ?? [];
    expect(Number(total)).toBeGreaterThan(Number(index));

    // The popup, already open, now shows this reading and follows it; its buttons act on it.
    await expect.poll(() => attributeOf(popup, 'speech-play', 'data-state')).toBe('paused');
    await expect.poll(() => textOf(popup, 'speech-progress')).toBe(pausedAt);
    await popup.bringToFront();
    await click(popup, 'speech-next');
    const nextAt = `第 ${Number(index) + 1}/${total} 句`;
    await expect.poll(() => textOf(page, 'speech-progress')).toBe(nextAt);
    await expect.poll(() => textOf(popup, 'speech-progress')).toBe(nextAt);
    expect(await attributeOf(page, 'speech-play', 'data-state')).toBe('paused');
    await click(popup, 'speech-stop');
    await expect.poll(() => attributeOf(page, 'speech-play', 'data-state')).toBe('idle');
    await expect.poll(() => attributeOf(popup, 'speech-play', 'data-state')).toBe('idle');
    expect(await highlighted(page)).toBeNull();
    await popup.close();
    await page.close();
  });

  it('停止 from the keyboard hands the focus to the play button, and Esc still closes the reader', async () => {
    const { page } = await visit(harness, 'hanweb-notice');
    await voicesReady(page);
    await click(page, 'reader-entry');
    await readerShown(page);
    await click(page, 'speech-play');
    await expect.poll(() => attributeOf(page, 'speech-play', 'data-state')).toBe('playing');
    const stop = await page.waitForSelector(testId('speech-stop'));
    await stop?.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => attributeOf(page, 'speech-play', 'data-state')).toBe('idle');
    expect(await attributeOf(page, 'speech-stop', 'disabled')).not.toBeNull();
    await expect.poll(() => focusedInReader(page)).toBe('speech-play');
    await page.keyboard.press('Escape');
    await expect.poll(() => countOf(page, 'reader')).toBe(0);
    await page.close();
  });
});
