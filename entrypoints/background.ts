import { browser } from 'wxt/browser';
import { createAssistService } from '~/utils/background/assist-service';
import { createBundleInjection } from '~/utils/background/bundle-injection';
import { startDetectorSync } from '~/utils/background/detector-sync';
import { createExtractionRelay } from '~/utils/background/extraction-relay';
import { createPageConversion } from '~/utils/background/page-conversion';
import { createPageDetection } from '~/utils/background/page-detection';
import { createReaderOpening } from '~/utils/background/reader-opening';
import { listenForShortcuts } from '~/utils/background/shortcuts';
import { createSpeechService } from '~/utils/background/speech-service';
import { createScriptInjector, DETECTOR_SCRIPT } from '~/utils/background/tab-scripts';
import { BACKGROUND_PROTOCOL } from '~/utils/background-messages';
import type { OffscreenApi } from '~/utils/extract/offscreen-extractor';
import { createMessageListener, sendToExtension, sendToTab } from '~/utils/messages';
import { syncSiteDetector } from '~/utils/site-access';
import type { ChromeTtsApi } from '~/utils/speech/engine';
import { createPageSpeechStatusListener } from '~/utils/speech/speech-status';

/** The background: one service per capability (utils/background/), their message handlers merged. */
export default defineBackground(() => {
  // Chrome-only APIs: an offscreen document to extract in, and tts to read aloud with.
  const chrome = (globalThis as { chrome?: { offscreen?: OffscreenApi; tts?: ChromeTtsApi } })
    .chrome;
  const injectScript = createScriptInjector(browser.scripting);
  const reader = createReaderOpening({ sendToTab, injectScript });
  const conversion = createPageConversion({ sendToTab, injectScript });
  const extraction = createExtractionRelay({
    offscreen: chrome?.offscreen,
    sendToExtractor: (html, url) =>
      sendToExtension({ type: 'background→extractor:extract-article', html, url }),
  });
  const speech = chrome?.tts
    ? createSpeechService({
        tts: chrome.tts,
        tabs: browser.tabs,
        store: browser.storage,
        sendToTab,
        openReader: reader.openReader,
      })
    : undefined;
  const assist = createAssistService({
    tabs: browser.tabs,
    store: browser.storage,
    sendToTab,
    injectScript,
    speech: speech?.speech,
  });
  const pages = createPageDetection({
    // Firefox builds are Manifest V2, where the toolbar button is `browserAction`.
    action: browser.action ?? browser.browserAction,
    sendToTab,
    injectScript,
    prepareExtraction: extraction.prepare,
    convertPageIn: conversion.convertPageIn,
    pinyinPageIn: conversion.pinyinPageIn,
    openReader: reader.openReader,
  });

  browser.runtime.onMessage.addListener(
    createMessageListener(BACKGROUND_PROTOCOL, {
      ...pages.handlers,
      ...reader.handlers,
      ...extraction.handlers,
      ...createBundleInjection(browser.scripting).handlers,
      ...conversion.handlers,
      ...speech?.handlers,
      ...assist.handlers,
    }),
  );
  // Readers that read in their page (Firefox) report where they stand, for the popup.
  browser.runtime.onMessage.addListener(createPageSpeechStatusListener(browser.storage));
  listenForShortcuts({
    commands: browser.commands,
    tabs: browser.tabs,
    sendToTab,
    openReader: reader.openReader,
    toggleBackgroundSpeech: speech && ((tabId) => speech.speech.control(tabId, 'toggle')),
    toggleTool: assist.toggle,
  });
  void startDetectorSync({
    permissions: browser.permissions,
    syncSiteDetector: (hosts) => syncSiteDetector(hosts, DETECTOR_SCRIPT),
  });
});
