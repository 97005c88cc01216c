import { browser } from 'wxt/browser';
import { detectArticlePage, type PageStatus } from '~/utils/detect/detect-article-page';
import { GOV_HOST_MATCHES } from '~/utils/detect/gov-hosts';
import { t } from '~/utils/i18n';
import { createMessageListener, sendToBackground } from '~/utils/messages';
import { showEntryButton } from '~/utils/reader/entry-button';

/**
 * The always-loaded detector: on government hosts only, decides whether the page is an article,
 * tells the background (badge), answers the popup, and offers the on-page reader button.
 */
export default defineContentScript({
  matches: GOV_HOST_MATCHES,
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main(ctx) {
    let status: PageStatus = { kind: 'not-article', reasons: [] };
    let hideEntryButton: (() => void) | undefined;

    const check = () => {
      status = detectArticlePage(location.href, document);
      hideEntryButton?.();
      hideEntryButton =
        status.kind === 'article'
          ? showEntryButton(document, {
              label: t('readerEntry'),
              title: t('readerEntryTitle'),
              onClick: () => void sendToBackground({ type: 'ui→background:open-reader' }),
            })
          : undefined;
      void sendToBackground({ type: 'content→background:page-detected', status });
    };

    browser.runtime.onMessage.addListener(
      createMessageListener({ '→page:get-status': () => status }),
    );
    // Single-page portals change the URL without a new page load: check again.
    ctx.addEventListener(window, 'wxt:locationchange', check);
    ctx.onInvalidated(() => hideEntryButton?.());
    check();
  },
});
