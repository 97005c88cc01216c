/**
 * opencc-js's own dictionaries, as its modules serialize them (`key value|key value|…`): the source
 * of utils/convert/data (scripts/make-opencc-data.ts) and what a test checks that data against.
 */
import type { DictionaryName } from '../../utils/convert/dictionaries';

export async function openccDictionary(name: DictionaryName): Promise<string> {
  const module = (await import(`opencc-js/dict/${name}`)) as { default: string };
  return module.default;
}
