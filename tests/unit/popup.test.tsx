/**
 * The popup rendered in jsdom against a fake connector (no browser): what it says about the tab,
 * opening the reader (and saying so when the browser refuses), and the reading controls following
 * the speech status it subscribes to, in Chrome's way (the background reads) and Firefox's (the
 * reader reads in its page).
 */
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { judgeArticlePage } from '~/utils/detect/detect-article-page';
import { describeArticle } from '~/utils/extract/article-header';
import { PopupApp } from '~/utils/popup/popup-app';
import type { PopupConnector, PopupStatus } from '../../utils/popup-connector';
import type { SpeechStatus } from '../../utils/speech/speech-protocol';
import { goldenPage } from './golden-pages';
import { byTestId, installDom, renderInto, settle, useZhMessages } from './render-helpers';

const TAB = 5;

function fakeConnector(status: PopupStatus, { readsInPage = false } = {}) {
  let speechListener: ((status: SpeechStatus | undefined) => void) | undefined;
  const unsubscribe = vi.fn();
  const connector: PopupConnector = {
    resolveTabId: async () => TAB,
    getStatus: async () => status,
    getHost: async () => 'www.ziyang.gov.cn',
    openReader: vi.fn(async () => ({ ok: true as const })),
    getZoom: async () => 1,
    setZoom: vi.fn(async () => undefined),
    requestHost: vi.fn(async () => true),
    readsInPage,
    watchSpeech: (listener) => {
      speechListener = listener;
      listener(undefined);
      return unsubscribe;
    },
    speech: vi.fn(async () => undefined),
    convertPage: vi.fn(async () => null),
    pageScript: async () => null,
    assistTools: async () => [],
    setAssistTools: vi.fn(async (_tab: number, tools) => ({ ok: true as const, tools })),
    pinyinPage: vi.fn(async (_tab: number, mode: 'off' | 'rare' | 'all') => ({
      mode,
      loading: false,
    })),
    pagePinyin: async () => null,
    openOptions: vi.fn(),
  };
  /** The background (or the tab's reader) publishes a new status. */
  const publish = (next: SpeechStatus) => act(() => speechListener?.(next));
  return { connector, publish, unsubscribe };
}

const ARTICLE: PopupStatus = {
  kind: 'article',
  siteName: '资阳市人民政府',
  confidence: 1,
  reasons: [],
  title: '从严从实抓好环保问题整改',
  publishedAt: '2021-03-02T09:12',
  dateFrom: 'page:时间',
  source: '资阳日报',
  sourceFrom: 'meta:ContentSource',
};

const reading = (tabId: number, state: 'playing' | 'paused', index: number): SpeechStatus => ({
  progress: { state, index, total: 12, rate: 1, speaking: true },
  tabId,
  noChineseVoice: false,
});

beforeEach(() => {
  installDom();
  fakeBrowser.reset();
  useZhMessages();
});
afterEach(() => {
  document.body.replaceChildren();
});

describe('the popup', () => {
  it('says what the tab is and opens the reader; a refusal is said, not swallowed', async () => {
    const { connector } = fakeConnector(ARTICLE);
    const { container } = await renderInto(
      <PopupApp connector={connector} closeAfterOpen={false} />,
    );
    await settle();
    expect(byTestId(container, 'status-kind')?.textContent).toBe(
      '政府网站文章 · 资阳市人民政府 · 2021-03-02',
    );
    expect(byTestId(container, 'status-title')?.textContent).toBe('从严从实抓好环保问题整改');
    expect(byTestId(container, 'status-details')?.textContent).toBe(
      '发布时间：2021-03-02 09:12（取自页面上的“时间”） · 来源：资阳日报（取自元数据 ContentSource）',
    );
    await act(() => byTestId(container, 'open-reader')?.click());
    await settle();
    expect(connector.openReader).toHaveBeenCalledWith(TAB);
    expect(container.querySelector('[role="alert"]')).toBeNull();

    vi.mocked(connector.openReader).mockResolvedValueOnce({ ok: false, reason: 'not-allowed' });
    await act(() => byTestId(container, 'open-reader')?.click());
    await settle();
    expect(container.querySelector('[role="alert"]')?.textContent).toBe('无法在此页面打开阅读模式');
  });

  it("shows a 信息公开 page's table: its 发布日期, 发布机构 and 文号, each with where it was read", async () => {
    // What the popup's page description (entrypoints/page-description.content.ts) reads from the
    // real golden page, as the connector passes it on.
    const golden = goldenPage('sz-gkmlpt-notice');
    const doc = golden.dom.window.document;
    const verdict = judgeArticlePage(golden.url, doc);
    if (verdict.kind !== 'article') throw new Error('not taken for an article');
    const { connector } = fakeConnector({ ...verdict, ...describeArticle(doc) });
    const { container } = await renderInto(
      <PopupApp connector={connector} closeAfterOpen={false} />,
    );
    await settle();
    expect(byTestId(container, 'status-title')?.textContent).toBe(golden.expected.title);
    expect(byTestId(container, 'status-details')?.textContent).toBe(
      '发布时间：2026-03-10 16:05（取自页面上的“发布日期”） · 来源：深圳市人民政府办公厅（取自页面上的“发布机构”） · 文号：深府办函〔2026〕15号',
    );
  });

  it('puts pinyin on the page itself and takes it off (给网页加拼音)', async () => {
    const { connector } = fakeConnector(ARTICLE);
    const { container } = await renderInto(
      <PopupApp connector={connector} closeAfterOpen={false} />,
    );
    await settle();
    const button = () => byTestId(container, 'page-pinyin');
    expect(button()?.textContent).toBe('给网页加拼音');
    expect(button()?.getAttribute('aria-pressed')).toBe('false');
    // With the reader's pinyin off, the page gets every character.
    await act(() => button()?.click());
    await settle();
    expect(connector.pinyinPage).toHaveBeenLastCalledWith(TAB, 'all');
    expect(button()?.getAttribute('aria-pressed')).toBe('true');
    expect(button()?.textContent).toBe('去掉网页上的拼音');
    await act(() => button()?.click());
    await settle();
    expect(connector.pinyinPage).toHaveBeenLastCalledWith(TAB, 'off');
    expect(button()?.getAttribute('aria-pressed')).toBe('false');
  });

  it('十字线: the guide lines and the ruler are one reading guide, one toggle turning the other off', async () => {
    const { connector } = fakeConnector(ARTICLE);
    const { container } = await renderInto(
      <PopupApp connector={connector} closeAfterOpen={false} />,
    );
    await settle();
    const pressed = () =>
      ['assist-guides', 'assist-ruler'].map((id) =>
        byTestId(container, id)?.getAttribute('aria-pressed'),
      );
    await act(() => byTestId(container, 'assist-guides')?.click());
    await settle();
    expect(connector.setAssistTools).toHaveBeenLastCalledWith(TAB, ['guides']);
    expect(pressed()).toEqual(['true', 'false']);
    await act(() => byTestId(container, 'assist-ruler')?.click());
    await settle();
    expect(connector.setAssistTools).toHaveBeenLastCalledWith(TAB, ['ruler']);
    expect(pressed()).toEqual(['false', 'true']);
    await act(() => byTestId(container, 'assist-ruler')?.click());
    await settle();
    expect(pressed()).toEqual(['false', 'false']);
  });

  it('a page that is not an article: the reader can still be tried', async () => {
    const { connector } = fakeConnector({
      kind: 'not-article',
      siteName: '资阳市人民政府',
      reasons: [],
    });
    const { container } = await renderInto(
      <PopupApp connector={connector} closeAfterOpen={false} />,
    );
    await settle();
    expect(byTestId(container, 'status-kind')?.textContent).toBe('本页不是文章 · 资阳市人民政府');
    expect(byTestId(container, 'open-reader')?.textContent).toBe('仍然尝试阅读模式');
  });
});

describe("the popup's reading controls (Chrome: the background reads)", () => {
  it('follow the published status of this tab, not of another, with no polling', async () => {
    vi.useFakeTimers({ toFake: ['setInterval'] });
    const { connector, publish, unsubscribe } = fakeConnector(ARTICLE);
    const { container, unmount } = await renderInto(
      <PopupApp connector={connector} closeAfterOpen={false} />,
    );
    await settle();
    const play = () => byTestId(container, 'speech-play');
    expect(play()?.dataset.state).toBe('idle');
    expect(vi.getTimerCount()).toBe(0);

    await publish(reading(TAB, 'playing', 2));
    expect(play()?.dataset.state).toBe('playing');
    expect(byTestId(container, 'speech-progress')?.textContent).toBe('第 3/12 句');
    // Another tab's reading is not this tab's.
    await publish(reading(TAB + 1, 'playing', 0));
    expect(play()?.dataset.state).toBe('idle');

    await act(() => play()?.click());
    expect(connector.speech).toHaveBeenCalledWith(TAB, 'toggle');
    unmount();
    expect(unsubscribe).toHaveBeenCalled();
    vi.useRealTimers();
  });
});

describe("the popup's reading controls (Firefox: the reader reads in its page)", () => {
  it('say to start from the reader until this tab has read, then follow and control it', async () => {
    const { connector, publish } = fakeConnector(ARTICLE, { readsInPage: true });
    const { container } = await renderInto(
      <PopupApp connector={connector} closeAfterOpen={false} />,
    );
    await settle();
    expect(byTestId(container, 'speech-play')).toBeNull();
    expect(container.textContent).toContain('在阅读模式的工具栏中点击“朗读”开始。');

    await publish(reading(TAB, 'paused', 4));
    expect(byTestId(container, 'speech-play')?.dataset.state).toBe('paused');
    expect(byTestId(container, 'speech-progress')?.textContent).toBe('第 5/12 句');
    await act(() => byTestId(container, 'speech-next')?.click());
    expect(connector.speech).toHaveBeenCalledWith(TAB, 'next');
  });
});
