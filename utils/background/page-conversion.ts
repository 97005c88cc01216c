/**
 * Showing a tab's page itself in another script, or with pinyin (popup, or a site always shown so):
 * both through the page-convert content script.
 */
import type { ScriptChoice, ScriptViewState, SourceChoice } from '../convert/script-view';
import type { MessageHandlers, TabSender } from '../messages';
import type { PinyinMode } from '../pinyin/modes';
import type { PinyinViewState } from '../pinyin/pinyin-view';
import { loadSettings } from '../settings-storage';
import type { ScriptInjector } from './tab-scripts';

export function createPageConversion(deps: {
  sendToTab: TabSender;
  injectScript: ScriptInjector;
  /** The pinyin a tab's page now shows (the 大字幕 caption follows it: assist-service.ts). */
  onPagePinyin?: (tabId: number, mode: PinyinMode) => void;
}) {
  /** Shows a tab's page in a script, injecting the page-conversion script first if needed. */
  async function convertPageIn(
    tabId: number,
    script: ScriptChoice,
    source: SourceChoice,
  ): Promise<ScriptViewState | null> {
    if (!(await deps.injectScript(tabId, 'pageConvert'))) return null;
    return deps.sendToTab(tabId, { type: '→page:convert-page', script, source }).catch(() => null);
  }

  /** Shows pinyin over a tab's page ('off' takes it off), injecting the page script if needed. */
  async function pinyinPageIn(tabId: number, mode: PinyinMode): Promise<PinyinViewState | null> {
    if (!(await deps.injectScript(tabId, 'pageConvert'))) return null;
    const { jyutpingForHongKong } = await loadSettings();
    const state = await deps
      .sendToTab(tabId, { type: '→page:pinyin-page', mode, jyutpingForHongKong })
      .catch(() => null);
    if (state && !state.error) deps.onPagePinyin?.(tabId, state.mode);
    return state;
  }

  const handlers: MessageHandlers<
    | 'ui→background:convert-page'
    | 'ui→background:page-script-state'
    | 'ui→background:pinyin-page'
    | 'ui→background:page-pinyin-state'
  > = {
    'ui→background:convert-page': ({ tabId, script, source }) =>
      convertPageIn(tabId, script, source),
    'ui→background:page-script-state': ({ tabId }) =>
      deps.sendToTab(tabId, { type: '→page:page-script-state' }).catch(() => null),
    'ui→background:pinyin-page': ({ tabId, mode }) => pinyinPageIn(tabId, mode),
    'ui→background:page-pinyin-state': ({ tabId }) =>
      deps.sendToTab(tabId, { type: '→page:page-pinyin-state' }).catch(() => null),
  };
  return { convertPageIn, pinyinPageIn, handlers };
}
