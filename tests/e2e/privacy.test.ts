/**
 * The extension makes no network request of its own: every request seen while a reader opens,
 * converts and reads aloud, and the popup and options page are used, is the page's own or one of
 * the extension's packaged files.
 */
import type { Route } from 'playwright-core';
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

/** A 1 × 1 PNG, for every image the next test serves. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

it('the reader fetches no image the page’s own CSP blocked', async () => {
  // The Ziyang article under another government host, whose CSP allows images from itself and
  // one CDN only. Its body shows one image of each kind: its own, the CDN's, and a third site's.
  const url = 'http://www.csp-test.gov.cn/art/2021/3/2/art_1_2.html';
  const images =
    '<p><img src="/pic/own.png" alt="本站图片"></p>' +
    '<p><img src="http://cdn.allowed.example/shown.png" alt="允许的图片"></p>' +
    '<p><img src="http://img.elsewhere.example/blocked.png" alt="外站图片"></p>';
  const first = '<p style="text-indent:2em;">3月1日';
  // As a user who has not chosen another script (an earlier test may have).
  await harness.serviceWorker.evaluate(() => chrome.storage.sync.clear());
  const html = harness.page('ziyang-article').html.toString('utf8');
  expect(html).toContain(first);
  const page = await harness.context.newPage();
  // Every image that reaches the network (a request the page's CSP blocks never does).
  const fetched: string[] = [];
  const image = (route: Route) => {
    fetched.push(route.request().url());
    return route.fulfill({ contentType: 'image/png', body: PIXEL });
  };
  await page.route('http://www.csp-test.gov.cn/**', (route) =>
    route.request().url() === url
      ? route.fulfill({
          contentType: 'text/html; charset=utf-8',
          headers: {
            'content-security-policy':
              "img-src 'self' http://cdn.allowed.example; script-src 'none'",
          },
          body: html.replace(first, `${images}${first}`),
        })
      : image(route),
  );
  await page.route('http://cdn.allowed.example/**', image);
  await page.route('http://img.elsewhere.example/**', image);
  await page.goto(url);
  await page.getByTestId('reader-entry').click();
  await readerShown(page);
  const shown = page.getByTestId('reader-content').locator('img');
  await expect.poll(() => shown.count()).toBe(3);
  await page.waitForTimeout(500);
  // The page fetched its own two images (the check sees a fetch); nobody fetched the third.
  expect(fetched).toContain('http://cdn.allowed.example/shown.png');
  expect(fetched).toContain('http://www.csp-test.gov.cn/pic/own.png');
  expect(fetched.filter((request) => request.includes('elsewhere'))).toEqual([]);
  // Every image is in the reader; the blocked one as its alt text, fetching nothing.
  const attributes = await shown.evaluateAll((found: HTMLImageElement[]) =>
    found.map((image) => [
      image.getAttribute('alt'),
      image.getAttribute('src'),
      image.referrerPolicy,
    ]),
  );
  expect(attributes).toEqual([
    ['本站图片', 'http://www.csp-test.gov.cn/pic/own.png', 'no-referrer'],
    ['允许的图片', 'http://cdn.allowed.example/shown.png', 'no-referrer'],
    ['外站图片', null, 'no-referrer'],
  ]);
  await page.close();
});
