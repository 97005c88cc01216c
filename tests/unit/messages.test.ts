import { describe, expect, it, vi } from 'vitest';
import { BACKGROUND_PROTOCOL } from '~/utils/background-messages';
import {
  checkMessage,
  createMessageListener,
  type MessageSender,
  type MessageType,
  senderKindOf,
} from '~/utils/messages';
import {
  ASSIST_MESSAGES,
  DETECTOR_MESSAGES,
  ENTRY_BUTTON_MESSAGES,
  PAGE_CONVERT_MESSAGES,
} from '~/utils/page-messages';
import { READER_MESSAGES } from '~/utils/reader/reader-messages';
import { MAX_CHUNK_CHARACTERS } from '~/utils/speech/chunk';

const ORIGIN = 'chrome-extension://abcdefghijklmnop/';
/** The senders the browser reports, one of each kind. */
const FROM = {
  content: { tab: { id: 7 }, frameId: 0, url: 'https://www.ziyang.gov.cn/zwgk/1.html' },
  popup: { url: `${ORIGIN}popup.html` },
  popupInTab: { tab: { id: 3 }, url: `${ORIGIN}popup.html?tabId=7` },
  options: { tab: { id: 4 }, url: `${ORIGIN}options.html` },
  extractor: { url: `${ORIGIN}extractor.html` },
  background: { url: `${ORIGIN}background.js` },
  firefoxBackground: { url: `${ORIGIN}_generated_background_page.html` },
} satisfies Record<string, MessageSender>;

const SPEECH_REQUEST = {
  chunks: ['第一句。', '第二句。'],
  startIndex: 0,
  rate: 1,
  lang: 'zh-Hans',
};

/** Each receiver's table: the content scripts' (`→page`), then the background's. */
const TABLES = [
  ASSIST_MESSAGES,
  DETECTOR_MESSAGES,
  ENTRY_BUTTON_MESSAGES,
  PAGE_CONVERT_MESSAGES,
  READER_MESSAGES,
  BACKGROUND_PROTOCOL,
];
/** The whole protocol: every message type once. */
const PROTOCOL = {
  ...ASSIST_MESSAGES,
  ...DETECTOR_MESSAGES,
  ...ENTRY_BUTTON_MESSAGES,
  ...PAGE_CONVERT_MESSAGES,
  ...READER_MESSAGES,
  ...BACKGROUND_PROTOCOL,
};

describe('the protocol tables', () => {
  it('gives every message type its senders and a validator', () => {
    const types = Object.keys(PROTOCOL) as MessageType[];
    expect(types.length).toBeGreaterThan(20);
    // No message is in two receivers' tables.
    expect(types).toHaveLength(TABLES.reduce((sum, table) => sum + Object.keys(table).length, 0));
    for (const type of types) {
      const rule = PROTOCOL[type];
      expect(rule.from.length, type).toBeGreaterThan(0);
      expect(typeof rule.valid, type).toBe('function');
      // The direction in the name is what the table enforces.
      if (type.startsWith('content→')) expect(rule.from, type).toEqual(['content']);
      if (type.startsWith('→page:')) expect(rule.from, type).not.toContain('content');
      if (type.startsWith('background→')) expect(rule.from, type).toEqual(['background']);
    }
  });

  it("keeps each message in its receiver's table: content scripts bundle only their own", () => {
    for (const table of TABLES.slice(0, -1))
      for (const type of Object.keys(table)) expect(type).toMatch(/^→page:/);
    for (const type of Object.keys(BACKGROUND_PROTOCOL))
      expect(type).toMatch(/^(content|ui)→background:|^background→extractor:/);
  });
});

describe('senderKindOf', () => {
  it('tells the kinds apart by the address the browser reports', () => {
    expect(senderKindOf(FROM.content, ORIGIN)).toBe('content');
    expect(senderKindOf(FROM.popup, ORIGIN)).toBe('extension-page');
    expect(senderKindOf(FROM.popupInTab, ORIGIN)).toBe('extension-page');
    expect(senderKindOf(FROM.options, ORIGIN)).toBe('extension-page');
    expect(senderKindOf(FROM.extractor, ORIGIN)).toBe('extractor');
    expect(senderKindOf(FROM.background, ORIGIN)).toBe('background');
    expect(senderKindOf(FROM.firefoxBackground, ORIGIN)).toBe('background');
  });

  it('does not take a page whose address merely mentions the extension for one of its pages', () => {
    const lookalike = { tab: { id: 7 }, url: `https://evil.example/?${ORIGIN}popup.html` };
    expect(senderKindOf(lookalike, ORIGIN)).toBe('content');
    expect(senderKindOf({ url: 'https://evil.example/' }, ORIGIN)).toBeUndefined();
  });
});

describe('checkMessage', () => {
  const check = (message: { type: MessageType } & Record<string, unknown>, from: MessageSender) =>
    checkMessage(PROTOCOL, message, from, ORIGIN);

  it("acts on a content script's own tab, and on the tab the extension's pages name", () => {
    expect(check({ type: 'ui→background:speech-status' }, FROM.content)).toMatchObject({
      kind: 'content',
      tabId: 7,
    });
    expect(check({ type: 'ui→background:speech-status', tabId: 9 }, FROM.popup)).toMatchObject({
      kind: 'extension-page',
      tabId: 9,
    });
    expect(check({ type: 'ui→background:speech-status', tabId: 7 }, FROM.popupInTab)).toMatchObject(
      { tabId: 7 },
    );
  });

  it("refuses a content script's message that names another tab", () => {
    for (const type of ['ui→background:open-reader', 'ui→background:speech-status'] as const)
      expect(check({ type, tabId: 8 }, FROM.content), type).toHaveProperty('refused');
    expect(
      check({ type: 'ui→background:speech-control', tabId: 8, action: 'stop' }, FROM.content),
    ).toHaveProperty('refused');
    // Its own tab, named, is still its own tab.
    expect(check({ type: 'ui→background:open-reader', tabId: 7 }, FROM.content)).toMatchObject({
      tabId: 7,
    });
  });

  it('takes the host from the address the browser reports, not from the message', () => {
    expect(
      check({ type: 'content→background:hide-entry-button', host: 'www.gov.cn' }, FROM.content),
    ).toMatchObject({ host: 'www.ziyang.gov.cn' });
  });

  it('refuses a message from a sender its entry does not list', () => {
    // A page's content script cannot convert another tab or speak as the background.
    expect(
      check(
        { type: 'ui→background:convert-page', tabId: 7, script: 'tw', source: 'auto' },
        FROM.content,
      ),
    ).toHaveProperty('refused');
    expect(
      check(
        { type: 'background→extractor:extract-article', html: '<p>x</p>', url: 'https://a.cn/' },
        FROM.content,
      ),
    ).toHaveProperty('refused');
    expect(check({ type: '→page:reader-open' }, FROM.content)).toHaveProperty('refused');
    expect(
      check({ type: 'content→background:page-detected', verdict: notArticle() }, FROM.popup),
    ).toHaveProperty('refused');
  });

  it("refuses a message that is not in the receiver's table", () => {
    const toDetector = { type: '→page:reader-open' } as never;
    expect(checkMessage(DETECTOR_MESSAGES, toDetector, FROM.background, ORIGIN)).toHaveProperty(
      'refused',
    );
  });

  it('refuses speech out of range and chunks longer than the chunker makes', () => {
    const control = (rate: unknown) =>
      check({ type: 'ui→background:speech-control', action: 'rate', rate }, FROM.popup);
    expect(control(1.5)).not.toHaveProperty('refused');
    for (const rate of [1e9, 0, -1, Number.NaN, Number.POSITIVE_INFINITY, '1'])
      expect(control(rate), String(rate)).toHaveProperty('refused');

    const start = (request: unknown) =>
      check({ type: 'content→background:speech-start', request }, FROM.content);
    expect(start(SPEECH_REQUEST)).not.toHaveProperty('refused');
    expect(start({ ...SPEECH_REQUEST, rate: 1e9 })).toHaveProperty('refused');
    expect(start({ ...SPEECH_REQUEST, chunks: ['长'.repeat(40_000)] })).toHaveProperty('refused');
    expect(
      start({ ...SPEECH_REQUEST, chunks: ['长'.repeat(MAX_CHUNK_CHARACTERS + 1)] }),
    ).toHaveProperty('refused');
    expect(start({ ...SPEECH_REQUEST, startIndex: -1 })).toHaveProperty('refused');
    expect(start({ ...SPEECH_REQUEST, chunks: 'not a list' })).toHaveProperty('refused');
    expect(start({ ...SPEECH_REQUEST, chunks: [1, 2] })).toHaveProperty('refused');
  });

  it('refuses wrong types, unknown names and oversized pages', () => {
    const refused = [
      { type: 'ui→background:speech-control', action: 'explode' },
      { type: 'ui→background:speech-status', tabId: '7' },
      { type: 'ui→background:speech-status', tabId: 1.5 },
      { type: 'ui→background:speech-voices', lang: 'x'.repeat(1_000) },
      { type: 'content→background:load-bundles', bundles: ['../../evil'] },
      { type: 'content→background:load-bundles', bundles: 'opencc-st' },
      { type: 'content→background:extract-article', html: 42, url: 'https://a.cn/' },
      { type: 'content→background:extract-article', html: '<p></p>', url: 'javascript:alert(1)' },
      {
        type: 'content→background:extract-article',
        html: '<p></p>'.repeat(5_000_000),
        url: 'https://a.cn/',
      },
      { type: 'content→background:page-detected', verdict: { kind: 'article', reasons: [] } },
      { type: 'content→background:page-detected', verdict: 'article' },
    ] as const;
    for (const message of refused)
      expect(check(message, FROM.content), JSON.stringify(message).slice(0, 80)).toHaveProperty(
        'refused',
      );
    expect(
      check(
        { type: 'ui→background:convert-page', tabId: 7, script: 'klingon', source: 'auto' },
        FROM.popup,
      ),
    ).toHaveProperty('refused');
  });
});

describe('createMessageListener', () => {
  const status = () => ({ kind: 'not-article' as const, reasons: [] });

  it('answers the messages it has a handler for, from the senders they allow', async () => {
    const listener = createMessageListener(
      DETECTOR_MESSAGES,
      { '→page:get-status': status },
      ORIGIN,
    );
    await expect(listener({ type: '→page:get-status' }, FROM.background)).resolves.toEqual(
      status(),
    );
    await expect(listener({ type: '→page:get-status' }, FROM.popup)).resolves.toEqual(status());
  });

  it('leaves other messages and non-messages unanswered, for other listeners', () => {
    const listener = createMessageListener(
      DETECTOR_MESSAGES,
      { '→page:get-status': status },
      ORIGIN,
    );
    expect(listener({ type: '→page:reader-open' }, FROM.background)).toBeUndefined();
    expect(listener('hello', FROM.background)).toBeUndefined();
    expect(listener(null, FROM.background)).toBeUndefined();
  });

  it('does not call the handler of a refused message', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const control = vi.fn(() => ({
      progress: { state: 'idle' as const, index: 0, total: 0, rate: 1, speaking: false },
      noChineseVoice: false,
    }));
    const listener = createMessageListener(
      BACKGROUND_PROTOCOL,
      { 'ui→background:speech-control': control },
      ORIGIN,
    );
    expect(
      listener({ type: 'ui→background:speech-control', action: 'rate', rate: 1e9 }, FROM.popup),
    ).toBeUndefined();
    expect(
      listener({ type: 'ui→background:speech-control', tabId: 8, action: 'play' }, FROM.content),
    ).toBeUndefined();
    expect(control).not.toHaveBeenCalled();
    void listener({ type: 'ui→background:speech-control', action: 'play' }, FROM.content);
    expect(control).toHaveBeenCalledWith(
      { type: 'ui→background:speech-control', action: 'play' },
      expect.objectContaining({ kind: 'content', tabId: 7 }),
    );
  });
});

function notArticle() {
  return { kind: 'not-article', reasons: [] };
}
