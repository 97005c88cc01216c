/**
 * Dictionaries for Node (tests, `npm run inspect`, `npm run bench`): imported from opencc-js's own
 * modules, each only when asked for. The extension cannot do this (its content scripts are single
 * files), see load-extension.ts.
 */
import type { DictionaryData, DictionaryName } from './dictionaries';
import type { DictionaryLoader } from './load-converter';

const MODULES: Record<DictionaryName, () => Promise<{ default: string }>> = {
  CJK_Compatibility_Ideographs: () => import('opencc-js/dict/CJK_Compatibility_Ideographs'),
  STCharacters: () => import('opencc-js/dict/STCharacters'),
  STPhrases: () => import('opencc-js/dict/STPhrases'),
  STPhrases_GeneratedFromRegionalPhrases: () =>
    import('opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases'),
  TSCharacters: () => import('opencc-js/dict/TSCharacters'),
  TSPhrases: () => import('opencc-js/dict/TSPhrases'),
  TWPhrases: () => import('opencc-js/dict/TWPhrases'),
  TWPhrasesRev: () => import('opencc-js/dict/TWPhrasesRev'),
  TWVariants: () => import('opencc-js/dict/TWVariants'),
  TWVariantsPhrases: () => import('opencc-js/dict/TWVariantsPhrases'),
  TWVariantsRev: () => import('opencc-js/dict/TWVariantsRev'),
  TWVariantsRevPhrases: () => import('opencc-js/dict/TWVariantsRevPhrases'),
  HKPhrases: () => import('opencc-js/dict/HKPhrases'),
  HKPhrasesRev: () => import('opencc-js/dict/HKPhrasesRev'),
  HKVariants: () => import('opencc-js/dict/HKVariants'),
  HKVariantsPhrases: () => import('opencc-js/dict/HKVariantsPhrases'),
  HKVariantsRev: () => import('opencc-js/dict/HKVariantsRev'),
  HKVariantsRevPhrases: () => import('opencc-js/dict/HKVariantsRevPhrases'),
};

export const loadNodeDictionaries: DictionaryLoader = async (names) => {
  const data: DictionaryData = {};
  await Promise.all(
    names.map(async (name) => {
      data[name] = (await MODULES[name]()).default;
    }),
  );
  return data;
};
