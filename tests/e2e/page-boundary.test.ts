/**
 * What a page learns of the extension, and what it can make it do: the page hears nothing from our
 * content scripts when they start (WXT's "content script started" message carried the extension's
 * id) and finds nothing of ours in its performance timeline, and events the page makes up do not run the detector again, so they cannot bring back an
 * on-page button that was taken away or dismissed.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Harness, readerShown, startHarness, visit } from './harness';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ speech: 'off' });
});
afterAll(async () => {
  await harness?.close();
});

/** Every script name WXT would build an event name from. */
const SCRIPTS = ['detector', 'entry', 'reader', 'page-convert'];

it('the page hears nothing from the extension while its scripts start', async () => {
  const page = await harness.context.newPage();
  // In the page's own world, before any content script: every message posted to the window, and
  // the "started" events WXT dispatches on the document (named after the extension's id).
  await page.addInitScript(
    ({ id, scripts }) => {
      const heard: string[] = [];
      (window as unknown as { heard: string[] }).heard = heard;
      window.addEventListener('message', (event) =>
        heard.push(`message ${String(event.data?.type ?? event.data)}`),
      );
      for (const script of scripts)
        document.addEventListener(`${id}:${script}:wxt:content-script-started`, (event) =>
          heard.push(`event ${event.type}`),
        );
    },
    { id: harness.extensionId, scripts: SCRIPTS },
  );
  await page.goto(harness.page('ziyang-article').url);
  // The detector, the on-page button and the reader have all started.
  await page.getByTestId('reader-entry').click();
  await readerShown(page);
  await page.keyboard.press('Escape');
  expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([]);
  // Nor does the page's performance timeline name anything of ours (the page itself marks nothing).
  const timeline = await page.evaluate(() =>
    [...performance.getEntriesByType('mark'), ...performance.getEntriesByType('measure')].map(
      (entry) => entry.name,
    ),
  );
  expect(timeline).toEqual([]);
  await page.close();
});

/** Fires, from the page, every event that could pass for a change of address. */
function fakeLocationChange(page: Page, id: string) {
  return page.evaluate(
    ({ id, scripts }) => {
      for (const script of scripts)
        window.dispatchEvent(new Event(`${id}:${script}:wxt:locationchange`));
      const navigation = (window as { navigation?: EventTarget }).navigation;
      navigation?.dispatchEvent(new Event('navigate'));
      navigation?.dispatchEvent(new Event('currententrychange'));
      window.dispatchEvent(new PopStateEvent('popstate'));
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    },
    { id, scripts: SCRIPTS },
  );
}

const entryButtons = (page: Page) => page.getByTestId('reader-entry').count();

it('made-up location changes do not run the detector again; a real one does', async () => {
  const { page } = await visit(harness, 'ziyang-article');
  await page.getByTestId('reader-entry').waitFor();
  // The page takes the button away, then pretends its address changed: a detector run would put
  // the button back.
  await page.evaluate(() => document.querySelector('yidu-entry')?.remove());
  await fakeLocationChange(page, harness.extensionId);
  await page.waitForTimeout(1500);
  expect(await entryButtons(page)).toBe(0);

  // A real change of address (a single-page portal going to another article) is checked again.
  await page.evaluate(() => history.pushState(null, '', `${location.pathname}?page=2`));
  await page.getByTestId('reader-entry').waitFor({ timeout: 5000 });
  await page.close();
});

it('a dismissed button stays away, whatever the page does', async () => {
  const { page } = await visit(harness, 'ziyang-article');
  await page.getByTestId('reader-entry-dismiss').click();
  expect(await entryButtons(page)).toBe(0);
  await fakeLocationChange(page, harness.extensionId);
  await page.evaluate(() => history.pushState(null, '', `${location.pathname}?page=3`));
  await page.waitForTimeout(1500);
  expect(await entryButtons(page)).toBe(0);
  await harness.serviceWorker.evaluate(() => chrome.storage.sync.clear());
  await page.close();
});
