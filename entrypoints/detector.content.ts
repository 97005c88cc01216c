import { browser } from 'wxt/browser';
import {
  DETECT_RUN_GLOBAL,
  type DetectRun,
  describePage,
  judgeArticlePage,
  type PageStatus,
  type PageVerdict,
} from '~/utils/detect/detect-article-page';
import { GOV_HOST_MATCHES } from '~/utils/detect/gov-hosts';
import { watchLocation } from '~/utils/detect/location-watch';
import { createMessageListener, sendToBackground } from '~/utils/messages';

/**
 * The always-loaded detector: on government hosts only, decides whether the page is an article,
 * tells the background (badge, on-page button), and answers the popup.
 */
export default defineContentScript({
  matches: GOV_HOST_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    let verdict: PageVerdict = { kind: 'not-article', reasons: [] };
    // The title is looked up when the popup first asks for it, not on every page load.
    let status: PageStatus | undefined;

    const check = () => {
      const start = performance.now();
      verdict = judgeArticlePage(location.href, document);
      status = undefined;
      // Kept in this script's own world, where the page cannot read it (a performance.measure
      // would tell every page the extension is there): the bench and E2E tests read it.
      (globalThis as { [DETECT_RUN_GLOBAL]?: DetectRun })[DETECT_RUN_GLOBAL] = {
        start,
        duration: performance.now() - start,
      };
      // The background sets the badge and, by the user's per-site choices, offers the on-page
      // button or opens the reader.
      void sendToBackground({ type: 'content→background:page-detected', verdict });
    };

    browser.runtime.onMessage.addListener(
      createMessageListener({
        '→page:get-status': () => {
          status ??= describePage(verdict, document, location.href);
          return status;
        },
      }),
    );
    // Single-page portals change the URL first and draw the new page after (often after a
    // request): check again once the page has been quiet for a moment, for a few seconds.
    let settle: ReturnType<typeof setTimeout> | undefined;
    let watcher: MutationObserver | undefined;
    const checkWhenQuiet = () => {
      clearTimeout(settle);
      settle = setTimeout(check, 300);
    };
    watchLocation(
      window,
      () => {
        watcher?.disconnect();
        watcher = new MutationObserver(checkWhenQuiet);
        // The body only: the extension's own button and reader hang off <html>, not <body>.
        watcher.observe(document.body ?? document.documentElement, {
          childList: true,
          subtree: true,
        });
        ctx.setTimeout(() => watcher?.disconnect(), 5000);
        checkWhenQuiet();
      },
      ctx.signal,
    );
    ctx.onInvalidated(() => watcher?.disconnect());
    check();
  },
});
