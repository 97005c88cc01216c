import { provide } from '~/utils/bundles';
import { createScriptView } from '~/utils/convert/script-view';

/**
 * The conversion engine for the reader (its script view), injected only when the reader first shows
 * an article in another script (utils/convert/lazy-script-view.ts).
 */
export default defineUnlistedScript(() => provide('convert-engine', { createScriptView }));
