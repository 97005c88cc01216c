/**
 * Messages are not believed (issue 17 §3): from the isolated world of our content scripts in one
 * tab (the world a compromised or confused content script runs in), a message naming another tab,
 * or carrying a payload out of bounds, is refused by the background; the same channel still opens
 * the reader in the sender's own tab.
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

/** Sends a runtime message from our content scripts' isolated world in `page`; resolves the answer. */
async function sendFromContentScript(page: Page, message: unknown): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  const worlds: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
  await cdp.send('Runtime.enable');
  const ours = worlds.find(
    (world) => world.auxData?.type === 'isolated' && world.origin.includes(harness.extensionId),
  );
  if (!ours) throw new Error('no content script world of the extension in this page');
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    contextId: ours.id,
    expression: `chrome.runtime.sendMessage(${JSON.stringify(message)}).then(
      (answer) => answer ?? 'no answer', (error) => 'rejected: ' + error.message)`,
    awaitPromise: true,
    returnByValue: true,
  });
  await cdp.detach();
  if (exceptionDetails) throw new Error(exceptionDetails.text);
  return result.value;
}

it('a content script cannot open the reader in another tab, only in its own', async () => {
  const victim = await visit(harness, 'ziyang-article');
  const sender = await visit(harness, 'ziyang-article');
  await sender.page.getByTestId('reader-entry').waitFor();

  const refused = await sendFromContentScript(sender.page, {
    type: 'ui→background:open-reader',
    tabId: victim.tabId,
  });
  expect(refused).not.toEqual({ ok: true });
  // Out-of-range speech and oversized chunks are refused before any handler runs.
  expect(
    await sendFromContentScript(sender.page, {
      type: 'content→background:speech-start',
      request: { chunks: ['长'.repeat(40_000)], startIndex: 0, rate: 1e9 },
    }),
  ).not.toMatchObject({ ok: true });
  await victim.page.waitForTimeout(1_000);
  expect(await victim.page.getByTestId('reader').count()).toBe(0);

  // The same channel, for its own tab, is answered.
  expect(await sendFromContentScript(sender.page, { type: 'ui→background:open-reader' })).toEqual({
    ok: true,
  });
  await readerShown(sender.page);
  expect(await victim.page.getByTestId('reader').count()).toBe(0);
  await victim.page.close();
  await sender.page.close();
});
