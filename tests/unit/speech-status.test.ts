/**
 * The speech status the popup follows: published in session storage by the background (its own
 * reading, or a page reader's report with the sender's tab), followed through storage changes.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { MessageSender } from '../../utils/messages';
import { createBackgroundSpeech } from '../../utils/speech/background-speech';
import type { SpeechEngine } from '../../utils/speech/engine';
import type { SpeechStatus } from '../../utils/speech/speech-protocol';
import {
  createPageSpeechStatusListener,
  publishSpeechStatus,
  SPEECH_STATUS_KEY,
  type SpeechStatusStorage,
  watchSpeechStatus,
} from '../../utils/speech/speech-status';

const storage = fakeBrowser.storage as unknown as SpeechStatusStorage;
const progress = (state: 'idle' | 'playing' | 'paused', index = 0, total = 3) => ({
  state,
  index,
  total,
  rate: 1,
  speaking: state === 'playing',
});

/** Lets storage writes and their change events settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => fakeBrowser.reset());

describe('following the speech status', () => {
  it('gives the stored status first, then each change, until unsubscribed', async () => {
    const first: SpeechStatus = { progress: progress('playing'), tabId: 7, noChineseVoice: false };
    await fakeBrowser.storage.session.set({ [SPEECH_STATUS_KEY]: first });
    const seen: (SpeechStatus | undefined)[] = [];
    const stop = watchSpeechStatus(storage, (status) => seen.push(status));
    await settle();
    expect(seen).toEqual([first]);

    const second: SpeechStatus = {
      progress: progress('paused', 1),
      tabId: 7,
      noChineseVoice: false,
    };
    publishSpeechStatus(storage, second);
    await settle();
    expect(seen).toEqual([first, second]);

    stop();
    publishSpeechStatus(storage, { ...second, progress: progress('idle') });
    await settle();
    expect(seen).toHaveLength(2);
  });

  it('says undefined when nothing has read yet, and ignores other keys and areas', async () => {
    const seen: (SpeechStatus | undefined)[] = [];
    watchSpeechStatus(storage, (status) => seen.push(status));
    await settle();
    await fakeBrowser.storage.session.set({ other: 1 });
    await fakeBrowser.storage.local.set({ [SPEECH_STATUS_KEY]: 'not this one' });
    await settle();
    expect(seen).toEqual([undefined]);
  });
});

describe("a page reader's report (Firefox)", () => {
  it("is published with the sender's tab; a sender without a tab is ignored", async () => {
    const listener = createPageSpeechStatusListener(storage);
    const report = {
      type: 'content→background:speech-status',
      progress: progress('playing', 2, 5),
      noChineseVoice: false,
    };
    await listener(report, {} as MessageSender);
    await settle();
    expect(await fakeBrowser.storage.session.get(SPEECH_STATUS_KEY)).toEqual({});
    await listener(report, {
      tab: { id: 12 },
      url: 'https://www.gov.cn/zhengce/a.htm',
    } as MessageSender);
    await settle();
    expect(await fakeBrowser.storage.session.get(SPEECH_STATUS_KEY)).toEqual({
      [SPEECH_STATUS_KEY]: {
        progress: progress('playing', 2, 5),
        tabId: 12,
        noChineseVoice: false,
      },
    });
  });
});

describe("the background's reading (Chrome)", () => {
  it('publishes who reads and where it stands, and idle once the tab is gone', async () => {
    let events: Parameters<SpeechEngine['speak']>[1] | undefined;
    const engine: SpeechEngine = {
      speak: (_utterance, handlers) => {
        events = handlers;
      },
      cancel: () => undefined,
      getVoices: async () => [{ name: 'cmn', lang: 'cmn', localService: true }],
    };
    const published: SpeechStatus[] = [];
    const speech = createBackgroundSpeech({
      engine,
      sendProgress: async () => undefined,
      sendStop: async () => undefined,
      requestPlan: async () => null,
      publish: (status) => published.push(status),
    });
    const started = await speech.start(3, {
      chunks: ['一', '二'],
      lang: 'zh-Hans',
      startIndex: 0,
      rate: 1,
    });
    expect(started.ok).toBe(true);
    events?.onStart();
    expect(published.at(-1)).toMatchObject({
      tabId: 3,
      progress: { state: 'playing', index: 0, total: 2, speaking: true },
    });
    events?.onEnd();
    events?.onStart(); // the second chunk's
    expect(published.at(-1)).toMatchObject({ tabId: 3, progress: { state: 'playing', index: 1 } });
    speech.forgetTab(3);
    expect(published.at(-1)).toEqual(
      expect.objectContaining({ progress: expect.objectContaining({ state: 'idle' }) }),
    );
    expect(published.at(-1)?.tabId).toBeUndefined();
  });
});

describe('whether only a network voice would read, before the first play', () => {
  it('the first status asked looks at the voices and publishes what it found (Chrome)', async () => {
    const published: SpeechStatus[] = [];
    const speech = createBackgroundSpeech({
      engine: {
        speak: () => undefined,
        cancel: () => undefined,
        getVoices: async () => [{ name: 'Google 普通话', lang: 'zh-CN', localService: false }],
      },
      sendProgress: async () => undefined,
      sendStop: async () => undefined,
      requestPlan: async () => null,
      publish: (status) => published.push(status),
    });
    expect(speech.status().networkVoice).toBe(false);
    await settle();
    expect(published.at(-1)).toMatchObject({ networkVoice: true, noChineseVoice: false });
  });

  it("a page reader's report carries it to the popup (Firefox)", async () => {
    const listener = createPageSpeechStatusListener(storage);
    await listener(
      {
        type: 'content→background:speech-status',
        progress: progress('playing'),
        noChineseVoice: false,
        networkVoice: true,
      },
      { tab: { id: 4 }, url: 'https://www.gov.cn/zhengce/a.htm' } as MessageSender,
    );
    await settle();
    const stored = await fakeBrowser.storage.session.get(SPEECH_STATUS_KEY);
    expect(stored[SPEECH_STATUS_KEY]).toMatchObject({ tabId: 4, networkVoice: true });
  });
});
