import { browser } from 'wxt/browser';
import {
  DETECT_MEASURE,
  detectArticlePage,
  type PageStatus,
} from '~/utils/detect/detect-article-page';
import { GOV_HOST_MATCHES } from '~/utils/detect/gov-hosts';
import { createMessageListener, sendToBackground } from '~/utils/messages';

/**
 * The always-loaded detector: on government hosts only, decides whether the page is an article,
 * tells the background (badge, on-page button), and answers the popup.
 */
export default defineContentScript({
  matches: GOV_HOST_MATCHES,
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main(ctx) {
    let status: PageStatus = { kind: 'not-article', reasons: [] };

    const check = () => {
      const start = performance.now();
      status = detectArticlePage(location.href, document);
      performance.measure(DETECT_MEASURE, { start });
      // The background sets the badge and, by the user's per-site choices, offers the on-page
      // button or opens the reader.
      void sendToBackground({
        type: 'content→background:page-detected',
        status,
        host: location.hostname,
      });
    };

    browser.runtime.onMessage.addListener(
      createMessageListener({ '→page:get-status': () => status }),
    );
    // Single-page portals change the URL without a new page load: check again.
    ctx.addEventListener(window, 'wxt:locationchange', check);
    check();
  },
});
