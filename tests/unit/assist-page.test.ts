import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import {
  applyCaptionMessage,
  CAPTION_PORT_MESSAGE,
  startCaptionFrame,
} from '~/utils/assist/caption-frame';
import { showCaptionText } from '~/utils/assist/caption-text';
import { cursorStylesheet, cursorValue } from '~/utils/assist/cursor';
import { type AssistOptions, captionHeightPx, createPageTools } from '~/utils/assist/page-tools';
import { loadNodeDictionaries } from '~/utils/convert/load-node';
import { jyutpingSource } from '~/utils/pinyin/engines-jyutping';
import { createScriptReader } from '~/utils/pinyin/pinyin-view';
import { createBackgroundSpeech } from '~/utils/speech/background-speech';
import type { SpeechEngine, UtteranceEvents } from '~/utils/speech/engine';

const OPTIONS: AssistOptions = {
  dwellMs: 300,
  captionSizePx: 40,
  captionPosition: 'bottom',
  cursorColour: 'black',
  cursorSizePx: 48,
  theme: 'default',
};

const FRAME_URL = 'chrome-extension://abcdef/caption-frame.html';
const RealMessageChannel = globalThis.MessageChannel;
afterEach(() => {
  globalThis.MessageChannel = RealMessageChannel;
});

/**
 * What the caption frame would show: the frame's end of each channel the tools make (jsdom loads
 * no extension page), its messages applied to a bar as the frame applies them.
 */
function watchCaption(document: Document) {
  const bar = document.createElement('p');
  const theme = document.createElement('style');
  const messages: unknown[] = [];
  globalThis.MessageChannel = class extends RealMessageChannel {
    constructor() {
      super();
      this.port2.onmessage = (event) => {
        messages.push(event.data);
        applyCaptionMessage(bar, theme, event.data);
      };
    }
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
  return { bar, messages, settle };
}

function setUp() {
  const dom = new JSDOM(
    '<!DOCTYPE html><html><head><style>p{color:red}</style></head><body><p><a href="/a">链接</a></p></body></html>',
    { pretendToBeVisual: true },
  );
  const said: string[] = [];
  const caption = watchCaption(dom.window.document);
  const tools = createPageTools(
    dom.window.document,
    {
      say: (text) => said.push(text),
      hush: () => said.push('hush'),
    },
    { url: FRAME_URL, origin: 'chrome-extension://abcdef' },
  );
  return { document: dom.window.document, window: dom.window, tools, said, caption };
}

describe('the tools on a page', () => {
  it('put our elements in one shadow host, and all off takes everything away', () => {
    const { document, tools } = setUp();
    const before = document.documentElement.outerHTML;
    const sheets = document.adoptedStyleSheets?.length;
    tools.set(['caption', 'guides', 'cursor', 'pointRead'], OPTIONS);
    const host = document.querySelector('yidu-assist');
    // The caption bar's box is ours; its extension frame is in a closed shadow root of its own,
    // so the page cannot read the frame's address.
    const box = host?.shadowRoot?.querySelector('.caption') as HTMLElement;
    expect(box).not.toBeNull();
    expect(box.shadowRoot).toBeNull();
    expect(host?.shadowRoot?.querySelector('iframe')).toBeNull();
    expect(host?.shadowRoot?.innerHTML).not.toContain(FRAME_URL);
    expect(host?.shadowRoot?.querySelector('[data-testid="reading-guides"]')).not.toBeNull();
    expect(host?.getAttribute('aria-hidden')).toBe('true');
    tools.set(['cursor'], OPTIONS);
    // Only the cursor: no host needed.
    expect(document.querySelector('yidu-assist')).toBeNull();
    tools.set([], OPTIONS);
    expect(document.documentElement.outerHTML).toBe(before);
    expect(document.adoptedStyleSheets?.length).toBe(sheets);
  });

  it('ignore events the page makes up: only trusted pointer and focus events count', async () => {
    const { document, window, tools, said, caption } = setUp();
    tools.set(['pointRead', 'caption'], { ...OPTIONS, dwellMs: 10 });
    const link = document.querySelector('a') as HTMLAnchorElement;
    link.dispatchEvent(
      new window.PointerEvent('pointermove', { bubbles: true, clientX: 5, clientY: 5 }),
    );
    link.dispatchEvent(new window.FocusEvent('focusin', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(said).toEqual([]);
    expect(link.hasAttribute('data-speaking')).toBe(false);
    await caption.settle();
    expect(caption.messages.filter((m) => (m as { kind: string }).kind === 'text')).toEqual([
      { kind: 'text', text: '', readings: undefined },
    ]);
    expect(caption.bar.textContent).toBe('');
    tools.set([], OPTIONS);
  });

  it('give the caption bar two lines of its type, and a pointer per meaning at the chosen size', () => {
    expect(captionHeightPx(40)).toBe(Math.ceil(40 * 1.4 * 2 + 24 + 4));
    expect(captionHeightPx(96)).toBeGreaterThan(captionHeightPx(40));
    const css = cursorStylesheet('white', 64);
    expect(css).toContain(':where(html,html *)');
    expect(css.match(/url\(/g)).toHaveLength(3);
    const hand = decodeURIComponent(cursorValue('hand', 'white', 64));
    expect(hand).toContain('width="64"');
    expect(hand).toContain('fill="#fff"');
    expect(hand).toMatch(/ 27 4, pointer$/);
  });
});

/** An engine that starts each utterance at once and records what it was asked. */
function fakeEngine() {
  const spoken: string[] = [];
  let current: UtteranceEvents | undefined;
  const engine: SpeechEngine = {
    speak(utterance, events) {
      spoken.push(utterance.text);
      current = events;
      events.onStart();
    },
    cancel() {
      current = undefined;
      spoken.push('cancel');
    },
    getVoices: async () => [{ name: 'Chinese (Mandarin)', lang: 'cmn', localService: true }],
  };
  return { engine, spoken, end: () => current?.onEnd() };
}

describe('指读 in the background speech service', () => {
  it('says a text without sending the tab progress, stops on hush, and is not the popup’s reading', async () => {
    const { engine, spoken } = fakeEngine();
    const progress: number[] = [];
    const speech = createBackgroundSpeech({
      engine,
      sendProgress: async (tabId) => progress.push(tabId),
      sendStop: async () => undefined,
      requestPlan: async () => null,
    });
    const result = await speech.say(4, { chunks: ['链接，首页'], startIndex: 0, rate: 1 });
    expect(result.ok).toBe(true);
    expect(spoken).toContain('链接，首页');
    expect(progress).toEqual([]);
    expect(speech.status(4).progress.state).toBe('idle');
    speech.hush(5); // another tab: nothing
    expect(spoken.at(-1)).toBe('链接，首页');
    speech.hush(4);
    expect(spoken.at(-1)).toBe('cancel');
    expect(progress).toEqual([]);
  });

  it('takes over from a reading, in its tab or another, which is told it stopped', async () => {
    const { engine } = fakeEngine();
    const progress: { tabId: number; state: string }[] = [];
    const speech = createBackgroundSpeech({
      engine,
      sendProgress: async (tabId, p) => progress.push({ tabId, state: p.state }),
      sendStop: async () => undefined,
      requestPlan: async () => null,
    });
    await speech.start(2, { chunks: ['第一句。', '第二句。'], startIndex: 0, rate: 1 });
    expect(progress.at(-1)).toEqual({ tabId: 2, state: 'playing' });
    await speech.say(3, { chunks: ['按钮，搜索'], startIndex: 0, rate: 1 });
    expect(progress.at(-1)).toEqual({ tabId: 2, state: 'idle' });
    expect(progress.filter((p) => p.tabId === 3)).toEqual([]);
    // The same tab's reader stops too: its highlight must not stay on.
    await speech.start(2, { chunks: ['第一句。'], startIndex: 0, rate: 1 });
    await speech.say(2, { chunks: ['标题'], startIndex: 0, rate: 1 });
    expect(progress.at(-1)).toEqual({ tabId: 2, state: 'idle' });
  });
});

describe("the caption's pinyin", () => {
  it('puts each reading in an <rt> over its character, the page’s text as text, never as markup', async () => {
    const read = await createScriptReader(
      { loader: loadNodeDictionaries, loadJyutping: async () => jyutpingSource },
      { mode: 'all', script: 'tw' },
    );
    const { document } = setUp();
    const bar = document.createElement('p');
    const text = '銀行<img src=x onerror=alert(1)>行長';
    showCaptionText(bar, { text, readings: read(text) });
    expect(bar.querySelector('img')).toBeNull();
    const pairs = Array.from(bar.querySelectorAll('rt'), (rt) => [
      rt.previousSibling?.textContent,
      rt.textContent,
    ]);
    expect(pairs).toEqual([
      ['銀', 'yín'],
      ['行', 'háng'],
      ['行', 'háng'],
      ['長', 'zhǎng'],
    ]);
    // Without its readings the bar holds the text exactly.
    const rts = Array.from(bar.querySelectorAll('rt'));
    for (const rt of rts) rt.remove();
    expect(bar.textContent).toBe(text);
    // Off: plain text again, no ruby.
    showCaptionText(bar, { text });
    expect(bar.querySelector('ruby')).toBeNull();
    expect(bar.textContent).toBe(text);
  });

  it('grows the bar, and the room the page gets, for the readings', async () => {
    const { document, tools, caption } = setUp();
    expect(captionHeightPx(40, true)).toBe(Math.ceil(40 * 2.6 * 2 + 12 + 4));
    tools.set(['caption'], { ...OPTIONS, captionPinyin: true });
    const frame = document
      .querySelector('yidu-assist')
      ?.shadowRoot?.querySelector('.caption') as HTMLElement;
    await caption.settle();
    expect(caption.bar.hasAttribute('data-pinyin')).toBe(true);
    expect(frame.style.height).toBe(`${captionHeightPx(40, true)}px`);
    tools.set(['caption'], OPTIONS);
    await caption.settle();
    expect(caption.bar.hasAttribute('data-pinyin')).toBe(false);
    expect(frame.style.height).toBe(`${captionHeightPx(40)}px`);
    tools.set([], OPTIONS);
  });
});

describe("the caption bar's frame", () => {
  it('takes its port only from its parent, and ignores what is not a caption', () => {
    const dom = new JSDOM('<!DOCTYPE html><html><head></head><body></body></html>');
    const { window } = dom;
    startCaptionFrame(window as unknown as Window);
    const bar = window.document.querySelector('[data-testid="caption-bar"]') as HTMLElement;
    expect(bar.textContent).toBe('');
    // A message that is not from the parent (here: no source at all) hands over no port.
    window.dispatchEvent(
      new window.MessageEvent('message', { data: { type: CAPTION_PORT_MESSAGE } }),
    );
    const theme = window.document.createElement('style');
    for (const junk of [null, 'text', { kind: 'text', text: 5 }, { kind: 'script', text: 'x' }])
      applyCaptionMessage(bar, theme, junk);
    expect(bar.textContent).toBe('');
    // Markup arrives as text; readings that are not strings are dropped, the text kept.
    applyCaptionMessage(bar, theme, { kind: 'text', text: '<b>通知</b>', readings: [1, 2] });
    expect(bar.querySelector('b')).toBeNull();
    expect(bar.textContent).toBe('<b>通知</b>');
    // Style values are kept within what they can be.
    applyCaptionMessage(bar, theme, {
      kind: 'style',
      theme: '}body{display:none',
      sizePx: 1e6,
      pinyin: 'yes',
      position: 'left',
    });
    expect(bar.style.fontSize).toBe('200px');
    expect(bar.hasAttribute('data-pinyin')).toBe(false);
    expect(bar.dataset.position).toBe('bottom');
    expect(theme.textContent).not.toContain('display:none');
  });
});
