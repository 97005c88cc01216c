/**
 * Injects the bundles a content script asks for (code loaded on first use, OpenCC dictionaries)
 * into the frame that asked: only bundles of the allow-list in utils/bundles.ts (the protocol's
 * validator has checked the names).
 */
import { bundleScriptPath } from '../bundles';
import type { MessageHandlers } from '../messages';
import type { ScriptingApi } from './apis';

export function createBundleInjection(scripting: ScriptingApi) {
  const handlers: MessageHandlers<'content→background:load-bundles'> = {
    'content→background:load-bundles': async ({ bundles }, { tabId, frameId }) => {
      if (tabId === undefined) return { ok: false, reason: 'no-tab' };
      if (bundles.length === 0) return { ok: true };
      try {
        await scripting.executeScript({
          target: { tabId, frameIds: [frameId ?? 0] },
          files: bundles.map(bundleScriptPath),
        });
        return { ok: true };
      } catch (error) {
        console.warn(`[yidu] cannot inject ${bundles.join(', ')}`, error);
        return { ok: false, reason: 'not-allowed' };
      }
    },
  };
  return { handlers };
}
