/**
 * The reader's composition in a page: the live settings, reading aloud and the script view (both
 * loaded on first use, utils/bundles.ts), the session that extracts the page away from it and shows
 * the overlay, and the messages the background sends the reader. The entry point
 * (entrypoints/reader.content) only calls `startReader`.
 */
import { browser } from 'wxt/browser';
import readerCss from '~/assets/reader.css?inline';
import controlsCss from '~/components/reading-controls.css?inline';
import { createCodeLoader } from '../bundles';
import { createLazyScriptView } from '../convert/lazy-script-view';
import { createExtensionLoader } from '../convert/load-extension';
import { pairScriptViews } from '../convert/paired-script-view';
import { MAX_PAGE_CHARACTERS } from '../extract/extraction-result';
import { serializePage } from '../extract/page-html';
import { t } from '../i18n';
import { createMessageListener, injectBundles, sendToBackground } from '../messages';
import { createLazyPinyinView } from '../pinyin/lazy-pinyin-view';
import { DEFAULT_SETTINGS } from '../settings';
import { loadSettings, watchSettings } from '../settings-storage';
import { createLazyReaderSpeech } from '../speech/lazy-reader-speech';
import { OVERLAY_HOST_TAG } from './overlay';
import { READER_MESSAGES } from './reader-messages';
import { createReaderSession } from './reader-session';

/** Opens the reader in this page: the one already there if the reader was injected before. */
export function startReader(): void {
  // A second injection into the same page reuses the reader that is already there.
  const existing = (globalThis as { yiduReader?: { open(): void } }).yiduReader;
  if (existing) {
    existing.open();
    return;
  }

  // The settings reading aloud needs, kept current while the page lives.
  let settings = DEFAULT_SETTINGS;
  void loadSettings().then((loaded) => {
    settings = loaded;
  });
  watchSettings((changed) => {
    settings = changed;
  });
  const loadCode = createCodeLoader(injectBundles);
  const articleOf = (selector: string) =>
    document.querySelector(OVERLAY_HOST_TAG)?.shadowRoot?.querySelector(selector) ?? null;
  // What is read aloud: a copy of the extracted article the page cannot reach (the overlay's
  // shadow root is open, so a page could rewrite what is shown and have it spoken).
  let articleCopy: Element | null = null;
  const speech = createLazyReaderSpeech(
    async () => {
      const { createReaderSpeech, createWebSpeechEngine } = await loadCode('reader-speech');
      return createReaderSpeech({
        article: () => articleCopy,
        shown: () => articleOf('article'),
        // Chrome reads in the background (it outlives the popup); Firefox has no chrome.tts.
        mode: import.meta.env.BROWSER === 'firefox' ? 'page' : 'background',
        background: {
          start: (request) =>
            sendToBackground({ type: 'content→background:speech-start', request }),
          control: (action, rate) =>
            sendToBackground({
              type: 'ui→background:speech-control',
              action,
              ...(rate !== undefined && { rate }),
            }),
          claim: () => sendToBackground({ type: 'content→background:speech-claim' }),
        },
        pageEngine: createWebSpeechEngine({
          synthesis: window.speechSynthesis,
          createUtterance: (text) => new SpeechSynthesisUtterance(text),
        }),
        settings: () => ({
          rate: settings.speechRate,
          voiceName: settings.speechVoice || undefined,
        }),
        reducedMotion: () => window.matchMedia('(prefers-reduced-motion: reduce)').matches,
      });
    },
    () => settings.speechRate,
  );
  // Firefox reads in the page: where it stands goes to the background, for the popup to follow.
  if (import.meta.env.BROWSER === 'firefox')
    speech.subscribe(({ noChineseVoice, networkVoice, ...progress }) => {
      void sendToBackground({
        type: 'content→background:speech-status',
        progress,
        noChineseVoice,
        ...(networkVoice && { networkVoice }),
      }).catch(() => undefined);
    });
  const pinyinView = createLazyPinyinView(async () =>
    (await loadCode('pinyin-engine')).createPinyinView({
      target: () => articleOf('.yd-article'),
      loader: createExtensionLoader(injectBundles),
      loadJyutping: async () => (await loadCode('jyutping-engine')).jyutpingSource,
    }),
  );
  const scriptViewOf = (target: () => Element | null) =>
    createLazyScriptView(async () =>
      (await loadCode('convert-engine')).createScriptView({
        target,
        loader: createExtensionLoader(injectBundles),
      }),
    );
  // The copy read aloud is shown in the same script as the overlay.
  const scriptView = pairScriptViews(
    scriptViewOf(() => articleOf('.yd-article')),
    scriptViewOf(() => articleCopy),
  );
  // The reader's view, drawn once its bundle is here: asked for at once, so it comes while the
  // article is extracted.
  void loadCode('reader-view').catch(() => undefined);
  let shown: Promise<void> = Promise.resolve();
  const session = createReaderSession(
    document,
    {
      // The view comes in its own bundle (utils/reader/reader-ui.tsx): draws and removals are
      // queued on `shown`, so they happen in the order asked for, whenever the bundle arrives.
      render: (container, content, close) => {
        shown = shown
          .then(() => loadCode('reader-view'))
          .then(
            ({ renderReaderApp, renderArticleCopy }) => {
              articleCopy = 'article' in content ? renderArticleCopy(content.article) : null;
              renderReaderApp(container, {
                content,
                onClose: close,
                speech,
                scriptView,
                pinyinView,
              });
              // Not needed to paint the article, but readers who listen should not wait for it
              // at their first 朗读: loaded once the page is idle after the reader has painted.
              requestIdleCallback(() => void speech.prepare(), { timeout: 2_000 });
            },
            (error) => {
              console.warn('[yidu] cannot load the reader view', error);
              container.textContent = t('readerFailed');
            },
          );
      },
      // Closing the reader stops its reading aloud and takes its highlight away.
      unrender: (container) => {
        speech.dispose();
        pinyinView.restore();
        scriptView.restore();
        shown = shown
          .then(() => {
            articleCopy = null;
            return loadCode('reader-view');
          })
          .then(
            ({ unrenderReaderApp }) => unrenderReaderApp(container),
            () => container.replaceChildren(),
          );
      },
    },
    { css: controlsCss + readerCss, label: t('readerDialogLabel') },
    // Extracted away from the page (entrypoints/extractor), which stays free meanwhile.
    (doc) => {
      const html = serializePage(doc);
      // Over the cap the extractor would refuse it (and a message could not carry it far past).
      if (html.length > MAX_PAGE_CHARACTERS) return Promise.resolve({ kind: 'too-large' as const });
      return sendToBackground({ type: 'content→background:extract-article', html, url: doc.URL });
    },
  );
  (globalThis as { yiduReader?: { open(): void } }).yiduReader = session;
  browser.runtime.onMessage.addListener(
    createMessageListener(READER_MESSAGES, {
      '→page:reader-open': () => {
        session.open();
        return true as const;
      },
      '→page:reader-toggle': () => {
        if (session.isOpen()) session.close();
        else session.open();
        return { open: session.isOpen() };
      },
      // Asked right after the reader was opened for it (popup, shortcut): once it shows.
      '→page:speech-plan': async ({ startIndex }) => {
        await session.whenShown();
        await shown;
        return speech.request(startIndex);
      },
      '→page:speech-progress': ({ progress }) => {
        speech.onProgress(progress);
        return undefined;
      },
      '→page:speech-control': ({ action, rate }) => speech.control(action, rate),
      '→page:speech-stop': () => {
        speech.onStopElsewhere();
        return undefined;
      },
    }),
  );
  session.open();
}
