/**
 * Dictionaries inside the extension: each dictionary bundle is an unlisted script of the extension
 * (entrypoints/opencc-*.ts) that the background injects into the reader's tab and frame when a
 * conversion first needs it, and that hands its dictionaries over in the `dictionaries` slot of the
 * bundles' handover (utils/bundles.ts).
 */
import { provide, received } from '../bundles';
import {
  bundlesFor,
  type DictionaryBundle,
  type DictionaryData,
  type DictionaryName,
} from './dictionaries';
import type { DictionaryLoader } from './load-converter';

/** Called by a dictionary bundle when the background injects it: adds its dictionaries. */
export function provideDictionaries(data: DictionaryData): void {
  provide('dictionaries', { ...received('dictionaries'), ...data });
}

/**
 * A loader that has bundles injected by `inject` (in the extension: `injectBundles` of
 * utils/messages.ts, which asks the background) and takes the dictionaries they hand over. This
 * module brings no extension API, so the dictionary bundles that import it stay data only.
 */
export function createExtensionLoader(
  inject: (bundles: DictionaryBundle[]) => Promise<void>,
): DictionaryLoader {
  return async (names: DictionaryName[]) => {
    const missing = names.filter((name) => received('dictionaries')?.[name] === undefined);
    if (missing.length > 0) await inject(bundlesFor(missing));
    const data: DictionaryData = {};
    for (const name of names) {
      const value = received('dictionaries')?.[name];
      if (value === undefined) throw new Error(`OpenCC dictionary ${name} did not arrive`);
      data[name] = value;
    }
    return data;
  };
}
