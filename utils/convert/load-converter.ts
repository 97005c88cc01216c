/**
 * Builds converters over dictionaries fetched on demand, by whatever means the context has: in Node
 * straight from opencc-js's modules (load-node.ts), in the extension from bundles the background
 * injects into the tab (load-extension.ts). Dictionaries once fetched stay for the page's lifetime
 * and are shared by every converter.
 */
import type { DictionaryData, DictionaryName } from './dictionaries';
import { conversionPlan, dictionariesOf } from './plan';
import type { Script } from './scripts';
import { createTextConverter, DictionaryStore, type TextConverter } from './text-converter';

/** Fetches the named dictionaries (and may return more). */
export type DictionaryLoader = (names: DictionaryName[]) => Promise<DictionaryData>;

const store = new DictionaryStore();
const converters = new Map<string, TextConverter>();

/** The converter from one script to another, loading only the dictionaries that direction needs. */
export async function loadConverter(
  from: Script,
  to: Script,
  loader: DictionaryLoader,
): Promise<TextConverter> {
  const key = `${from}>${to}`;
  const known = converters.get(key);
  if (known) return known;
  const missing = dictionariesOf(conversionPlan(from, to)).filter((name) => !store.has(name));
  if (missing.length > 0) store.add(await loader(missing));
  const converter = createTextConverter(from, to, store);
  converters.set(key, converter);
  return converter;
}
