import CJK_Compatibility_Ideographs from '~/utils/convert/data/CJK_Compatibility_Ideographs.txt?raw';
import HKPhrases from '~/utils/convert/data/HKPhrases.txt?raw';
import HKPhrasesRev from '~/utils/convert/data/HKPhrasesRev.txt?raw';
import HKVariants from '~/utils/convert/data/HKVariants.txt?raw';
import HKVariantsPhrases from '~/utils/convert/data/HKVariantsPhrases.txt?raw';
import HKVariantsRev from '~/utils/convert/data/HKVariantsRev.txt?raw';
import HKVariantsRevPhrases from '~/utils/convert/data/HKVariantsRevPhrases.txt?raw';
import TWPhrases from '~/utils/convert/data/TWPhrases.txt?raw';
import TWPhrasesRev from '~/utils/convert/data/TWPhrasesRev.txt?raw';
import TWVariants from '~/utils/convert/data/TWVariants.txt?raw';
import TWVariantsPhrases from '~/utils/convert/data/TWVariantsPhrases.txt?raw';
import TWVariantsRev from '~/utils/convert/data/TWVariantsRev.txt?raw';
import TWVariantsRevPhrases from '~/utils/convert/data/TWVariantsRevPhrases.txt?raw';
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
