import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import { provideDictionaries } from '~/utils/convert/load-extension';

/** Traditional→simplified dictionaries, injected only when a conversion needs them. */
export default defineUnlistedScript(() => provideDictionaries({ TSCharacters, TSPhrases }));
