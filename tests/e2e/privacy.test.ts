/**
 * The extension makes no network request of its own: every request seen while a reader opens,
 * converts and reads aloud, and the popup and options page are used, is the page's own or one of
 * the extension's packaged files.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Harness, openPopup, readerShown, startHarness, visit } from './harness';

let harness: Harness;
const requests: string[] = [];

beforeAll(async () => {
  harness = await startHarness();
  harness.context.on('request', (request) => requests.push(request.url()));
});
afterAll(async () => {
  await harness?.close();
});

it('every request is the page’s own or a packaged file of the extension', async () => {
  const golden = harness.page('ziyang-article');
  const { page, tabId } = await visit(harness, 'ziyang-article');
  await page.getByTestId('reader-entry').click();
  await readerShown(page);
  await page.getByTestId('menu-script').click();
  await page.getByTestId('script-tw').click();
  await expect.poll(() => page.getByTestId('script-status').textContent()).toBe('识别为：简体');
  await page.getByTestId('speech-play').click();
  await expect.poll(() => page.getByTestId('speech-progress').textContent()).toMatch(/^第/);
  await page.getByTestId('speech-stop').click();
  const popup = await openPopup(harness, tabId);
  await popup.getByTestId('page-convert').click();
  await popup.getByTestId('page-restore').click();
  const options = await harness.context.newPage();
  await options.goto(`chrome-extension://${harness.extensionId}/options.html`);
  await options.getByTestId('options-voice').waitFor();

  const pageOrigin = new URL(golden.url).origin;
  const foreign = requests.filter(
    (url) =>
      !url.startsWith(`${pageOrigin}/`) &&
      !url.startsWith(`chrome-extension://${harness.extensionId}/`) &&
      !url.startsWith('data:'),
  );
  expect(requests.length).toBeGreaterThan(3);
  expect(foreign).toEqual([]);
  await harness.serviceWorker.evaluate(() => chrome.storage.sync.clear());
  await options.close();
  await popup.close();
  await page.close();
});
