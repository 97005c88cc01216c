import STCharacters from 'opencc-js/dict/STCharacters';
import STPhrases from 'opencc-js/dict/STPhrases';
import STPhrases_GeneratedFromRegionalPhrases from 'opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases';
import { provideDictionaries } from '~/utils/convert/load-extension';

/** Simplified→traditional dictionaries (about 1 MB), injected only when a conversion needs them. */
export default defineUnlistedScript(() =>
  provideDictionaries({ STCharacters, STPhrases, STPhrases_GeneratedFromRegionalPhrases }),
);
