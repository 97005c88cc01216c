import TSCharacters from '~/utils/convert/data/TSCharacters.txt?raw';
import TSPhrases from '~/utils/convert/data/TSPhrases.txt?raw';
import { provideDictionaries } from '~/utils/convert/load-extension';

/** Traditional→simplified dictionaries, injected only when a conversion needs them. */
export default defineUnlistedScript(() => provideDictionaries({ TSCharacters, TSPhrases }));
