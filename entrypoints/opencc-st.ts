import STCharacters from '~/utils/convert/data/STCharacters.txt?raw';
import STPhrases from '~/utils/convert/data/STPhrases.txt?raw';
import STPhrases_GeneratedFromRegionalPhrases from '~/utils/convert/data/STPhrases_GeneratedFromRegionalPhrases.txt?raw';
import { provideDictionaries } from '~/utils/convert/load-extension';

/**
 * Simplified→traditional dictionaries (about 700 KB in compact form), injected only when a conversion
 * needs them.
 */
export default defineUnlistedScript(() =>
  provideDictionaries({ STCharacters, STPhrases, STPhrases_GeneratedFromRegionalPhrases }),
);
