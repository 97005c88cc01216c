/**
 * The background's side of the 辅助工具: which tools are on in each tab, injecting their bundle
 * (entrypoints/assist.ts) only into a tab where one is on, and 指读's speech through chrome.tts.
 *
 * What the user sets in a tab is kept in session storage (the service worker may stop between two
 * events) and holds in that tab across its pages until the tab closes; a tab the user has not set
 * gets the site's "always on this site" tools and the defaults from options.
 */
import {
  type AssistSetResult,
  type AssistTool,
  toolList,
  toolsForTab,
  withTool,
} from '../assist/tools';
import type { MessageHandlers, TabSender } from '../messages';
import type { PinyinMode } from '../pinyin/modes';
import { loadSettings } from '../settings-storage';
import { hostOf } from '../site-access';
import type { BackgroundSpeech } from '../speech/background-speech';
import type { BrowserEvent } from './apis';
import type { ScriptInjector } from './tab-scripts';

type AssistMessage =
  | 'ui→background:assist-tools'
  | 'ui→background:assist-set'
  | 'content→background:assist-speak'
  | 'content→background:assist-hush';

/** The part of `storage.session` used here (Chrome 102+, Firefox 115+). */
interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

const tabKey = (tabId: number) => `assist-tab-${tabId}`;

/** The session store where it exists, else a map for this run of the background. */
function tabStore(session: SessionArea | undefined) {
  const memory = new Map<string, unknown>();
  return {
    async get(tabId: number): Promise<AssistTool[] | undefined> {
      const key = tabKey(tabId);
      if (!session) return toolList(memory.get(key));
      return toolList((await session.get(key))[key]);
    },
    async set(tabId: number, tools: AssistTool[] | undefined): Promise<void> {
      const key = tabKey(tabId);
      if (!session) {
        if (tools) memory.set(key, tools);
        else memory.delete(key);
      } else if (tools) await session.set({ [key]: tools });
      else await session.remove(key);
    },
  };
}

export function createAssistService(deps: {
  tabs: {
    get(tabId: number): Promise<{ url?: string }>;
    onUpdated: BrowserEvent<
      (tabId: number, change: { status?: string }, tab: { url?: string }) => void
    >;
    onRemoved: BrowserEvent<(tabId: number) => void>;
  };
  /** Where each tab's choice is kept across the service worker's restarts. */
  store: { session?: SessionArea };
  sendToTab: TabSender;
  injectScript: ScriptInjector;
  /** Chrome's chrome.tts reading (Firefox's 指读 speaks in the page: none here). */
  speech: BackgroundSpeech | undefined;
}) {
  const store = tabStore(deps.store.session);
  /**
   * The pinyin the user turned on over each tab's page (popup → 给网页加拼音), for the caption:
   * it goes with the page, so a new page in the tab forgets it (kept in memory: after the service
   * worker restarts, the caption follows the settings' pinyin until the user sets it again).
   */
  const pagePinyin = new Map<number, PinyinMode>();

  async function toolsOf(tabId: number, url?: string): Promise<AssistTool[]> {
    const chosen = await store.get(tabId);
    if (chosen) return chosen;
    const settings = await loadSettings();
    const host = hostOf(url ?? (await deps.tabs.get(tabId).catch(() => undefined))?.url);
    return toolsForTab(
      undefined,
      host ? settings.sites[host]?.assist : undefined,
      settings.assistDefaults,
    );
  }

  /** Tells the tab's bundle which tools are on, injecting the bundle first if it is not there. */
  async function apply(tabId: number, tools: AssistTool[]): Promise<boolean> {
    const message = {
      type: '→page:assist-tools',
      tools,
      pagePinyin: pagePinyin.get(tabId),
    } as const;
    if ((await deps.sendToTab(tabId, message).catch(() => undefined)) === true) return true;
    // No bundle yet: with nothing on, there is nothing to do (pages with no tool pay nothing).
    if (tools.length === 0) return true;
    if (!(await deps.injectScript(tabId, 'assist'))) return false;
    return (await deps.sendToTab(tabId, message).catch(() => undefined)) === true;
  }

  async function set(tabId: number, tools: AssistTool[]): Promise<AssistSetResult> {
    const clean = toolList(tools) ?? [];
    if (!(await apply(tabId, clean))) return { ok: false, reason: 'not-allowed' };
    await store.set(tabId, clean);
    return { ok: true, tools: clean };
  }

  /** Turns one tool on or off in a tab (keyboard shortcuts). */
  async function toggle(tabId: number, tool: AssistTool): Promise<AssistSetResult> {
    const tools = await toolsOf(tabId);
    return set(tabId, withTool(tools, tool, !tools.includes(tool)));
  }

  /** The tab's page now shows this pinyin: a caption there follows it (no bundle is injected for it). */
  async function pagePinyinChanged(tabId: number, mode: PinyinMode): Promise<void> {
    pagePinyin.set(tabId, mode);
    const tools = await toolsOf(tabId);
    if (tools.length > 0) await apply(tabId, tools);
  }

  // A new page in a tab gets the tab's tools again (the bundle went with the old page).
  deps.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status === 'loading') pagePinyin.delete(tabId);
    if (change.status !== 'complete') return;
    void toolsOf(tabId, tab.url).then((tools) => (tools.length > 0 ? apply(tabId, tools) : true));
  });
  deps.tabs.onRemoved.addListener((tabId) => {
    pagePinyin.delete(tabId);
    void store.set(tabId, undefined);
  });

  // The tab is the one the listener resolved: the popup's named tab, or 指读's own.
  const handlers: MessageHandlers<AssistMessage> = {
    'ui→background:assist-tools': (_message, { tabId }) =>
      tabId === undefined ? [] : toolsOf(tabId),
    'ui→background:assist-set': ({ tools }, { tabId }) =>
      tabId === undefined ? { ok: false, reason: 'no-tab' } : set(tabId, tools),
    'content→background:assist-speak': ({ request }, { tabId }) =>
      tabId === undefined || !deps.speech
        ? { ok: false, reason: 'no-reader' }
        : deps.speech.say(tabId, request),
    'content→background:assist-hush': (_message, { tabId }) => {
      if (tabId !== undefined) deps.speech?.hush(tabId);
      return undefined;
    },
  };
  return { handlers, toggle, pagePinyinChanged };
}
