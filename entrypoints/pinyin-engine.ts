import { provide } from '~/utils/bundles';
import { createPinyinReader, createPinyinView } from '~/utils/pinyin/pinyin-view';

/**
 * Pinyin: pinyin-pro and its phrase data, our readings and the DOM annotation. Injected only when
 * pinyin is first turned on, in the reader or on the page (utils/pinyin/lazy-pinyin-view.ts).
 */
export default defineUnlistedScript(() =>
  provide('pinyin-engine', { createPinyinView, createPinyinReader }),
);
