import { provide } from '~/utils/bundles';
import {
  createPinyinReader,
  createPinyinView,
  createScriptReader,
} from '~/utils/pinyin/pinyin-view';

/**
 * Pinyin: pinyin-pro and its phrase data, our readings and the DOM annotation. Injected only when
 * pinyin is first turned on, in the reader or on the page (utils/pinyin/lazy-pinyin-view.ts), or
 * in the caption bar of the 辅助工具 (utils/assist/page-main.ts).
 */
export default defineUnlistedScript(() =>
  provide('pinyin-engine', { createPinyinView, createPinyinReader, createScriptReader }),
);
