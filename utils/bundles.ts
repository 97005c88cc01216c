/**
 * Code and data the reader loads only when first used. The reader is a single-file content script
 * (an IIFE bundle), so it cannot import a chunk on demand; instead each such part is an unlisted
 * script of the extension (entrypoints/<bundle>.ts) that the background injects into the asking
 * tab's frame (`content→background:load-bundles`). Injected scripts share the content scripts'
 * isolated world, so a bundle hands what it brings over (utils/handover.ts) under a typed slot of
 * `Handovers`. This module brings no extension API into a bundle
 * (asking the background is `injectBundles` in utils/messages.ts), so bundles stay small.
 *
 * The reader imports only types from the code it loads this way (so the bundler cannot pull that
 * code back into the reader); tests/e2e/bundle.test.ts checks the built reader holds none of it.
 */
import type { DictionaryData } from './convert/dictionaries';
import { DICTIONARY_BUNDLES, type DictionaryBundle } from './convert/dictionaries';
import type { createScriptView } from './convert/script-view';
import { handedOver, handOver } from './handover';
import { loadOnce } from './load-once';
import type {
  createPinyinReader,
  createPinyinView,
  createScriptReader,
} from './pinyin/pinyin-view';
import type { ReadingSource } from './pinyin/readings';
import type { renderArticleCopy, renderReaderApp, unrenderReaderApp } from './reader/reader-ui';
import type { createWebSpeechEngine } from './speech/engine';
import type { createReaderSpeech } from './speech/reader-speech';

/** Bundles of code (entrypoints/<name>.ts), each handing over under its own name. */
const CODE_BUNDLES = {
  /** The conversion engine behind the reader's script view (and its detection of the source). */
  'convert-engine': true,
  /** The reader's reading aloud: plan, chunks, spoken forms, controller, page engine. */
  'reader-speech': true,
  /** The reader's view: Preact, its toolbar and panels, the article (loaded as a reader opens). */
  'reader-view': true,
  /** Pinyin: pinyin-pro, our readings and the DOM annotation (reader, page and caption bar). */
  'pinyin-engine': true,
  /** Jyutping for Hong Kong text (to-jyutping). */
  'jyutping-engine': true,
} as const;

export type CodeBundle = keyof typeof CODE_BUNDLES;

/** Every bundle the background may inject on request: the code bundles and the dictionaries. */
export type BundleName = CodeBundle | DictionaryBundle;

/** What each slot holds once its bundle has run. */
export interface Handovers {
  'convert-engine': { createScriptView: typeof createScriptView };
  'reader-speech': {
    createReaderSpeech: typeof createReaderSpeech;
    createWebSpeechEngine: typeof createWebSpeechEngine;
  };
  'reader-view': {
    renderReaderApp: typeof renderReaderApp;
    unrenderReaderApp: typeof unrenderReaderApp;
    renderArticleCopy: typeof renderArticleCopy;
  };
  'pinyin-engine': {
    createPinyinView: typeof createPinyinView;
    createPinyinReader: typeof createPinyinReader;
    createScriptReader: typeof createScriptReader;
  };
  'jyutping-engine': { jyutpingSource: ReadingSource };
  /** OpenCC dictionaries: each dictionary bundle adds its own (`DICTIONARY_SLOT`, utils/convert). */
  dictionaries: DictionaryData;
}

/** Called by a bundle when it runs: puts what it brings in its slot (utils/handover.ts). */
export function provide<K extends keyof Handovers>(slot: K, value: Handovers[K]): void {
  handOver(slot, value);
}

/** What a slot holds, if its bundle has run in this world. */
export function received<K extends keyof Handovers>(slot: K): Handovers[K] | undefined {
  return handedOver<Handovers[K]>(slot);
}

/** True for the names of the bundles the extension ships (for checking a message). */
export function isBundleName(value: unknown): value is BundleName {
  return (
    typeof value === 'string' &&
    (Object.hasOwn(CODE_BUNDLES, value) || Object.hasOwn(DICTIONARY_BUNDLES, value))
  );
}

/** The path of a bundle's script inside the extension. */
export function bundleScriptPath<B extends BundleName>(bundle: B): `/${B}.js` {
  return `/${bundle}.js`;
}

/** Has bundles injected into this frame, resolving once they have run. */
export type BundleInjector = (bundles: BundleName[]) => Promise<void>;

/**
 * Loads code bundles once each through `inject` (in the extension: `injectBundles` of
 * utils/messages.ts): the first call injects (later calls while it runs wait for the same
 * injection), and a failed injection is tried again on the next call.
 */
export function createCodeLoader(inject: BundleInjector) {
  const loaders = new Map<CodeBundle, () => Promise<unknown>>();
  return function load<K extends CodeBundle>(bundle: K): Promise<Handovers[K]> {
    const ready = received(bundle);
    if (ready) return Promise.resolve(ready);
    let loader = loaders.get(bundle) as (() => Promise<Handovers[K]>) | undefined;
    if (!loader) {
      loader = loadOnce(async () => {
        await inject([bundle]);
        const value = received(bundle);
        if (!value) throw new Error(`the ${bundle} bundle did not hand anything over`);
        return value;
      });
      loaders.set(bundle, loader);
    }
    return loader();
  };
}
