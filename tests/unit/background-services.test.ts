/**
 * The background's services (utils/background/), each over WXT's fake browser: messages come in
 * through `runtime.onMessage` with the sender the browser would report, so the protocol's sender
 * and payload checks are part of what is tested.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createAssistService } from '~/utils/background/assist-service';
import { createBundleInjection } from '~/utils/background/bundle-injection';
import { startDetectorSync } from '~/utils/background/detector-sync';
import { createExtractionRelay } from '~/utils/background/extraction-relay';
import { createPageConversion } from '~/utils/background/page-conversion';
import { createPageDetection } from '~/utils/background/page-detection';
import { createReaderOpening } from '~/utils/background/reader-opening';
import { listenForShortcuts } from '~/utils/background/shortcuts';
import { createSpeechService } from '~/utils/background/speech-service';
import { createScriptInjector } from '~/utils/background/tab-scripts';
import { BACKGROUND_PROTOCOL } from '~/utils/background-messages';
import {
  createMessageListener,
  createTabSender,
  type MessageHandlers,
  type MessageSender,
  type MessageType,
} from '~/utils/messages';
import { loadSettings, updateSettings } from '~/utils/settings-storage';
import type { BackgroundSpeech } from '~/utils/speech/background-speech';
import type { ChromeTtsApi } from '~/utils/speech/engine';

const ORIGIN = fakeBrowser.runtime.getURL('/');
const READER_TAB = 7;
const OTHER_TAB = 8;
const FROM_PAGE: MessageSender = {
  tab: { id: READER_TAB },
  frameId: 0,
  url: 'https://www.ziyang.gov.cn/zwgk/2024/1.html',
};
const FROM_POPUP: MessageSender = { url: `${ORIGIN}popup.html` };

/** A message as the browser delivers it to the background's listener; resolves to the answer. */
async function deliver(message: { type: string } & Record<string, unknown>, sender: MessageSender) {
  const answers = await fakeBrowser.runtime.onMessage.trigger(message, sender as never);
  return answers.find((answer) => answer !== undefined);
}

function listen(handlers: Partial<MessageHandlers<MessageType>>) {
  fakeBrowser.runtime.onMessage.addListener(createMessageListener(BACKGROUND_PROTOCOL, handlers));
}

/** Records what the background runs in tabs and what it tells them. */
function fakeTabs(answer: (tabId: number, message: { type: string }) => unknown = () => undefined) {
  const injected: { tabId: number; frameIds?: number[]; files: string[] }[] = [];
  const told: { tabId: number; type: string }[] = [];
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(async (injection) => {
    const { target, files } = injection as {
      target: { tabId: number; frameIds?: number[] };
      files: string[];
    };
    if (target.tabId === 666) throw new Error('Cannot access contents of the page');
    injected.push({
      tabId: target.tabId,
      ...(target.frameIds && { frameIds: target.frameIds }),
      files,
    });
    return [];
  });
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (tabId, message) => {
    told.push({ tabId, type: (message as { type: string }).type });
    const reply = answer(tabId, message as { type: string });
    if (reply instanceof Error) throw reply;
    return reply;
  });
  const sendToTab = createTabSender(fakeBrowser.tabs);
  const injectScript = createScriptInjector(fakeBrowser.scripting);
  return { injected, told, sendToTab, injectScript };
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => key);
});

describe('reader opening', () => {
  it('asks a reader already in the tab first, and injects one only when none answers', async () => {
    const tabs = fakeTabs((tabId) => (tabId === READER_TAB ? true : new Error('no listener')));
    const { openReader } = createReaderOpening(tabs);
    await expect(openReader(READER_TAB)).resolves.toEqual({ ok: true });
    expect(tabs.injected).toEqual([]);
    await expect(openReader(OTHER_TAB)).resolves.toEqual({ ok: true });
    expect(tabs.injected).toEqual([{ tabId: OTHER_TAB, files: ['/content-scripts/reader.js'] }]);
    await expect(openReader(666)).resolves.toEqual({ ok: false, reason: 'not-allowed' });
    await expect(openReader(undefined)).resolves.toEqual({ ok: false, reason: 'no-tab' });
  });

  it("opens the tab the popup names, and only a content script's own tab", async () => {
    const tabs = fakeTabs(() => new Error('no listener'));
    listen(createReaderOpening(tabs).handlers);
    await deliver({ type: 'ui→background:open-reader', tabId: 9 }, FROM_POPUP);
    await deliver({ type: 'ui→background:open-reader' }, FROM_PAGE);
    expect(tabs.injected.map((run) => run.tabId)).toEqual([9, READER_TAB]);
    // The on-page button of one tab cannot open the reader in another.
    await expect(
      deliver({ type: 'ui→background:open-reader', tabId: OTHER_TAB }, FROM_PAGE),
    ).resolves.toBeUndefined();
    expect(tabs.injected.map((run) => run.tabId)).toEqual([9, READER_TAB]);
  });
});

describe('page conversion', () => {
  it('injects the page conversion and asks it to convert, for the popup only', async () => {
    const tabs = fakeTabs((_tab, message) =>
      message.type === '→page:convert-page'
        ? { shown: 'tw', from: 'cn', loading: false }
        : undefined,
    );
    listen(createPageConversion(tabs).handlers);
    const convert = { type: 'ui→background:convert-page', tabId: 9, script: 'tw', source: 'auto' };
    await expect(deliver(convert, FROM_POPUP)).resolves.toMatchObject({ shown: 'tw' });
    expect(tabs.injected).toEqual([{ tabId: 9, files: ['/content-scripts/page-convert.js'] }]);
    expect(tabs.told).toEqual([{ tabId: 9, type: '→page:convert-page' }]);
    // A page's content script cannot convert a tab, its own or another.
    await expect(deliver({ ...convert, tabId: READER_TAB }, FROM_PAGE)).resolves.toBeUndefined();
    await expect(deliver({ ...convert, script: 'klingon' }, FROM_POPUP)).resolves.toBeUndefined();
    expect(tabs.injected).toHaveLength(1);
  });

  it('says null where the page cannot be converted', async () => {
    const tabs = fakeTabs();
    const { convertPageIn } = createPageConversion(tabs);
    await expect(convertPageIn(666, 'tw', 'auto')).resolves.toBeNull();
  });
});

describe('bundle injection', () => {
  it('injects allowed bundles into the frame that asked', async () => {
    const tabs = fakeTabs();
    listen(createBundleInjection(fakeBrowser.scripting).handlers);
    await expect(
      deliver(
        { type: 'content→background:load-bundles', bundles: ['convert-engine', 'opencc-ts'] },
        { ...FROM_PAGE, frameId: 3 },
      ),
    ).resolves.toEqual({ ok: true });
    expect(tabs.injected).toEqual([
      { tabId: READER_TAB, frameIds: [3], files: ['/convert-engine.js', '/opencc-ts.js'] },
    ]);
    await expect(
      deliver({ type: 'content→background:load-bundles', bundles: ['../background'] }, FROM_PAGE),
    ).resolves.toBeUndefined();
    expect(tabs.injected).toHaveLength(1);
  });
});

describe('extraction relay', () => {
  const content = { kind: 'no-article' } as const;

  it('creates the extractor document once and passes pages on to it', async () => {
    let exists = false;
    const offscreen = {
      hasDocument: vi.fn(async () => exists),
      createDocument: vi.fn(async () => {
        exists = true;
      }),
      closeDocument: vi.fn(async () => {
        exists = false;
      }),
    };
    const sendToExtractor = vi.fn(async () => content);
    const relay = createExtractionRelay({ offscreen, sendToExtractor });
    listen(relay.handlers);
    relay.prepare();
    const html = '<html><body><p>正文</p></body></html>';
    await expect(
      deliver({ type: 'content→background:extract-article', html, url: FROM_PAGE.url }, FROM_PAGE),
    ).resolves.toBe(content);
    expect(offscreen.createDocument).toHaveBeenCalledTimes(1);
    expect(sendToExtractor).toHaveBeenCalledWith(html, FROM_PAGE.url);
    // Not a page's HTML: refused before the extractor sees it.
    await expect(
      deliver(
        { type: 'content→background:extract-article', html: {}, url: FROM_PAGE.url },
        FROM_PAGE,
      ),
    ).resolves.toBeUndefined();
    expect(sendToExtractor).toHaveBeenCalledTimes(1);
  });
});

describe('page detection', () => {
  const article = { kind: 'article', confidence: 6, reasons: ['gov-article-metadata'] };

  function detection(tabs: ReturnType<typeof fakeTabs>) {
    const openReader = vi.fn(async () => ({ ok: true }));
    const convertPageIn = vi.fn(async () => null);
    const prepareExtraction = vi.fn();
    listen(
      createPageDetection({
        action: fakeBrowser.action,
        ...tabs,
        prepareExtraction,
        convertPageIn,
        openReader,
      }).handlers,
    );
    return { openReader, convertPageIn, prepareExtraction };
  }

  it("badges the sender's tab and offers the on-page button on an article", async () => {
    const tabs = fakeTabs();
    const { prepareExtraction } = detection(tabs);
    await deliver({ type: 'content→background:page-detected', verdict: article }, FROM_PAGE);
    expect(await fakeBrowser.action.getBadgeText({ tabId: READER_TAB })).toBe('badgeArticle');
    expect(prepareExtraction).toHaveBeenCalled();
    expect(tabs.injected).toEqual([{ tabId: READER_TAB, files: ['/content-scripts/entry.js'] }]);

    await deliver(
      { type: 'content→background:page-detected', verdict: { kind: 'not-article', reasons: [] } },
      FROM_PAGE,
    );
    expect(await fakeBrowser.action.getBadgeText({ tabId: READER_TAB })).toBe('');
    expect(tabs.told).toEqual([{ tabId: READER_TAB, type: '→page:hide-entry' }]);
  });

  it("follows the sender's site choices, by the address the browser reports", async () => {
    const settings = await loadSettings();
    await updateSettings({
      sites: { ...settings.sites, 'www.ziyang.gov.cn': { autoOpen: true, script: 'tw' } },
    });
    const tabs = fakeTabs();
    const { openReader, convertPageIn } = detection(tabs);
    await deliver({ type: 'content→background:page-detected', verdict: article }, FROM_PAGE);
    expect(convertPageIn).toHaveBeenCalledWith(READER_TAB, 'tw', 'auto');
    expect(openReader).toHaveBeenCalledWith(READER_TAB);
    expect(tabs.injected).toEqual([]);
  });

  it("hides the button on the sender's own site, whatever host the message names", async () => {
    detection(fakeTabs());
    await deliver({ type: 'content→background:hide-entry-button', host: 'www.gov.cn' }, FROM_PAGE);
    const { sites } = await loadSettings();
    expect(sites).toEqual({ 'www.ziyang.gov.cn': { hideEntryButton: true } });
  });

  it('takes no report from anything but a content script', async () => {
    const tabs = fakeTabs();
    detection(tabs);
    await deliver({ type: 'content→background:page-detected', verdict: article }, FROM_POPUP);
    await deliver({ type: 'content→background:page-detected', verdict: 'article' }, FROM_PAGE);
    expect(tabs.injected).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({ tabId: READER_TAB })).toBe('');
  });
});

describe('speech service', () => {
  function fakeTts() {
    const spoken: { text: string; rate?: number }[] = [];
    const tts: ChromeTtsApi = {
      speak: (text, options) => {
        spoken.push({ text, rate: options.rate });
        options.onEvent?.({ type: 'start' });
      },
      stop: () => {},
      getVoices: (callback) => callback([{ voiceName: 'Mandarin', lang: 'zh-CN' }]),
    };
    return { tts, spoken };
  }
  const request = { chunks: ['第一句。', '第二句。'], startIndex: 0, rate: 1.2, lang: 'zh-Hans' };

  it("reads a reader's plan in its own tab, and refuses rates and chunks out of bounds", async () => {
    const { tts, spoken } = fakeTts();
    const tabs = fakeTabs();
    listen(
      createSpeechService({
        tts,
        tabs: fakeBrowser.tabs,
        store: fakeBrowser.storage,
        sendToTab: tabs.sendToTab,
        openReader: async () => ({ ok: true }),
      }).handlers,
    );
    await deliver(
      { type: 'content→background:speech-start', request: { ...request, rate: 1e9 } },
      FROM_PAGE,
    );
    await deliver(
      {
        type: 'content→background:speech-start',
        request: { ...request, chunks: ['长'.repeat(40_000)] },
      },
      FROM_PAGE,
    );
    expect(spoken).toEqual([]);
    await expect(
      deliver({ type: 'content→background:speech-start', request }, FROM_PAGE),
    ).resolves.toMatchObject({ ok: true });
    expect(spoken).toEqual([{ text: '第一句。', rate: 1.2 }]);
    const status = await deliver({ type: 'ui→background:speech-status' }, FROM_POPUP);
    expect(status).toMatchObject({ tabId: READER_TAB, progress: { state: 'playing' } });
    // Another tab's reader cannot stop or steer this reading.
    await expect(
      deliver(
        { type: 'ui→background:speech-control', tabId: READER_TAB, action: 'stop' },
        {
          ...FROM_PAGE,
          tab: { id: OTHER_TAB },
        },
      ),
    ).resolves.toBeUndefined();
    expect(await deliver({ type: 'ui→background:speech-status' }, FROM_POPUP)).toMatchObject({
      progress: { state: 'playing' },
    });
  });

  it("does not read a plan from a tab that breaks the protocol's bounds", async () => {
    const { tts, spoken } = fakeTts();
    const tabs = fakeTabs((_tab, message) =>
      message.type === '→page:speech-plan'
        ? { ...request, chunks: ['长'.repeat(40_000)] }
        : undefined,
    );
    listen(
      createSpeechService({
        tts,
        tabs: fakeBrowser.tabs,
        store: fakeBrowser.storage,
        sendToTab: tabs.sendToTab,
        openReader: async () => ({ ok: true }),
      }).handlers,
    );
    await deliver(
      { type: 'ui→background:speech-control', tabId: READER_TAB, action: 'play' },
      FROM_POPUP,
    );
    expect(tabs.told.map((m) => m.type)).toContain('→page:speech-plan');
    expect(spoken).toEqual([]);
  });

  it('forgets a tab that closes', async () => {
    const { tts } = fakeTts();
    const tabs = fakeTabs();
    const { speech, handlers } = createSpeechService({
      tts,
      tabs: fakeBrowser.tabs,
      store: fakeBrowser.storage,
      sendToTab: tabs.sendToTab,
      openReader: async () => ({ ok: true }),
    });
    listen(handlers);
    await speech.start(READER_TAB, request);
    await fakeBrowser.tabs.onRemoved.trigger(READER_TAB, { windowId: 1, isWindowClosing: false });
    expect(speech.status().progress.state).toBe('idle');
  });
});

describe('assist tools', () => {
  /** A tab's tools bundle answers once it has been injected there. */
  function assistTabs() {
    const tabs = fakeTabs((tabId, message) =>
      message.type === '→page:assist-tools' && tabs.injected.some((run) => run.tabId === tabId)
        ? true
        : new Error('no listener'),
    );
    return tabs;
  }
  function service(tabs: ReturnType<typeof fakeTabs>, speech?: BackgroundSpeech) {
    const assist = createAssistService({
      tabs: fakeBrowser.tabs,
      store: fakeBrowser.storage,
      sendToTab: tabs.sendToTab,
      injectScript: tabs.injectScript,
      speech,
    });
    listen(assist.handlers);
    return assist;
  }

  it("injects the tools' bundle only into the popup's tab once a tool is on there", async () => {
    const tabs = assistTabs();
    service(tabs);
    const set = (tabId: number, tools: unknown, from = FROM_POPUP) =>
      deliver({ type: 'ui→background:assist-set', tabId, tools }, from);
    await expect(
      deliver({ type: 'ui→background:assist-tools', tabId: 9 }, FROM_POPUP),
    ).resolves.toEqual([]);
    await expect(set(9, [])).resolves.toEqual({ ok: true, tools: [] });
    expect(tabs.injected).toEqual([]);
    await expect(set(9, ['ruler', 'pointRead'])).resolves.toEqual({
      ok: true,
      tools: ['pointRead', 'ruler'],
    });
    expect(tabs.injected).toEqual([{ tabId: 9, files: ['/assist.js'] }]);
    await expect(
      deliver({ type: 'ui→background:assist-tools', tabId: 9 }, FROM_POPUP),
    ).resolves.toEqual(['pointRead', 'ruler']);
    await expect(set(666, ['cursor'])).resolves.toEqual({ ok: false, reason: 'not-allowed' });
    // A page's content script cannot turn tools on, in its own tab or another; nor can a popup
    // name tools that do not exist.
    await expect(set(READER_TAB, ['cursor'], FROM_PAGE)).resolves.toBeUndefined();
    await expect(set(9, ['cursor', 'keylogger'])).resolves.toBeUndefined();
    await expect(set(9, Array(6).fill('cursor'))).resolves.toBeUndefined();
    expect(tabs.injected).toEqual([{ tabId: 9, files: ['/assist.js'] }]);
    expect(tabs.told.filter((told) => told.tabId !== 666).map((told) => told.tabId)).toEqual([
      9, 9, 9,
    ]);
    // One reading guide at most (the guide lines or the ruler), whatever the popup names: the
    // tab keeps the ruler alone.
    await expect(set(9, ['guides', 'ruler'])).resolves.toEqual({ ok: true, tools: ['ruler'] });
    await expect(
      deliver({ type: 'ui→background:assist-tools', tabId: 9 }, FROM_POPUP),
    ).resolves.toEqual(['ruler']);
  });

  it("gives an untouched tab its site's tools and the defaults, again on each new page", async () => {
    await updateSettings({
      assistDefaults: ['cursor'],
      sites: { 'www.ziyang.gov.cn': { assist: ['caption'] } },
    });
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.ziyang.gov.cn/zwgk/1.html' });
    const tabId = tab.id as number;
    const tabs = assistTabs();
    service(tabs);
    const toolsOn = () => deliver({ type: 'ui→background:assist-tools', tabId }, FROM_POPUP);
    await expect(toolsOn()).resolves.toEqual(['caption', 'cursor']);
    await fakeBrowser.tabs.onUpdated.trigger(tabId, { status: 'complete' }, tab);
    await vi.waitFor(() => expect(tabs.injected).toEqual([{ tabId, files: ['/assist.js'] }]));
    // What the user sets in the tab wins, "all off" too, until the tab closes.
    await deliver({ type: 'ui→background:assist-set', tabId, tools: [] }, FROM_POPUP);
    await expect(toolsOn()).resolves.toEqual([]);
    await fakeBrowser.tabs.onRemoved.trigger(tabId, { windowId: 1, isWindowClosing: false });
    await vi.waitFor(async () => expect(await toolsOn()).toEqual(['caption', 'cursor']));
  });

  it('tells the caption the pinyin the user puts over the page, until the tab shows a new page', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.ziyang.gov.cn/zwgk/1.html' });
    const tabId = tab.id as number;
    const toldPinyin: (string | undefined)[] = [];
    const tabs = fakeTabs((to, message) => {
      if (message.type === '→page:pinyin-page')
        return { mode: (message as { type: string; mode?: string }).mode };
      if (message.type !== '→page:assist-tools') return undefined;
      toldPinyin.push((message as { pagePinyin?: string }).pagePinyin);
      return tabs.injected.some((run) => run.tabId === to) ? true : new Error('no listener');
    });
    const assist = service(tabs);
    const conversion = createPageConversion({
      sendToTab: tabs.sendToTab,
      injectScript: tabs.injectScript,
      onPagePinyin: assist.pagePinyinChanged,
    });
    listen(conversion.handlers);
    // Pinyin over the page with no tool on: nothing is injected for it.
    await deliver({ type: 'ui→background:pinyin-page', tabId, mode: 'rare' }, FROM_POPUP);
    await vi.waitFor(() =>
      expect(tabs.injected).toEqual([{ tabId, files: ['/content-scripts/page-convert.js'] }]),
    );
    expect(toldPinyin).toEqual([]);
    await deliver({ type: 'ui→background:assist-set', tabId, tools: ['caption'] }, FROM_POPUP);
    expect(toldPinyin.at(-1)).toBe('rare');
    await deliver({ type: 'ui→background:pinyin-page', tabId, mode: 'all' }, FROM_POPUP);
    await vi.waitFor(() => expect(toldPinyin.at(-1)).toBe('all'));
    await deliver({ type: 'ui→background:pinyin-page', tabId, mode: 'off' }, FROM_POPUP);
    await vi.waitFor(() => expect(toldPinyin.at(-1)).toBe('off'));
    // A new page in the tab has no pinyin of the user's: the caption follows the settings again.
    await fakeBrowser.tabs.onUpdated.trigger(tabId, { status: 'loading' }, tab);
    await fakeBrowser.tabs.onUpdated.trigger(tabId, { status: 'complete' }, tab);
    await vi.waitFor(() => expect(toldPinyin.length).toBeGreaterThan(3));
    expect(toldPinyin.at(-1)).toBeUndefined();
  });

  it("says 指读's text in the sender's own tab only, and nothing beyond one element's text", async () => {
    const spoken: string[] = [];
    let stops = 0;
    const tts: ChromeTtsApi = {
      speak: (text, options) => {
        spoken.push(text);
        options.onEvent?.({ type: 'start' });
      },
      stop: () => {
        stops += 1;
      },
      getVoices: (callback) => callback([{ voiceName: 'Mandarin', lang: 'zh-CN' }]),
    };
    const tabs = fakeTabs();
    const { speech } = createSpeechService({
      tts,
      tabs: fakeBrowser.tabs,
      store: fakeBrowser.storage,
      sendToTab: tabs.sendToTab,
      openReader: async () => ({ ok: true }),
    });
    service(tabs, speech);
    const request = { chunks: ['链接，通知公告'], startIndex: 0, rate: 1, lang: 'zh-Hans' };
    const speak = { type: 'content→background:assist-speak', request };
    await expect(deliver(speak, FROM_POPUP)).resolves.toBeUndefined();
    const tooLong = { ...request, chunks: Array(101).fill('长'.repeat(80)) };
    await expect(deliver({ ...speak, request: tooLong }, FROM_PAGE)).resolves.toBeUndefined();
    expect(spoken).toEqual([]);
    await expect(deliver(speak, FROM_PAGE)).resolves.toMatchObject({ ok: true });
    expect(spoken).toEqual(['链接，通知公告']);
    // 指读 is not a reading the popup follows or the reader highlights.
    expect(speech.status(READER_TAB).progress.state).toBe('idle');
    expect(tabs.told).toEqual([]);
    const before = stops;
    await deliver({ type: 'content→background:assist-hush' }, FROM_PAGE);
    expect(stops).toBeGreaterThan(before);
  });
});

describe('shortcuts', () => {
  it('toggles the reader where there is one, opens it where not, and reads aloud', async () => {
    const listeners: ((command: string) => void)[] = [];
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((listener) => {
      listeners.push(listener as (command: string) => void);
    });
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.gov.cn/a.htm', active: true });
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async (query) =>
      query.active ? [{ ...tab, active: true }] : [],
    );
    let hasReader = false;
    const tabs = fakeTabs(() => (hasReader ? { open: true } : new Error('no listener')));
    const openReader = vi.fn(async () => ({ ok: true }));
    const toggleBackgroundSpeech = vi.fn(async () => undefined);
    const toggleTool = vi.fn(async () => undefined);
    listenForShortcuts({
      commands: fakeBrowser.commands,
      tabs: fakeBrowser.tabs,
      sendToTab: tabs.sendToTab,
      openReader,
      toggleBackgroundSpeech,
      toggleTool,
    });
    const press = async (command: string) => {
      for (const listener of listeners) listener(command);
      await new Promise((resolve) => setTimeout(resolve, 10));
    };
    await press('toggle-reader');
    expect(openReader).toHaveBeenCalledWith(tab.id);
    hasReader = true;
    await press('toggle-reader');
    expect(openReader).toHaveBeenCalledTimes(1);
    expect(tabs.told.at(-1)).toEqual({ tabId: tab.id, type: '→page:reader-toggle' });
    await press('toggle-speech');
    expect(toggleBackgroundSpeech).toHaveBeenCalledWith(tab.id);
    await press('toggle-point-read');
    await press('toggle-caption');
    expect(toggleTool.mock.calls).toEqual([
      [tab.id, 'pointRead'],
      [tab.id, 'caption'],
    ]);
  });
});

describe('detector sync', () => {
  it('registers again when the site list or the permissions change, not on other settings', async () => {
    const permissionListeners: (() => void)[] = [];
    const events = {
      onAdded: { addListener: (listener: () => void) => permissionListeners.push(listener) },
      onRemoved: { addListener: (listener: () => void) => permissionListeners.push(listener) },
    };
    const synced: string[][] = [];
    await startDetectorSync({
      permissions: events,
      syncSiteDetector: async (hosts) => synced.push(hosts),
    });
    expect(synced).toEqual([[]]);
    await updateSettings({ fontSizePx: 30 });
    await vi.waitFor(async () => expect((await loadSettings()).fontSizePx).toBe(30));
    await updateSettings({ sites: { 'news.example.com': { autoOpen: true } } });
    await vi.waitFor(() => expect(synced).toEqual([[], ['news.example.com']]));
    permissionListeners[0]?.();
    await vi.waitFor(() => expect(synced).toHaveLength(3));
  });
});
