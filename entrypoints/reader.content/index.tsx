import { render } from 'preact';
import { browser } from 'wxt/browser';
import readerCss from '~/assets/reader.css?inline';
import { renderArticleCopy } from '~/components/reader-view';
import controlsCss from '~/components/reading-controls.css?inline';
import { createCodeLoader } from '~/utils/bundles';
import { createLazyScriptView } from '~/utils/convert/lazy-script-view';
import { createExtensionLoader } from '~/utils/convert/load-extension';
import { pairScriptViews } from '~/utils/convert/paired-script-view';
import { serializePage } from '~/utils/extract/page-html';
import { t } from '~/utils/i18n';
import { createMessageListener, injectBundles, sendToBackground } from '~/utils/messages';
import { OVERLAY_HOST_TAG } from '~/utils/reader/overlay';
import { createReaderSession } from '~/utils/reader/reader-session';
import { DEFAULT_SETTINGS } from '~/utils/settings';
import { loadSettings, watchSettings } from '~/utils/settings-storage';
import { createLazyReaderSpeech } from '~/utils/speech/lazy-reader-speech';
import { App } from './App';

/**
 * The reader: not in the manifest, injected by the background only when a reader is asked for
 * (popup, on-page button, shortcut), so pages that never open it never load Preact. Readability
 * and DOMPurify never load in the page: the article is extracted in the extension's extractor
 * (entrypoints/extractor). The conversion engine and reading aloud are bundles of their own, loaded
 * on first use (utils/bundles.ts): the reader's own script only paints the article.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main() {
    // A second injection into the same page reuses the reader that is already there.
    const existing = (globalThis as { yiduReader?: { open(): void } }).yiduReader;
    if (existing) return existing.open();

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
    const scriptViewOf = (target: () => Element | null) =>
      createLazyScriptView(async () =>
        (await loadCode('convert-engine')).createScriptView({
          target,
          loader: createExtensionLoader(injectBundles),
        }),
      );
    const scriptView = pairScriptViews(
      scriptViewOf(() => articleOf('.yd-article')),
      scriptViewOf(() => articleCopy),
    );
    const session = createReaderSession(
      document,
      {
        render: (container, content, close) => {
          articleCopy = 'article' in content ? renderArticleCopy(content.article) : null;
          render(
            <App content={content} onClose={close} speech={speech} scriptView={scriptView} />,
            container,
          );
          // Not needed to paint the article, but readers who listen should not wait for it at
          // their first 朗读: loaded once the page is idle after the reader has painted.
          requestIdleCallback(() => void speech.prepare(), { timeout: 2_000 });
        },
        // Closing the reader stops its reading aloud.
        unrender: (container) => {
          void speech.stop();
          scriptView.restore();
          articleCopy = null;
          render(null, container);
        },
      },
      { css: controlsCss + readerCss, label: t('readerDialogLabel') },
      // Extracted away from the page (entrypoints/extractor), which stays free meanwhile.
      (doc) =>
        sendToBackground({
          type: 'content→background:extract-article',
          html: serializePage(doc),
          url: doc.URL,
        }),
    );
    (globalThis as { yiduReader?: { open(): void } }).yiduReader = session;
    browser.runtime.onMessage.addListener(
      createMessageListener({
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
  },
});
