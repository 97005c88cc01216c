/**
 * Which dictionaries convert one script into another, and in what order: the same plan opencc-js
 * 1.4.2 follows for `Converter({ from, to })`, so our output is identical to it (a differential test
 * checks every pair). A plan has up to three parts:
 *
 * 1. `normalize`: CJK compatibility ideographs to their unified form, over the whole text;
 * 2. `segmentation`: cut the text into the longest phrases of these dictionaries and the runs
 *    between them; the conversion steps then work inside each segment, never across two;
 * 3. `chain`: conversion steps, each a group of dictionaries matched together (longest key wins; for
 *    the same key the earlier dictionary of the group wins), each step reading the previous output.
 */
import type { DictionaryName } from './dictionaries';
import type { Script } from './scripts';

export type DictionaryGroup = readonly DictionaryName[];

export interface ConversionPlan {
  normalize: DictionaryGroup | null;
  segmentation: DictionaryGroup | null;
  chain: readonly DictionaryGroup[];
}

const NORMALIZE: DictionaryGroup = ['CJK_Compatibility_Ideographs'];
const S2T: DictionaryGroup = [
  'STPhrases',
  'STPhrases_GeneratedFromRegionalPhrases',
  'STCharacters',
];
const S2T_SEGMENTS: DictionaryGroup = ['STPhrases', 'STPhrases_GeneratedFromRegionalPhrases'];
const T2S: DictionaryGroup = ['TSPhrases', 'TSCharacters'];
const T2TW: DictionaryGroup = ['TWVariantsPhrases', 'TWVariants'];
const T2TWP_PHRASES: DictionaryGroup = ['TWPhrases'];
const TW2T: DictionaryGroup = ['TWVariantsRevPhrases', 'TWVariantsRev'];
const TWP2T: DictionaryGroup = ['TWPhrasesRev', 'TWVariantsRevPhrases', 'TWVariantsRev'];
const T2HK: DictionaryGroup = ['HKVariantsPhrases', 'HKVariants'];
const HK2T: DictionaryGroup = ['HKVariantsRevPhrases', 'HKVariantsRev'];

/**
 * opencc-js's named configurations (its `preset/full.js`), for the pairs it has one; other pairs
 * chain "from" then "to" without normalization or segmentation, as opencc-js does.
 */
const CONFIGS: Partial<Record<`${Script}>${Script}`, ConversionPlan>> = {
  'cn>t': { normalize: NORMALIZE, segmentation: null, chain: [S2T] },
  'cn>tw': { normalize: NORMALIZE, segmentation: S2T_SEGMENTS, chain: [S2T, T2TW] },
  'cn>twp': {
    normalize: NORMALIZE,
    segmentation: S2T_SEGMENTS,
    chain: [S2T, [...T2TWP_PHRASES, ...T2TW]],
  },
  'cn>hk': { normalize: NORMALIZE, segmentation: S2T_SEGMENTS, chain: [S2T, T2HK] },
  't>cn': { normalize: NORMALIZE, segmentation: null, chain: [T2S] },
  'tw>cn': { normalize: NORMALIZE, segmentation: ['TSPhrases'], chain: [TW2T, T2S] },
  'twp>cn': { normalize: NORMALIZE, segmentation: ['TSPhrases'], chain: [TWP2T, T2S] },
  'hk>cn': { normalize: NORMALIZE, segmentation: ['TSPhrases'], chain: [HK2T, T2S] },
  't>tw': { normalize: NORMALIZE, segmentation: null, chain: [T2TW] },
  't>hk': { normalize: NORMALIZE, segmentation: null, chain: [T2HK] },
  'tw>t': { normalize: NORMALIZE, segmentation: null, chain: [TW2T] },
  'hk>t': { normalize: NORMALIZE, segmentation: null, chain: [HK2T] },
};

/** opencc-js's `from/*.js`: traditional of a region (or simplified) to OpenCC traditional. */
const FROM: Record<Script, readonly DictionaryGroup[]> = {
  cn: [S2T],
  t: [],
  tw: [TW2T],
  twp: [TWP2T],
  hk: [HK2T],
};

/** opencc-js's `to/*.js`: OpenCC traditional to a region's traditional (or simplified). */
const TO: Record<Script, readonly DictionaryGroup[]> = {
  cn: [T2S],
  t: [],
  tw: [T2TW],
  twp: [T2TWP_PHRASES, T2TW],
  hk: [T2HK],
};

/**
 * Dictionaries whose keys are all a single code point (checked by a unit test). A segmentation that
 * is the leading dictionaries of the first step, followed only by these, cuts exactly where that step
 * matches: text-converter.ts then segments while it converts, in one pass.
 */
export const CHARACTER_DICTIONARIES: ReadonlySet<DictionaryName> = new Set([
  'CJK_Compatibility_Ideographs',
  'STCharacters',
  'TSCharacters',
  'TWVariants',
  'TWVariantsRev',
  'HKVariants',
  'HKVariantsRev',
]);

/**
 * True when segmenting with `plan.segmentation` cuts the text exactly where the first step's matches
 * from its leading (segmentation) dictionaries are, so both can be done in one pass: at each position
 * the first step's longest key is a segmentation key whenever one matches, because the step's other
 * dictionaries only have one-character keys and come after.
 */
export function segmentsWithFirstStep(plan: ConversionPlan): boolean {
  const { segmentation, chain } = plan;
  const first = chain[0];
  if (!segmentation || !first) return false;
  return (
    segmentation.every((name, index) => first[index] === name) &&
    first.slice(segmentation.length).every((name) => CHARACTER_DICTIONARIES.has(name))
  );
}

/** The plan for converting `from` into `to`; an empty chain when they are the same script. */
export function conversionPlan(from: Script, to: Script): ConversionPlan {
  if (from === to) return { normalize: null, segmentation: null, chain: [] };
  return (
    CONFIGS[`${from}>${to}`] ?? {
      normalize: null,
      segmentation: null,
      chain: [...FROM[from], ...TO[to]],
    }
  );
}

/** Every dictionary a plan reads, each once. */
export function dictionariesOf(plan: ConversionPlan): DictionaryName[] {
  const groups = [plan.normalize, plan.segmentation, ...plan.chain].filter(
    (group): group is DictionaryGroup => group !== null,
  );
  return [...new Set(groups.flat())];
}
