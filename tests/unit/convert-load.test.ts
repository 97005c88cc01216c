/**
 * Loading dictionaries in the extension (utils/convert/load-extension.ts): only the bundles a
 * direction needs are asked for, once, and what they hand over builds the same converter as in Node.
 */
import { describe, expect, it } from 'vitest';
import { bundleScriptPath, isBundleName } from '~/utils/bundles';
import {
  bundlesFor,
  DICTIONARY_BUNDLES,
  type DictionaryBundle,
} from '~/utils/convert/dictionaries';
import { createExtensionLoader, provideDictionaries } from '~/utils/convert/load-extension';
import { loadNodeDictionaries } from '~/utils/convert/load-node';
import { conversionPlan, dictionariesOf } from '~/utils/convert/plan';
import { createTextConverter, DictionaryStore } from '~/utils/convert/text-converter';

/** Stands in for the background: "injects" a bundle by running what its script runs. */
async function injectLikeTheBackground(bundles: DictionaryBundle[], injected: DictionaryBundle[]) {
  for (const bundle of bundles) {
    injected.push(bundle);
    provideDictionaries(await loadNodeDictionaries([...DICTIONARY_BUNDLES[bundle]]));
  }
}

describe('the extension loader', () => {
  it('asks for the traditional→simplified bundles only, once, and converts as in Node', async () => {
    const injected: DictionaryBundle[] = [];
    const loader = createExtensionLoader((bundles) => injectLikeTheBackground(bundles, injected));
    const names = dictionariesOf(conversionPlan('tw', 'cn'));
    const store = new DictionaryStore();
    store.add(await loader(names));
    expect(injected).toEqual(['opencc-ts', 'opencc-variants']);
    await loader(names);
    expect(injected).toHaveLength(2);
    expect(createTextConverter('tw', 'cn', store).convert('頭髮與軟體')).toBe('头发与软体');
  });

  it('fails loudly when a bundle never arrives', async () => {
    const loader = createExtensionLoader(async () => {});
    await expect(loader(['STPhrases'])).rejects.toThrow(/STPhrases/);
  });

  it('names each bundle by a script path the background may inject, and nothing else', () => {
    expect(bundlesFor(['STPhrases', 'TSPhrases'])).toEqual(['opencc-st', 'opencc-ts']);
    expect(bundleScriptPath('opencc-st')).toBe('/opencc-st.js');
    expect(isBundleName('opencc-variants')).toBe(true);
    expect(isBundleName('convert-engine')).toBe(true);
    expect(isBundleName('reader-speech')).toBe(true);
    expect(isBundleName('../background')).toBe(false);
    expect(isBundleName('content-scripts/reader')).toBe(false);
    expect(isBundleName('toString')).toBe(false);
  });
});
