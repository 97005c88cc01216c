/**
 * Everything the popup needs from the browser, behind one interface that tests can replace.
 * The popup acts on one tab: `popup.html?tabId=N` targets tab N (E2E tests open the popup as a page,
 * where the active tab would be the popup itself); otherwise the active tab of the current window.
 */
import { browser } from 'wxt/browser';
import type { ScriptChoice, ScriptViewState, SourceChoice } from './convert/script-view';
import type { PageStatus } from './detect/detect-article-page';
import { type OpenReaderResult, sendToBackground, sendToTab } from './messages';
import { hostOf, requestHostPermission } from './site-access';
import type { SpeechAction, SpeechStatus } from './speech/speech-protocol';

export type PopupStatus =
  | PageStatus
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
   * Reading aloud in the tab through the background (Chrome's tts; it outlives the popup).
   * Undefined where the background cannot read (Firefox reads in the page, from the reader).
   */
  speechStatus(tabId: number): Promise<SpeechStatus | undefined>;
  speech(tabId: number, action: SpeechAction, rate?: number): Promise<SpeechStatus | undefined>;
  /** Shows the tab's page in a script ('original' restores it); null where not allowed. */
  convertPage(
    tabId: number,
    script: ScriptChoice,
    source: SourceChoice,
  ): Promise<ScriptViewState | null>;
  pageScript(tabId: number): Promise<ScriptViewState | null>;
  openOptions(): void;
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
        return await sendToTab(tabId, { type: '→page:get-status' });
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
    speechStatus: (tabId) =>
      sendToBackground({ type: 'ui→background:speech-status', tabId }).catch(() => undefined),
    // 'toggle' from idle opens the reader there and starts reading it.
    speech: (tabId, action, rate) =>
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
    openOptions: () => void browser.runtime.openOptionsPage(),
  };
}
