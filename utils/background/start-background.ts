/**
 * The background's composition: one service per capability (this folder), each given the browser
 * APIs it uses, and their message handlers merged into one listener checked against the
 * background's half of the protocol. The entry point (entrypoints/background.ts) only calls
 * `startBackground`.
 */
import { browser } from 'wxt/browser';
import { BACKGROUND_PROTOCOL } from '../background-messages';
import type { OffscreenApi } from '../extract/offscreen-extractor';
import { createMessageListener, sendToExtension, sendToTab } from '../messages';
import { syncSiteDetector } from '../site-access';
import type { ChromeTtsApi } from '../speech/engine';
import { createPageSpeechStatusListener } from '../speech/speech-status';
import { createAssistService } from './assist-service';
import { createBundleInjection } from './bundle-injection';
import { startDetectorSync } from './detector-sync';
import { createExtractionRelay } from './extraction-relay';
import { createPageConversion } from './page-conversion';
import { createPageDetection } from './page-detection';
import { createReaderOpening } from './reader-opening';
import { listenForShortcuts } from './shortcuts';
import { createSpeechService } from './speech-service';
import { createScriptInjector, DETECTOR_SCRIPT } from './tab-scripts';

export function startBackground(): void {
  // Chrome-only APIs: an offscreen document to extract in, and tts to read aloud with.
  const chrome = (globalThis as { chrome?: { offscreen?: OffscreenApi; tts?: ChromeTtsApi } })
    .chrome;
  const injectScript = createScriptInjector(browser.scripting);
  const reader = createReaderOpening({ sendToTab, injectScript });
  const conversion = createPageConversion({
    sendToTab,
    injectScript,
    // Called on a message, after `assist` below is made.
    onPagePinyin: (tabId, mode) => void assist.pagePinyinChanged(tabId, mode),
  });
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
}
