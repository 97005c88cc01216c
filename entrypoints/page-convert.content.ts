import { browser } from 'wxt/browser';
import { createCodeLoader } from '~/utils/bundles';
import { createExtensionLoader } from '~/utils/convert/load-extension';
import { createScriptView } from '~/utils/convert/script-view';
import { createMessageListener, injectBundles } from '~/utils/messages';
import { createLazyPinyinView } from '~/utils/pinyin/lazy-pinyin-view';
import type { PinyinRequest } from '~/utils/pinyin/pinyin-view';

/**
 * Shows the page itself in another script, or with pinyin: injected by the background when the
 * popup asks, or on a site the user always shows so. Restoring puts back exactly what was there.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main() {
    const global = globalThis as { yiduPageConvert?: true };
    // A second injection finds the listener of the first already answering.
    if (global.yiduPageConvert) return;
    global.yiduPageConvert = true;
    const loader = createExtensionLoader(injectBundles);
    const view = createScriptView({ target: () => document, loader });
    const loadCode = createCodeLoader(injectBundles);
    // The pinyin engine is a bundle of its own, loaded only when pinyin is first asked for here.
    const pinyin = createLazyPinyinView(async () =>
      (await loadCode('pinyin-engine')).createPinyinView({
        target: () => document,
        loader,
        loadJyutping: async () => (await loadCode('jyutping-engine')).jyutpingSource,
      }),
    );
    let pinyinShown: PinyinRequest = { mode: 'off' };
    browser.runtime.onMessage.addListener(
      createMessageListener({
        // The annotation comes off while the text changes script, and back over the new text.
        '→page:convert-page': async ({ script, source }) => {
          if (pinyinShown.mode !== 'off') pinyin.restore();
          const state = await view.show(script, source);
          if (pinyinShown.mode !== 'off') await pinyin.show(pinyinShown);
          return state;
        },
        '→page:page-script-state': () => view.state(),
        '→page:pinyin-page': ({ mode, jyutpingForHongKong }) => {
          pinyinShown = { mode, jyutpingForHongKong };
          return pinyin.show(pinyinShown);
        },
        '→page:page-pinyin-state': () => pinyin.state(),
      }),
    );
  },
});
