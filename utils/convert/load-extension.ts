/**
 * Dictionaries inside the extension: each dictionary bundle is an unlisted script of the extension
 * (entrypoints/opencc-*.ts) that the background injects into the reader's tab and frame when a
 * conversion first needs it, and that hands its dictionaries over in the `dictionaries` slot of the
 * bundles' hand-over (utils/handover.ts).
 */
import { handedOver, handOver } from '../handover';
import {
  bundlesFor,
  type DictionaryBundle,
  type DictionaryData,
  type DictionaryName,
} from './dictionaries';
import type { DictionaryLoader } from './load-converter';

/** The hand-over slot the dictionary bundles fill (utils/handover.ts). */
export const DICTIONARY_SLOT = 'dictionaries';

const receivedDictionaries = () => handedOver<DictionaryData>(DICTIONARY_SLOT);

/** Called by a dictionary bundle when the background injects it: adds its dictionaries. */
export function provideDictionaries(data: DictionaryData): void {
  handOver(DICTIONARY_SLOT, { ...receivedDictionaries(), ...data });
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
    const missing = names.filter((name) => receivedDictionaries()?.[name] === undefined);
    if (missing.length > 0) await inject(bundlesFor(missing));
    const data: DictionaryData = {};
    for (const name of names) {
      const value = receivedDictionaries()?.[name];
      if (value === undefined) throw new Error(`OpenCC dictionary ${name} did not arrive`);
      data[name] = value;
    }
    return data;
  };
}
