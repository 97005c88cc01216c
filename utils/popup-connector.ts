/**
 * Everything the popup needs from the browser, behind one interface that tests can replace.
 * The popup acts on one tab: `popup.html?tabId=N` targets tab N (E2E tests open the popup as a page,
 * where the active tab would be the popup itself); otherwise the active tab of the current window.
 */

import { browser } from 'wxt/browser';
import type { AssistSetResult, AssistTool } from './assist/tools';
import { TAB_SCRIPTS } from './background/tab-scripts';
import type { ScriptChoice, ScriptViewState, SourceChoice } from './convert/script-view';
import type { PageVerdict } from './detect/detect-article-page';
import type { PageDescription } from './extract/article-header';
import { type OpenReaderResult, sendToBackground, sendToTab } from './messages';
import type { PinyinMode } from './pinyin/modes';
import type { PinyinViewState } from './pinyin/pinyin-view';
import { hostOf, requestHostPermission } from './site-access';
import type { SpeechAction, SpeechStatus } from './speech/speech-protocol';
import { watchSpeechStatus } from './speech/speech-status';

export type PopupStatus =
  | Extract<PageVerdict, { kind: 'not-article' }>
  /** An article, with its title, date, source and 文号 read by the reader's rules. */
  | (Extract<PageVerdict, { kind: 'article' }> & PageDescription)
  /** No detector answered: a site outside the government hosts (the reader can still be tried). */
  | { kind: 'not-detected' }
  /** A page the browser keeps extensions out of (settings, the web store, other extensions). */
  | { kind: 'unavailable' };

export interface PopupConnector {
  resolveTabId(): Promise<number | undefined>;
  getStatus(tabId: number): Promise<PopupStatus>;
  /** The tab's host name, when the extension may know it (government hosts, or after a click). */
  getHost(tabId: number): Promise<string | undefined>;
  openReader(tabId: number): Promise<OpenReaderResult>;
  /** The tab's page zoom (1 = 100%); the browser remembers it per site. */
  getZoom(tabId: number): Promise<number>;
  setZoom(tabId: number, factor: number): Promise<void>;
  /**
   * Asks for access to a host outside the government domains (the browser shows its prompt). Must
   * be called straight from the click, before any other await, or the browser refuses.
   */
  requestHost(host: string): Promise<boolean>;
  /**
   * Readers read aloud in their page (Firefox, which has no tts for the background): reading
   * starts from the reader's toolbar, and the popup's controls act on a reader that has read.
   */
  readsInPage: boolean;
  /**
   * Follows where reading aloud stands (whichever tab reads: the popup shows its own tab's), the
   * current status first, undefined when nothing has read yet. Returns the unsubscribe.
   */
  watchSpeech(listener: (status: SpeechStatus | undefined) => void): () => void;
  /**
   * A control for reading aloud in the tab: through the background (Chrome's tts; it outlives the
   * popup), or straight to the tab's reader where readers read in their page. Undefined when
   * nothing answers.
   */
  speech(tabId: number, action: SpeechAction, rate?: number): Promise<SpeechStatus | undefined>;
  /** Shows the tab's page in a script ('original' restores it); null where not allowed. */
  convertPage(
    tabId: number,
    script: ScriptChoice,
    source: SourceChoice,
  ): Promise<ScriptViewState | null>;
  pageScript(tabId: number): Promise<ScriptViewState | null>;
  /** The 辅助工具 on in the tab, and turning exactly these on ([] is all off). */
  assistTools(tabId: number): Promise<AssistTool[]>;
  setAssistTools(tabId: number, tools: AssistTool[]): Promise<AssistSetResult>;
  /** Shows pinyin over the tab's page ('off' takes it off); null where not allowed. */
  pinyinPage(tabId: number, mode: PinyinMode): Promise<PinyinViewState | null>;
  pagePinyin(tabId: number): Promise<PinyinViewState | null>;
  openOptions(): void;
}

const READS_IN_PAGE = import.meta.env.BROWSER === 'firefox';

/**
 * Reads an article's title, date, source and 文号 in its tab by the reader's rules
 * (entrypoints/page-description.content.ts): what the detector leaves out, to stay small on every
 * page.
 */
async function describeTab(tabId: number): Promise<PageDescription> {
  const [frame] = await browser.scripting
    .executeScript({ target: { tabId, frameIds: [0] }, files: [TAB_SCRIPTS.pageDescription] })
    .catch(() => []);
  const description = frame?.result as PageDescription | undefined;
  if (description) return description;
  // Where it cannot run (the detector could), the tab's own title, with no date or source.
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  return { title: tab?.title ?? '' };
}

export function createBrowserConnector(search: string): PopupConnector {
  return {
    async resolveTabId() {
      const requested = Number(new URLSearchParams(search).get('tabId'));
      if (Number.isInteger(requested) && requested > 0) return requested;
      const [active] = await browser.tabs.query({ active: true, currentWindow: true });
      return active?.id;
    },
    async getStatus(tabId) {
      try {
        const verdict = await sendToTab(tabId, { type: '→page:get-status' });
        if (verdict.kind !== 'article') return verdict;
        return { ...verdict, ...(await describeTab(tabId)) };
      } catch {
        const tab = await browser.tabs.get(tabId).catch(() => undefined);
        const url = tab?.url;
        return url === undefined || /^(https?|file):/.test(url)
          ? { kind: 'not-detected' }
          : { kind: 'unavailable' };
      }
    },
    async getHost(tabId) {
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      return hostOf(tab?.url);
    },
    openReader: (tabId) => sendToBackground({ type: 'ui→background:open-reader', tabId }),
    getZoom: (tabId) => browser.tabs.getZoom(tabId),
    setZoom: (tabId, factor) => browser.tabs.setZoom(tabId, factor),
    requestHost: (host) => requestHostPermission(host),
    readsInPage: READS_IN_PAGE,
    watchSpeech: (listener) => {
      // Asked once as the popup opens: the background then looks at its voices and publishes
      // whether only a network voice would read, before the first play (Chrome; on Firefox
      // nothing in the background reads, and nothing answers).
      if (!READS_IN_PAGE)
        void sendToBackground({ type: 'ui→background:speech-status' }).catch(() => undefined);
      return watchSpeechStatus(browser.storage, listener);
    },
    speech: (tabId, action, rate) =>
      READS_IN_PAGE
        ? sendToTab(tabId, {
            type: '→page:speech-control',
            action,
            ...(rate !== undefined && { rate }),
          }).catch(() => undefined)
        : // 'toggle' from idle opens the reader there and starts reading it.
          sendToBackground({
            type: 'ui→background:speech-control',
            tabId,
            action,
            ...(rate !== undefined && { rate }),
          }).catch(() => undefined),
    convertPage: (tabId, script, source) =>
      sendToBackground({ type: 'ui→background:convert-page', tabId, script, source }).catch(
        () => null,
      ),
    pageScript: (tabId) =>
      sendToBackground({ type: 'ui→background:page-script-state', tabId }).catch(() => null),
    assistTools: (tabId) =>
      sendToBackground({ type: 'ui→background:assist-tools', tabId }).catch(() => []),
    setAssistTools: (tabId, tools) =>
      sendToBackground({ type: 'ui→background:assist-set', tabId, tools }).catch(() => ({
        ok: false as const,
        reason: 'not-allowed' as const,
      })),
    pinyinPage: (tabId, mode) =>
      sendToBackground({ type: 'ui→background:pinyin-page', tabId, mode }).catch(() => null),
    pagePinyin: (tabId) =>
      sendToBackground({ type: 'ui→background:page-pinyin-state', tabId }).catch(() => null),
    openOptions: () => void browser.runtime.openOptionsPage(),
  };
}
