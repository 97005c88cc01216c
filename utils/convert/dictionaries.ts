/**
 * The OpenCC dictionaries we use, by the names opencc-js gives them (`opencc-js/dict/<name>`), and the
 * bundles the extension ships them in. Each dictionary is opencc-js's serialized form: entries
 * `key value` joined by `|`, sorted by the code points of the key (checked by a unit test, because
 * the lazy lookup in phrase-table.ts depends on it).
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
 * Bundles, so a conversion loads only the direction it needs: simplified→traditional is about 1 MB
 * (`opencc-st`), traditional→simplified about 60 KB (`opencc-ts`), and the regional variants and
 * compatibility ideographs every direction uses about 70 KB (`opencc-variants`). Each bundle is an
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
