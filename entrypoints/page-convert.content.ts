import { browser } from 'wxt/browser';
import { createExtensionLoader } from '~/utils/convert/load-extension';
import { createScriptView } from '~/utils/convert/script-view';
import { createMessageListener, injectBundles } from '~/utils/messages';

/**
 * Shows the page itself in another script: injected by the background when the popup asks, or on
 * a site the user always shows in one script. Restoring puts back exactly what was there.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main() {
    const global = globalThis as { yiduPageConvert?: true };
    // A second injection finds the listener of the first already answering.
    if (global.yiduPageConvert) return;
    global.yiduPageConvert = true;
    const view = createScriptView({
      target: () => document,
      loader: createExtensionLoader(injectBundles),
    });
    browser.runtime.onMessage.addListener(
      createMessageListener({
        '→page:convert-page': ({ script, source }) => view.show(script, source),
        '→page:page-script-state': () => view.state(),
      }),
    );
  },
});
