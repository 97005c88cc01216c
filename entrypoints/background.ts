import { browser } from 'wxt/browser';
import { bundleScriptPath, isBundleName } from '~/utils/bundles';
import { runCommand } from '~/utils/commands';
import type { ScriptChoice, ScriptViewState, SourceChoice } from '~/utils/convert/script-view';
import { createOffscreenExtractor, type OffscreenApi } from '~/utils/extract/offscreen-extractor';
import { t } from '~/utils/i18n';
import {
  type CheckedSender,
  createMessageListener,
  type LoadBundlesResult,
  type OpenReaderResult,
  sendToExtension,
  sendToTab,
} from '~/utils/messages';
import { withSite } from '~/utils/settings';
import { loadSettings, updateSettings, watchSettings } from '~/utils/settings-storage';
import { syncSiteDetector } from '~/utils/site-access';
import { createBackgroundSpeech } from '~/utils/speech/background-speech';
import { type ChromeTtsApi, createChromeTtsEngine } from '~/utils/speech/engine';
import { createPageSpeechStatusListener, publishSpeechStatus } from '~/utils/speech/speech-status';

/** The reader's bundle, registered at runtime (see entrypoints/reader.content). */
const READER_SCRIPT = '/content-scripts/reader.js' as const;
/** The on-page button's bundle, injected on article pages only. */
const ENTRY_SCRIPT = '/content-scripts/entry.js' as const;
/** The page-conversion bundle, injected when the page itself is to be shown in another script. */
const PAGE_SCRIPT = '/content-scripts/page-script.js' as const;
/** The detector's bundle, also registered at runtime on the sites the user adds. */
const DETECTOR_SCRIPT = '/content-scripts/detector.js';

export default defineBackground(() => {
  // Firefox builds are Manifest V2, where the toolbar button is `browserAction`.
  const action = browser.action ?? browser.browserAction;

  // Chrome reads aloud here, with chrome.tts (Firefox has none: its readers speak in the page).
  const tts = (globalThis as { chrome?: { tts?: ChromeTtsApi } }).chrome?.tts;
  const speech = tts ? listenForSpeech(tts) : undefined;
  browser.runtime.onMessage.addListener(createPageSpeechStatusListener(browser.storage));

  // Articles are extracted away from their page: in an offscreen document on Chrome (a service
  // worker has no DOM), here in the background page on Firefox. (The browser is known at build
  // time, so Chrome's service worker bundles neither Readability nor DOMPurify.)
  const offscreen = (globalThis as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen;
  const extractor =
    import.meta.env.BROWSER === 'firefox' || !offscreen
      ? undefined
      : createOffscreenExtractor(offscreen, (html, url) =>
          sendToExtension({ type: 'background→extractor:extract-article', html, url }),
        );
  const extractArticleFrom = async (html: string, url: string) => {
    if (import.meta.env.BROWSER === 'firefox') {
      const { extractFromHtml } = await import('~/utils/extract/extract-html');
      return extractFromHtml(html, url, window);
    }
    if (!extractor) throw new Error('no offscreen documents in this browser');
    return extractor.extract(html, url);
  };

  browser.runtime.onMessage.addListener(
    createMessageListener({
      'content→background:page-detected': async ({ verdict }, { tabId, host }) => {
        if (tabId === undefined || host === undefined) return;
        const settings = await loadSettings();
        const site = settings.sites[host] ?? {};
        const isArticle = verdict.kind === 'article';
        await action.setBadgeText({ tabId, text: isArticle ? t('badgeArticle') : '' });
        if (!isArticle) {
          // A single-page site may have moved off an article: take its button away.
          await sendToTab(tabId, { type: '→page:hide-entry' }).catch(() => undefined);
          return;
        }
        // A reader is likely to open here: have the extractor ready for it.
        void extractor?.prepare();
        await action.setBadgeBackgroundColor({ tabId, color: '#0b4a8f' });
        await action.setTitle({ tabId, title: t('badgeArticleTitle') });
        if (site.script) await convertPageIn(tabId, site.script, settings.sourceScript);
        if (site.autoOpen) await openReader(tabId);
        else if (!site.hideEntryButton) await injectScript(tabId, ENTRY_SCRIPT);
      },
      'content→background:hide-entry-button': async (_message, { host }) => {
        if (host === undefined) return;
        const settings = await loadSettings();
        await updateSettings({ sites: withSite(settings, host, { hideEntryButton: true }) });
      },
      'ui→background:open-reader': (_message, { tabId }) => openReader(tabId),
      'content→background:extract-article': ({ html, url }) => extractArticleFrom(html, url),
      'content→background:load-bundles': ({ bundles }, sender) => injectBundles(bundles, sender),
      'ui→background:convert-page': ({ tabId, script, source }) =>
        convertPageIn(tabId, script, source),
      'ui→background:page-script-state': ({ tabId }) =>
        sendToTab(tabId, { type: '→page:page-script-state' }).catch(() => null),
    }),
  );

  browser.commands.onCommand.addListener(
    (command) =>
      void runCommand(command, {
        activeTabId: async () =>
          (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id,
        toggleReader: async (tabId) =>
          (await sendToTab(tabId, { type: '→page:reader-toggle' }).catch(() => undefined)) !==
          undefined,
        openReader,
        toggleSpeech: async (tabId) => {
          // Chrome reads in the background; elsewhere the tab's reader reads for itself.
          if (speech) await speech.control(tabId, 'toggle');
          else await sendToTab(tabId, { type: '→page:speech-control', action: 'toggle' });
        },
      }),
  );

  // The detector follows the user's site list on the sites they have granted: registered again
  // when the list of hosts or the permissions change, not on every change of a setting.
  let syncedHosts: string | undefined;
  const syncDetector = async (force = false) => {
    const hosts = Object.keys((await loadSettings()).sites).sort();
    if (!force && hosts.join(' ') === syncedHosts) return;
    syncedHosts = hosts.join(' ');
    await syncSiteDetector(hosts, DETECTOR_SCRIPT).catch((error) =>
      console.warn('[yidu] cannot register the detector on added sites', error),
    );
  };
  watchSettings(() => void syncDetector());
  browser.permissions.onAdded.addListener(() => void syncDetector(true));
  browser.permissions.onRemoved.addListener(() => void syncDetector(true));
  void syncDetector();
});

/** The background's reading service, answering the speech messages. */
function listenForSpeech(tts: ChromeTtsApi) {
  const speech = createBackgroundSpeech({
    engine: createChromeTtsEngine(tts),
    sendProgress: (tabId, progress) =>
      sendToTab(tabId, { type: '→page:speech-progress', progress }),
    sendStop: (tabId) => sendToTab(tabId, { type: '→page:speech-stop' }),
    publish: (status) => publishSpeechStatus(browser.storage, status),
    requestPlan: async (tabId, startIndex) => {
      const opened = await openReader(tabId);
      if (!opened.ok) return null;
      return sendToTab(tabId, {
        type: '→page:speech-plan',
        ...(startIndex !== undefined && { startIndex }),
      });
    },
  });
  browser.tabs.onRemoved.addListener((tabId) => speech.forgetTab(tabId));
  browser.runtime.onMessage.addListener(
    createMessageListener({
      'content→background:speech-start': ({ request }, { tabId }) =>
        tabId === undefined ? { ok: false, reason: 'no-reader' } : speech.start(tabId, request),
      'content→background:speech-claim': (_message, { tabId }) => {
        if (tabId !== undefined) speech.claim(tabId);
        return undefined;
      },
      'ui→background:speech-start': (_message, { tabId }) =>
        tabId === undefined ? { ok: false, reason: 'no-reader' } : speech.startTab(tabId),
      'ui→background:speech-control': ({ action, rate }, { tabId }) =>
        speech.control(tabId, action, rate),
      'ui→background:speech-status': (_message, { tabId }) => speech.status(tabId),
      'ui→background:speech-voices': ({ lang }) => speech.voices(lang),
    }),
  );
  return speech;
}

/** Opens the reader in a tab: asks an already injected reader first, else injects it. */
async function openReader(tabId: number | undefined): Promise<OpenReaderResult> {
  if (tabId === undefined) return { ok: false, reason: 'no-tab' };
  // A page without a reader either has no listener (rejects) or only the detector, which leaves
  // the message unanswered (resolves undefined).
  const answered = await sendToTab(tabId, { type: '→page:reader-open' }).catch(() => undefined);
  if (answered === true) return { ok: true };
  // Inject the reader: allowed on government hosts, and on any page the user has just clicked the
  // toolbar button on, through activeTab.
  return (await injectScript(tabId, READER_SCRIPT))
    ? { ok: true }
    : { ok: false, reason: 'not-allowed' };
}

/** Shows a tab's page in a script, injecting the page-conversion script first if needed. */
async function convertPageIn(
  tabId: number,
  script: ScriptChoice,
  source: SourceChoice,
): Promise<ScriptViewState | null> {
  if (!(await injectScript(tabId, PAGE_SCRIPT))) return null;
  return sendToTab(tabId, { type: '→page:convert-page', script, source }).catch(() => null);
}

/** Runs one of the runtime-registered bundles in a tab's top frame; false when not allowed there. */
async function injectScript(
  tabId: number,
  file: typeof READER_SCRIPT | typeof ENTRY_SCRIPT | typeof PAGE_SCRIPT,
): Promise<boolean> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [file] });
    return true;
  } catch (error) {
    console.warn(`[yidu] cannot inject ${file}`, error);
    return false;
  }
}

/**
 * Injects the bundles a content script asked for (code loaded on first use, OpenCC dictionaries)
 * into the frame that asked: only bundles of the allow-list in utils/bundles.ts.
 */
async function injectBundles(bundles: unknown, sender: CheckedSender): Promise<LoadBundlesResult> {
  const tabId = sender.tabId;
  if (tabId === undefined) return { ok: false, reason: 'no-tab' };
  if (!Array.isArray(bundles) || !bundles.every(isBundleName))
    return { ok: false, reason: 'unknown-bundle' };
  if (bundles.length === 0) return { ok: true };
  try {
    await browser.scripting.executeScript({
      target: { tabId, frameIds: [sender.frameId ?? 0] },
      files: bundles.map(bundleScriptPath),
    });
    return { ok: true };
  } catch (error) {
    console.warn(`[yidu] cannot inject ${bundles.join(', ')}`, error);
    return { ok: false, reason: 'not-allowed' };
  }
}
