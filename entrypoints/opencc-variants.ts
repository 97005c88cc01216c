import CJK_Compatibility_Ideographs from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import HKPhrases from 'opencc-js/dict/HKPhrases';
import HKPhrasesRev from 'opencc-js/dict/HKPhrasesRev';
import HKVariants from 'opencc-js/dict/HKVariants';
import HKVariantsPhrases from 'opencc-js/dict/HKVariantsPhrases';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import HKVariantsRevPhrases from 'opencc-js/dict/HKVariantsRevPhrases';
import TWPhrases from 'opencc-js/dict/TWPhrases';
import TWPhrasesRev from 'opencc-js/dict/TWPhrasesRev';
import TWVariants from 'opencc-js/dict/TWVariants';
import TWVariantsPhrases from 'opencc-js/dict/TWVariantsPhrases';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import TWVariantsRevPhrases from 'opencc-js/dict/TWVariantsRevPhrases';
import { provideDictionaries } from '~/utils/convert/load-extension';

/** Taiwan and Hong Kong variants and compatibility ideographs, used by every direction. */
export default defineUnlistedScript(() =>
  provideDictionaries({
    CJK_Compatibility_Ideographs,
    HKPhrases,
    HKPhrasesRev,
    HKVariants,
    HKVariantsPhrases,
    HKVariantsRev,
    HKVariantsRevPhrases,
    TWPhrases,
    TWPhrasesRev,
    TWVariants,
    TWVariantsPhrases,
    TWVariantsRev,
    TWVariantsRevPhrases,
  }),
);
