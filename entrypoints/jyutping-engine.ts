import { provide } from '~/utils/bundles';
import { jyutpingSource } from '~/utils/pinyin/engines-jyutping';

/** Jyutping (to-jyutping and its data), injected only when Hong Kong text is first annotated. */
export default defineUnlistedScript(() => provide('jyutping-engine', { jyutpingSource }));
