/**
 * The OpenCC dictionaries we use, by the names opencc-js gives them (`opencc-js/dict/<name>`), and the
 * bundles the extension ships them in. Each dictionary travels in the compact form of
 * compact-dictionary.ts (utils/convert/data/<name>.txt, made from opencc-js's modules by
 * scripts/make-opencc-data.ts; a unit test proves it holds exactly opencc-js's entries, sorted by the
 * code points of the key, which the lazy lookup in phrase-table.ts depends on).
 */

export const DICTIONARY_NAMES = [
  'CJK_Compatibility_Ideographs',
  'STCharacters',
  'STPhrases',
  'STPhrases_GeneratedFromRegionalPhrases',
  'TSCharacters',
  'TSPhrases',
  'TWPhrases',
  'TWPhrasesRev',
  'TWVariants',
  'TWVariantsPhrases',
  'TWVariantsRev',
  'TWVariantsRevPhrases',
  'HKPhrases',
  'HKPhrasesRev',
  'HKVariants',
  'HKVariantsPhrases',
  'HKVariantsRev',
  'HKVariantsRevPhrases',
] as const;

export type DictionaryName = (typeof DICTIONARY_NAMES)[number];

export type DictionaryData = Partial<Record<DictionaryName, string>>;

/**
 * Bundles, so a conversion loads only the direction it needs: simplified→traditional is about 730 KB
 * (`opencc-st`), traditional→simplified about 35 KB (`opencc-ts`), and the regional variants and
 * compatibility ideographs every direction uses about 68 KB (`opencc-variants`). Each bundle is an
 * unlisted script of the extension (entrypoints/opencc-*.ts).
 */
export const DICTIONARY_BUNDLES = {
  'opencc-st': ['STCharacters', 'STPhrases', 'STPhrases_GeneratedFromRegionalPhrases'],
  'opencc-ts': ['TSCharacters', 'TSPhrases'],
  'opencc-variants': [
    'CJK_Compatibility_Ideographs',
    'TWPhrases',
    'TWPhrasesRev',
    'TWVariants',
    'TWVariantsPhrases',
    'TWVariantsRev',
    'TWVariantsRevPhrases',
    'HKPhrases',
    'HKPhrasesRev',
    'HKVariants',
    'HKVariantsPhrases',
    'HKVariantsRev',
    'HKVariantsRevPhrases',
  ],
} as const satisfies Record<string, readonly DictionaryName[]>;

export type DictionaryBundle = keyof typeof DICTIONARY_BUNDLES;

/** The bundles that hold the given dictionaries. */
export function bundlesFor(names: readonly DictionaryName[]): DictionaryBundle[] {
  return (Object.keys(DICTIONARY_BUNDLES) as DictionaryBundle[]).filter((bundle) =>
    (DICTIONARY_BUNDLES[bundle] as readonly DictionaryName[]).some((name) => names.includes(name)),
  );
}
