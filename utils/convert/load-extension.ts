/**
 * Dictionaries inside the extension. The reader is a single-file content script (an IIFE bundle),
 * so it cannot import a chunk on demand; instead each dictionary bundle is an unlisted script of the
 * extension (entrypoints/opencc-*.ts) that the background injects into the reader's tab and frame
 * when a conversion first needs it. Injected scripts share the content scripts' isolated world, so
 * the bundle hands its dictionaries over through a global of that world, never seen by the page.
 */
import { sendToBackground } from '../messages';
import {
  bundlesFor,
  DICTIONARY_BUNDLES,
  type DictionaryBundle,
  type DictionaryData,
  type DictionaryName,
} from './dictionaries';
import type { DictionaryLoader } from './load-converter';

const HANDOVER = '__yiduOpenccDictionaries';

type WithHandover = typeof globalThis & { [HANDOVER]?: DictionaryData };

/** Called by a dictionary bundle when the background injects it. */
export function provideDictionaries(data: DictionaryData): void {
  const world = globalThis as WithHandover;
  world[HANDOVER] = { ...world[HANDOVER], ...data };
}

/** True for the names of the bundles the extension ships (for checking a message). */
export function isDictionaryBundle(value: unknown): value is DictionaryBundle {
  return typeof value === 'string' && Object.hasOwn(DICTIONARY_BUNDLES, value);
}

/** The path of a bundle's script inside the extension. */
export function bundleScriptPath(bundle: DictionaryBundle): `/${DictionaryBundle}.js` {
  return `/${bundle}.js`;
}

/**
 * A loader that has bundles injected by `inject` (by default: asks the background) and takes the
 * dictionaries they hand over.
 */
export function createExtensionLoader(
  inject: (bundles: DictionaryBundle[]) => Promise<void> = askBackground,
): DictionaryLoader {
  return async (names: DictionaryName[]) => {
    const world = globalThis as WithHandover;
    const missing = names.filter((name) => world[HANDOVER]?.[name] === undefined);
    if (missing.length > 0) await inject(bundlesFor(missing));
    const data: DictionaryData = {};
    for (const name of names) {
      const value = world[HANDOVER]?.[name];
      if (value === undefined) throw new Error(`OpenCC dictionary ${name} did not arrive`);
      data[name] = value;
    }
    return data;
  };
}

async function askBackground(bundles: DictionaryBundle[]): Promise<void> {
  const result = await sendToBackground({ type: 'content→background:load-dictionaries', bundles });
  if (!result?.ok)
    throw new Error(`cannot load OpenCC dictionaries: ${result?.reason ?? 'no answer'}`);
}
