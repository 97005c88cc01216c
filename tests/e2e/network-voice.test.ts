/// <reference types="chrome" />
/**
 * With no local Chinese voice, Chrome's tts offers Google's network voices, which send the text
 * they read to Google: the popup's reading controls and the options page's voice list say so.
 * (The browser's own voice list is replaced in the background by Google's two Chinese voices, as
 * Chrome lists them on a computer without a Chinese voice of its own.)
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Harness, openPopup, startHarness, visit } from './harness';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ speech: 'off' });
  await harness.serviceWorker.evaluate(() => {
    const network = [
      { voiceName: 'Google 普通话（中国大陆）', lang: 'zh-CN', remote: true },
      { voiceName: 'Google 粤語（香港）', lang: 'zh-HK', remote: true },
    ];
    (chrome.tts as { getVoices: unknown }).getVoices = (
      callback: (voices: chrome.tts.TtsVoice[]) => void,
    ) => callback(network);
  });
});
afterAll(async () => {
  await harness?.close();
});

it('the popup says that reading aloud will send the text to a network voice', async () => {
  const { page, tabId } = await visit(harness, 'ziyang-article');
  const popup = await openPopup(harness, tabId);
  await popup.getByTestId('speech-network-voice').waitFor();
  expect(await popup.getByTestId('speech-network-voice').textContent()).toContain('网络语音');
  expect(await popup.getByTestId('speech-no-voice').count()).toBe(0);
  await popup.close();
  await page.close();
});

it('the options page marks network voices and says the same', async () => {
  const options = await harness.context.newPage();
  await options.goto(`chrome-extension://${harness.extensionId}/options.html`);
  await options.getByTestId('options-network-voice').waitFor();
  const labels = await options
    .getByTestId('options-voice')
    .locator('option')
    .evaluateAll((found) => found.map((option) => option.textContent));
  expect(labels).toContain('Google 普通话（中国大陆）（zh-CN，网络语音）');
  await options.close();
});
