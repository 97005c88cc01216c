/** Showing a tab's page itself in another script (popup, or a site always shown in one script). */
import type { ScriptChoice, ScriptViewState, SourceChoice } from '../convert/script-view';
import type { MessageHandlers, TabSender } from '../messages';
import type { ScriptInjector } from './tab-scripts';

export function createPageConversion(deps: { sendToTab: TabSender; injectScript: ScriptInjector }) {
  /** Shows a tab's page in a script, injecting the page-conversion script first if needed. */
  async function convertPageIn(
    tabId: number,
    script: ScriptChoice,
    source: SourceChoice,
  ): Promise<ScriptViewState | null> {
    if (!(await deps.injectScript(tabId, 'pageConvert'))) return null;
    return deps.sendToTab(tabId, { type: '→page:convert-page', script, source }).catch(() => null);
  }

  const handlers: MessageHandlers<
    'ui→background:convert-page' | 'ui→background:page-script-state'
  > = {
    'ui→background:convert-page': ({ tabId, script, source }) =>
      convertPageIn(tabId, script, source),
    'ui→background:page-script-state': ({ tabId }) =>
      deps.sendToTab(tabId, { type: '→page:page-script-state' }).catch(() => null),
  };
  return { convertPageIn, handlers };
}
