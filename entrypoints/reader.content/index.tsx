import { render } from 'preact';
import { browser } from 'wxt/browser';
import readerCss from '~/assets/reader.css?inline';
import controlsCss from '~/components/reading-controls.css?inline';
import { t } from '~/utils/i18n';
import { createMessageListener } from '~/utils/messages';
import { createReaderSession } from '~/utils/reader/reader-session';
import { App } from './App';

/**
 * The reader: not in the manifest, injected by the background only when a reader is asked for
 * (popup, on-page button, shortcut), so pages that never open it never load Readability or Preact.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main() {
    // A second injection into the same page reuses the reader that is already there.
    const existing = (globalThis as { yiduReader?: { open(): void } }).yiduReader;
    if (existing) return existing.open();

    const session = createReaderSession(
      document,
      {
        render: (container, content, close) =>
          render(<App content={content} onClose={close} />, container),
        unrender: (container) => render(null, container),
      },
      { css: controlsCss + readerCss, label: t('readerDialogLabel') },
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
      }),
    );
    session.open();
  },
});
