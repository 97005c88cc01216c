/// <reference types="chrome" />
/**
 * The 辅助工具 on government pages (a column list and an article), in Chromium with the built
 * extension and real voices: 指读 through chrome.tts (observed in the service worker), the caption
 * bar in the chosen script and size, the guide lines and the ruler following the pointer, the large
 * pointer, "all off" leaving the DOM and computed styles as they were, and axe with each tool on.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inExtensionWorld } from '../../scripts/lib/browser-pages';
import { collapse } from '../../utils/assist/describe';
import { captionHeightPx } from '../../utils/assist/page-tools';
import type { AssistTool } from '../../utils/assist/tools';
import { loadConverter } from '../../utils/convert/load-converter';
import { loadNodeDictionaries } from '../../utils/convert/load-node';
import { HANDOVER_GLOBAL } from '../../utils/handover';
import type { Message } from '../../utils/messages';
import { axeViolations, type Harness, openPopup, startHarness, tabIdOf } from './harness';
import { pageDigest } from './page-digest';

let harness: Harness;
type TtsEntry = { text?: string; stop?: true; at: number; events: string[]; startAt?: number };

beforeAll(async () => {
  harness = await startHarness();
  // Every chrome.tts call the background makes, with the events the voice reports.
  await harness.serviceWorker.evaluate(() => {
    const world = globalThis as unknown as {
      ttsLog: TtsEntry[];
    };
    world.ttsLog = [];
    const speak = chrome.tts.speak.bind(chrome.tts);
    const stop = chrome.tts.stop.bind(chrome.tts);
    chrome.tts.speak = ((text: string, options: chrome.tts.TtsOptions = {}) => {
      const entry = { text, at: Date.now(), events: [] as string[], startAt: 0 };
      world.ttsLog.push(entry);
      return speak(text, {
        ...options,
        onEvent: (event) => {
          entry.events.push(event.type);
          if (event.type === 'start') entry.startAt = Date.now();
          options.onEvent?.(event);
        },
      });
    }) as typeof chrome.tts.speak;
    chrome.tts.stop = () => {
      world.ttsLog.push({ stop: true, at: Date.now(), events: [] });
      stop();
    };
  });
});
afterAll(async () => {
  await harness?.close();
});

const ttsLog = () =>
  harness.serviceWorker.evaluate(
    () => (globalThis as unknown as { ttsLog: TtsEntry[] }).ttsLog,
  ) as Promise<TtsEntry[]>;
const clearTts = () =>
  harness.serviceWorker.evaluate(() => {
    (globalThis as unknown as { ttsLog: unknown[] }).ttsLog.length = 0;
  });

function send<T>(page: Page, message: Message): Promise<T> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<T>;
}

/** A page with an extension page beside it to send the popup's messages from. */
async function open(slug: string) {
  const page = await harness.context.newPage();
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.goto(harness.page(slug).url);
  const tabId = await tabIdOf(harness, page);
  const control = await openPopup(harness, tabId);
  await page.bringToFront();
  const setTools = async (tools: AssistTool[]) => {
    const result = await send<{ ok: boolean }>(control, {
      type: 'ui→background:assist-set',
      tabId,
      tools,
    });
    expect(result.ok).toBe(true);
    await page.bringToFront();
  };
  const setSettings = (change: Record<string, unknown>) =>
    control.evaluate(async (c) => {
      const { settings } = await chrome.storage.sync.get('settings');
      await chrome.storage.sync.set({
        settings: { ...(settings as object | undefined), ...c, version: 2 },
      });
    }, change);
  return { page, tabId, control, setTools, setSettings };
}

/**
 * The caption bar's extension frame, once it is there (in a closed shadow root: found through
 * the page's frames, not its DOM).
 */
async function captionFrame(page: Page): Promise<Frame> {
  const find = () => page.frames().find((frame) => frame.url().endsWith('/caption-frame.html'));
  await expect.poll(() => !!find()).toBe(true);
  return find() as Frame;
}
/** The element that shows the caption's text, inside its frame. */
const captionBar = async (page: Page) => (await captionFrame(page)).getByTestId('caption-bar');
/** The caption bar's frame element in the page. */
const captionFrameElement = async (page: Page) => (await captionFrame(page)).frameElement();
/** The caption bar's box in the page. */
async function captionFrameBox(page: Page) {
  const box = await (await captionFrameElement(page)).boundingBox();
  return box ? { bottom: box.y + box.height, height: box.height } : undefined;
}
/** 指读's outline: the box its four edges enclose, and where they sit (our shadow root). */
const outlineBox = (page: Page) =>
  page.evaluate(() => {
    const rings = document.querySelector('yidu-assist')?.shadowRoot?.querySelectorAll('.ring');
    const boxes = Array.from(rings ?? [], (ring) => ring.getBoundingClientRect());
    if (boxes.length !== 4) return null;
    return {
      left: Math.min(...boxes.map((b) => b.left)),
      top: Math.min(...boxes.map((b) => b.top)),
      right: Math.max(...boxes.map((b) => b.right)),
      bottom: Math.max(...boxes.map((b) => b.bottom)),
    };
  });

const speaking = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('[data-speaking="true"]'), (e) => e.textContent?.trim()),
  );

describe('指读 (point to read)', () => {
  it.each(['ziyang-list', 'ziyang-article'])(
    '%s: hover a link → outlined, data-speaking, chrome.tts starts with its text; moving on stops it',
    async (slug) => {
      const { page, control } = await open(slug);
      // The popup's own toggle.
      const toggle = control.getByTestId('assist-point-read');
      await toggle.click();
      await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
      await page.bringToFront();
      await clearTts();

      const links = page.locator('a[href]:visible');
      const first = links.nth(5);
      const second = links.nth(8);
      const firstText = collapse((await first.textContent()) ?? '');
      await page.mouse.move(5, 5);
      await first.hover();
      await expect.poll(() => first.getAttribute('data-speaking')).toBe('true');
      await expect
        .poll(async () => (await ttsLog()).find((e) => e.text?.startsWith('链接，'))?.text)
        .toBe(`链接，${firstText}`);
      // The voice really started (a start event from speech-dispatcher).
      await expect
        .poll(async () => (await ttsLog()).find((e) => e.text?.startsWith('链接，'))?.events)
        .toContain('start');
      // The outline is ours, around the link (edges moved by transforms): the page's element is
      // not restyled, so nothing of the page moves or repaints.
      expect(await first.evaluate((element) => getComputedStyle(element).outlineStyle)).toBe(
        'none',
      );
      const linkBox = await first.boundingBox();
      if (!linkBox) throw new Error('no box');
      await expect
        .poll(async () => {
          const ring = await outlineBox(page);
          return (
            !!ring &&
            ring.left < linkBox.x &&
            ring.top < linkBox.y &&
            ring.right > linkBox.x + linkBox.width &&
            ring.bottom > linkBox.y + linkBox.height &&
            ring.right - ring.left < linkBox.width + 30
          );
        })
        .toBe(true);

      const secondText = collapse((await second.textContent()) ?? '');
      const before = (await ttsLog()).length;
      await second.hover();
      // The first stops at once; the second is read after the dwell.
      await expect.poll(() => first.getAttribute('data-speaking')).toBeNull();
      await expect.poll(() => second.getAttribute('data-speaking')).toBe('true');
      const after = (await ttsLog()).slice(before);
      expect(after.some((e) => e.stop)).toBe(true);
      await expect
        .poll(async () => (await ttsLog()).slice(before).find((e) => e.text)?.text)
        .toBe(`链接，${secondText}`);
      // Back onto the second after a moment on the same element: not read twice in a row.
      const count = (await ttsLog()).filter((e) => e.text).length;
      const box = await second.boundingBox();
      if (!box) throw new Error('no box');
      await page.mouse.move(box.x + 2, box.y + box.height / 2);
      await page.waitForTimeout(600);
      expect((await ttsLog()).filter((e) => e.text).length).toBe(count);

      await control.getByTestId('assist-off').click();
      await expect.poll(() => speaking(page)).toEqual([]);
      await control.close();
      await page.close();
    },
  );

  it('Tab to a link reads it at once, through chrome.tts', async () => {
    const { page, setTools, control } = await open('ziyang-list');
    await setTools(['pointRead']);
    await clearTts();
    // A page script moving the focus (its focus events are trusted too) is not the user: nothing
    // is read.
    await page.evaluate(() => {
      const link = document.querySelector('a[href]') as HTMLElement;
      link.focus();
      link.blur();
    });
    await page.waitForTimeout(1_500);
    expect(await ttsLog()).toEqual([]);
    // Focus the first link by keyboard.
    await page.mouse.move(5, 5);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const active = document.activeElement as HTMLElement | null;
      return { tag: active?.tagName, text: active?.textContent ?? '' };
    });
    expect(focused.tag).toBe('A');
    await expect
      .poll(async () => (await ttsLog()).find((e) => e.text)?.text)
      .toBe(`链接，${collapse(focused.text)}`);
    expect(await speaking(page)).toEqual([focused.text.trim()]);
    await setTools([]);
    await control.close();
    await page.close();
  });
});

describe('in the reader', () => {
  it('指读 reads the reader paragraph under the pointer, and the caption shows it', async () => {
    const { page, setTools, control } = await open('hanweb-notice');
    await page.getByTestId('reader-entry').click();
    await page.getByTestId('reader-content').waitFor();
    await setTools(['pointRead', 'caption']);
    await clearTts();
    const paragraph = page.getByTestId('reader-content').locator('p').nth(1);
    await paragraph.hover({ position: { x: 20, y: 10 } });
    const text = collapse((await paragraph.textContent()) ?? '');
    await expect.poll(() => paragraph.getAttribute('data-speaking')).toBe('true');
    await expect.poll(async () => (await captionBar(page)).textContent()).toBe(text);
    await expect
      .poll(async () => (await ttsLog()).find((e) => e.text)?.text?.slice(0, 4))
      .toBe(text.slice(0, 4));
    await setTools([]);
    await control.close();
    await page.close();
  });
});

describe('大字幕 (caption bar)', () => {
  it('shows the text under the pointer in the chosen script and size, and gives the page room', async () => {
    const { page, setTools, setSettings, control } = await open('ziyang-article');
    await setSettings({ script: 'tw', captionSizePx: 40 });
    await setTools(['caption']);
    const caption = await captionBar(page);
    const paragraph = page.locator('p:visible', { hasText: /\p{Script=Han}{20}/u }).first();
    await paragraph.scrollIntoViewIfNeeded();
    await paragraph.hover({ position: { x: 10, y: 5 } });
    const original = collapse((await paragraph.textContent()) ?? '');
    const converter = await loadConverter('cn', 'tw', loadNodeDictionaries);
    const converted = converter.convert(original);
    expect(converted).not.toBe(original);
    // The bar shows as much as its two lines hold, converted (a phrase may be cut at the end).
    const inBar = async () => (await caption.textContent()) ?? '';
    await expect.poll(async () => converted.startsWith((await inBar()).slice(0, -2))).toBe(true);
    expect((await inBar()).length).toBeGreaterThanOrEqual(Math.min(40, converted.length));
    expect(original.startsWith((await inBar()).slice(0, -2))).toBe(false);
    expect(await caption.evaluate((bar) => getComputedStyle(bar).fontSize)).toBe('40px');
    // Bigger type from the options, at once.
    await setSettings({ captionSizePx: 64 });
    await expect.poll(() => caption.evaluate((bar) => getComputedStyle(bar).fontSize)).toBe('64px');
    // The bar is at the bottom and the page has at least its height of room below.
    const room = {
      ...(await page.evaluate(() => ({
        padding: Number.parseFloat(getComputedStyle(document.documentElement).paddingBottom),
        height: innerHeight,
      }))),
      bar: await captionFrameBox(page),
    };
    expect(room.bar?.bottom).toBeCloseTo(room.height, 0);
    expect(room.padding).toBeGreaterThanOrEqual(room.bar?.height ?? Number.POSITIVE_INFINITY);
    // Hovering where the bar is changes nothing.
    const shown = await caption.textContent();
    await page.mouse.move(600, room.height - 20);
    await page.waitForTimeout(200);
    expect(await caption.textContent()).toBe(shown);
    // The bar ignores the pointer, and is no stop for the keyboard.
    expect(
      await (await captionFrameElement(page)).evaluate((node) => {
        const frame = node as HTMLIFrameElement;
        return [
          getComputedStyle(frame).pointerEvents,
          frame.tabIndex,
          frame.getAttribute('aria-hidden'),
        ];
      }),
    ).toEqual(['none', -1, 'true']);
    // Its address is not in the page's reach: our shadow root holds no frame a script can read.
    expect(
      await page.evaluate(
        () => document.querySelector('yidu-assist')?.shadowRoot?.querySelectorAll('iframe').length,
      ),
    ).toBe(0);
    await setTools([]);
    await setSettings({ script: 'original', captionSizePx: 40 });
    await control.close();
    await page.close();
  });

  it('with pinyin on: real ruby over the converted characters (银行 háng), Jyutping for Hong Kong script, following the mode; off: none', async () => {
    const { page, tabId, setTools, setSettings, control } = await open('ziyang-article');
    await page.evaluate(() => {
      const probe = document.createElement('p');
      probe.id = 'probe';
      probe.textContent = '请到银行办理，耄耋老人优先';
      probe.style.cssText =
        'position:fixed;left:0;top:0;width:700px;margin:0;background:#fff;font-size:30px;z-index:99';
      document.body.append(probe);
    });
    await setSettings({ script: 'tw', pinyin: 'off', captionSizePx: 40 });
    await setTools(['caption']);
    const converter = await loadConverter('cn', 'tw', loadNodeDictionaries);
    const converted = converter.convert('请到银行办理，耄耋老人优先');
    expect(converted.slice(0, 4)).toBe('請到銀行');
    /** The bar as shown: its characters (its text outside <rt>), each reading over its character. */
    const shown = async () =>
      (await captionBar(page)).evaluate((bar) => {
        const copy = bar.cloneNode(true) as HTMLElement;
        for (const rt of Array.from(copy.querySelectorAll('rt'))) rt.remove();
        const rt = bar.querySelector('rt');
        return {
          characters: copy.textContent,
          readings: Array.from(bar.querySelectorAll('ruby rt'), (r) => [
            r.previousSibling?.textContent,
            r.textContent,
          ]),
          rtSize: rt ? getComputedStyle(rt).fontSize : null,
          rtColour: rt ? getComputedStyle(rt).color : null,
          colour: getComputedStyle(bar).color,
        };
      });
    await page.locator('#probe').hover({ position: { x: 20, y: 10 } });
    await expect.poll(async () => (await shown()).characters).toBe(converted);
    // Pinyin off: no ruby, and the pinyin bundle never came into the page.
    expect((await shown()).readings).toEqual([]);
    const pinyinLoaded = async () => {
      const session = await page.context().newCDPSession(page);
      const loaded = await inExtensionWorld<boolean>(
        session,
        `Object.keys(globalThis.${HANDOVER_GLOBAL} ?? {}).includes('pinyin-engine')`,
      );
      await session.detach();
      return loaded;
    };
    expect(await pinyinLoaded()).toBe(false);

    await setSettings({ pinyin: 'all' });
    await expect.poll(async () => (await shown()).readings.length).toBeGreaterThan(0);
    expect(await pinyinLoaded()).toBe(true);
    let bar = await shown();
    expect(bar.characters).toBe(converted);
    expect(bar.readings.slice(0, 4)).toEqual([
      ['請', 'qǐng'],
      ['到', 'dào'],
      ['銀', 'yín'],
      ['行', 'háng'],
    ]);
    // At 0.55 of the caption's 40 px, in the caption's theme colour.
    expect(bar.rtSize).toBe('22px');
    expect(bar.rtColour).toBe(bar.colour);
    // The bar grows for the readings, and the page's room with it.
    const room = {
      padding: await page.evaluate(() =>
        Number.parseFloat(getComputedStyle(document.documentElement).paddingBottom),
      ),
      bar: (await captionFrameBox(page))?.height,
    };
    expect(room.bar).toBe(captionHeightPx(40, true));
    expect(room.padding).toBeGreaterThanOrEqual(captionHeightPx(40, true));
    expect(await axeViolations(page, ['yidu-assist'])).toEqual([]);

    // Uncommon characters only, changed while the caption shows: 耄耋 keep their readings.
    await setSettings({ pinyin: 'rare' });
    await expect
      .poll(async () => (await shown()).readings)
      .toEqual([
        ['耄', 'mào'],
        ['耋', 'dié'],
      ]);
    // Hong Kong script: Jyutping over 香港繁體.
    await setSettings({ script: 'hk', pinyin: 'all' });
    await expect
      .poll(async () => (await shown()).readings.find(([character]) => character === '行'))
      .toEqual(['行', 'hong4']);
    // Off: the converted text alone, no ruby.
    await setSettings({ script: 'tw', pinyin: 'off' });
    await expect.poll(async () => (await shown()).readings).toEqual([]);
    bar = await shown();
    expect(bar.characters).toBe(converted);
    expect(
      await (await captionBar(page)).evaluate((element) => element.querySelector('ruby')),
    ).toBeNull();
    // Pinyin put over this page alone (popup → 给网页加拼音), the settings' pinyin still off: the
    // caption follows the page, and shows the characters once (the page's own ruby left out).
    const pinyinPage = async (mode: string) => {
      await send(control, { type: 'ui→background:pinyin-page', tabId, mode } as Message);
      await page.bringToFront();
      await page.mouse.move(0, 400);
      await page.locator('#probe').hover({ position: { x: 20, y: 10 } });
    };
    await pinyinPage('all');
    await expect
      .poll(async () => (await shown()).readings.find(([character]) => character === '行'))
      .toEqual(['行', 'háng']);
    expect((await shown()).characters).toBe(converted);
    await pinyinPage('off');
    await expect.poll(async () => (await shown()).readings).toEqual([]);
    await setTools([]);
    await setSettings({ script: 'original', pinyin: 'off' });
    await control.close();
    await page.close();
  });
});

describe('十字线 and the reading ruler', () => {
  it('follow the pointer; the popup’s two toggles are one reading guide', async () => {
    const { page, setTools, control } = await open('ziyang-article');
    const toggle = async (id: 'assist-guides' | 'assist-ruler') => {
      await control.getByTestId(id).click();
      await expect.poll(() => control.getByTestId(id).getAttribute('aria-pressed')).toBe('true');
      await page.bringToFront();
    };
    await toggle('assist-guides');
    const lineAt = () =>
      page.evaluate(() => {
        const guides = document
          .querySelector('yidu-assist')
          ?.shadowRoot?.querySelector('[data-testid="reading-guides"]');
        const [h, v] = Array.from(guides?.children ?? [], (line) => line.getBoundingClientRect());
        return { y: Math.round((h?.top ?? -99) + 1), x: Math.round((v?.left ?? -99) + 1) };
      });
    await page.mouse.move(300, 200);
    await expect.poll(lineAt).toEqual({ x: 300, y: 200 });
    await page.mouse.move(640, 450, { steps: 4 });
    await expect.poll(lineAt).toEqual({ x: 640, y: 450 });
    await expect(page.getByTestId('reading-guides')).toBeDefined();

    // The ruler's toggle turns the guide lines off, in the popup and on the page.
    await toggle('assist-ruler');
    expect(await control.getByTestId('assist-guides').getAttribute('aria-pressed')).toBe('false');
    const bandCentre = () =>
      page.evaluate(() => {
        const ruler = document
          .querySelector('yidu-assist')
          ?.shadowRoot?.querySelector('[data-testid="reading-ruler"]');
        const band = ruler?.children[1]?.getBoundingClientRect();
        const guides = document
          .querySelector('yidu-assist')
          ?.shadowRoot?.querySelector('[data-testid="reading-guides"]') as HTMLElement | null;
        return band && !guides?.checkVisibility() ? Math.round(band.top + band.height / 2) : null;
      });
    await page.mouse.move(400, 300);
    await expect.poll(bandCentre).toBeGreaterThanOrEqual(299);
    expect(await bandCentre()).toBeLessThanOrEqual(301);
    await page.mouse.move(400, 520, { steps: 3 });
    await expect
      .poll(async () => Math.abs(((await bandCentre()) ?? 0) - 520))
      .toBeLessThanOrEqual(1);
    // The keyboard moves it too: Tab to a link, and the band goes to that link's line.
    await page.keyboard.press('Tab');
    const focusedCentre = await page.evaluate(() => {
      const rect = document.activeElement?.getBoundingClientRect();
      return rect ? Math.round(rect.top + rect.height / 2) : -1;
    });
    await expect
      .poll(async () => Math.abs(((await bandCentre()) ?? 0) - focusedCentre))
      .toBeLessThanOrEqual(1);
    await setTools([]);
    await control.close();
    await page.close();
  });
});

describe('大鼠标 (large pointer)', () => {
  it('is an arrow on text, a hand over links, an I-beam over text fields, 48 or 64 px', async () => {
    const { page, setTools, setSettings, control } = await open('ziyang-list');
    await setTools(['cursor']);
    const cursorOf = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((element) => getComputedStyle(element).cursor);
    const size = (cursor: string) => decodeURIComponent(cursor).match(/width="(\d+)"/)?.[1];
    await expect.poll(() => cursorOf('a[href]')).toMatch(/^url\("data:image\/svg\+xml.*pointer$/);
    expect(await cursorOf('body')).toMatch(/default$/);
    expect(size(await cursorOf('body'))).toBe('48');
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.id = 'probe';
      document.body.append(input);
    });
    expect(await cursorOf('#probe')).toMatch(/text$/);
    await setSettings({ cursorSizePx: 64, cursorColour: 'white' });
    await expect.poll(async () => size(await cursorOf('body'))).toBe('64');
    await setTools([]);
    expect(await cursorOf('a[href]')).not.toMatch(/^url/);
    await setSettings({ cursorSizePx: 48, cursorColour: 'black' });
    await control.close();
    await page.close();
  });
});

describe('all off', () => {
  it('leaves the DOM and every computed style as they were, 20 rounds', async () => {
    const { page, setTools, control } = await open('ziyang-article');
    const snapshot = () => page.evaluate(pageDigest);
    await page.mouse.move(1, 1);
    const before = await snapshot();
    const link = page.locator('a[href]:visible').nth(3);
    const all: AssistTool[] = ['pointRead', 'caption', 'ruler', 'cursor'];
    for (let round = 0; round < 20; round++) {
      await setTools(round % 2 ? all : ['pointRead', 'caption', 'guides', 'cursor']);
      await link.hover();
      await expect.poll(() => link.getAttribute('data-speaking')).toBe('true');
      await page.mouse.move(300, 300);
      await setTools([]);
      await page.mouse.move(1, 1);
      expect(await snapshot(), `round ${round + 1}`).toBe(before);
    }
    await control.close();
    await page.close();
  });
});

describe('accessibility', () => {
  it('axe finds nothing new on the page with each tool on, and nothing in our own elements', async () => {
    const { page, setTools, control } = await open('ziyang-article');
    await page.mouse.move(1, 1);
    const baseline = new Set(await axeViolations(page));
    for (const tool of ['pointRead', 'caption', 'guides', 'ruler', 'cursor'] as AssistTool[]) {
      await setTools([tool]);
      const link = page.locator('a[href]:visible').nth(4);
      await link.hover();
      if (tool === 'pointRead')
        await expect.poll(() => link.getAttribute('data-speaking')).toBe('true');
      const found = (await axeViolations(page)).filter((violation) => !baseline.has(violation));
      expect(found, tool).toEqual([]);
      if (tool === 'caption' || tool === 'guides' || tool === 'ruler')
        expect(await axeViolations(page, ['yidu-assist']), tool).toEqual([]);
      await page.mouse.move(1, 1);
    }
    await setTools([]);
    expect(await axeViolations(control)).toEqual([]);
    await control.close();
    await page.close();
  });
});

describe('hostile and unusual pages', () => {
  it('iframes are left alone, open shadow roots and image-only links are read, a page rewriting itself under the pointer is followed', async () => {
    const { page, setTools, control } = await open('ziyang-list');
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.id = 'probe';
      box.style.cssText = 'position:fixed;left:0;top:0;width:700px;background:#fff;z-index:99';
      const frame = document.createElement('iframe');
      frame.srcdoc = '<a href="/in-frame" id="f" style="font-size:40px">框架里的链接</a>';
      frame.style.cssText = 'width:400px;height:80px';
      const shadowHost = document.createElement('div');
      shadowHost.attachShadow({ mode: 'open' }).innerHTML =
        '<a href="/shadow" style="font-size:30px">影子里的链接</a>';
      const imageLink = document.createElement('a');
      imageLink.href = '/image';
      imageLink.id = 'image-link';
      imageLink.innerHTML =
        '<img width="120" height="40" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">';
      const canvasLink = document.createElement('a');
      canvasLink.href = '/chart';
      canvasLink.id = 'canvas-link';
      canvasLink.setAttribute('aria-label', '统计图表');
      canvasLink.innerHTML = '<canvas width="120" height="40"></canvas>';
      // Rewrites itself whenever the pointer moves over it.
      const shifting = document.createElement('div');
      shifting.id = 'shifting';
      shifting.style.cssText = 'height:60px;font-size:30px';
      let n = 0;
      shifting.innerHTML = '<p>变化的段落0</p>';
      shifting.addEventListener('pointermove', () => {
        n += 1;
        shifting.innerHTML = `<p>变化的段落${n}</p>`;
      });
      box.append(frame, shadowHost, imageLink, canvasLink, shifting);
      document.body.append(box);
    });
    await setTools(['pointRead', 'caption']);
    await clearTts();
    const saysNext = async (move: () => Promise<void>) => {
      const before = (await ttsLog()).length;
      await move();
      await expect
        .poll(async () => (await ttsLog()).slice(before).find((e) => e.text)?.text ?? null)
        .not.toBeNull();
      return (await ttsLog()).slice(before).find((e) => e.text)?.text;
    };
    expect(await saysNext(() => page.getByText('影子里的链接').hover())).toBe('链接，影子里的链接');
    expect(await saysNext(() => page.locator('#image-link').hover())).toBe('链接，图片');
    expect(await saysNext(() => page.locator('#canvas-link').hover())).toBe('链接，统计图表');
    const shifted = await saysNext(async () => {
      await page.locator('#shifting').hover();
      const box = await page.locator('#shifting').boundingBox();
      await page.mouse.move(100, (box?.y ?? 0) + 20, { steps: 3 });
    });
    expect(shifted).toMatch(/^变化的段落\d+$/);

    // The frame: the tools stay in the top document, and nothing is read in it.
    const count = (await ttsLog()).filter((e) => e.text).length;
    await page.frameLocator('body iframe').locator('#f').hover();
    await page.waitForTimeout(700);
    expect((await ttsLog()).filter((e) => e.text).length).toBe(count);
    const frame = page
      .frames()
      .find((f) => f !== page.mainFrame() && !f.url().includes('caption-frame'));
    expect(
      await frame?.evaluate(() => document.querySelector('yidu-assist, [data-speaking]')),
    ).toBeNull();
    expect(await control.getByText('工具作用于页面本身，不进入页面内嵌的框架。').isVisible()).toBe(
      true,
    );

    await setTools([]);
    expect(
      await page.evaluate(() => document.querySelectorAll('yidu-assist, [data-speaking]').length),
    ).toBe(0);
    await control.close();
    await page.close();
  });

  // Its timing (our script per move, long tasks with the tools on and off, dwell end to the
  // voice's start) is measured by `npm run bench` (scripts/lib/bench-assist.ts), not asserted here.
  it('a 10 MB page: the tools follow the pointer and read, the page keeps working, all off restores it', async () => {
    const { page, setTools, control } = await open('ziyang-list');
    // About 10 MB of links and paragraphs, as the biggest portal pages have.
    const size = await page.evaluate(() => {
      const row = (i: number) =>
        `<li><a href="/item/${i}">第${i}条 关于做好政务公开工作的通知</a><p>${'各县（区）人民政府，市级各部门：为进一步做好政务公开工作，现将有关事项通知如下。'.repeat(3)}</p></li>`;
      const rows: string[] = [];
      for (let i = 0; i < 22_000; i++) rows.push(row(i));
      const list = document.createElement('ul');
      list.id = 'huge';
      list.innerHTML = rows.join('');
      document.body.prepend(list);
      return document.documentElement.outerHTML.length;
    });
    expect(size).toBeGreaterThan(3_300_000); // characters: CJK is three bytes each in UTF-8
    const before = await page.evaluate(() => ({
      html: document.documentElement.outerHTML.length,
      padding: getComputedStyle(document.documentElement).paddingBottom,
      cursor: getComputedStyle(document.querySelector('#huge a') as Element).cursor,
    }));
    await setTools(['pointRead', 'caption', 'ruler', 'cursor']);
    await clearTts();
    for (let i = 0; i < 60; i++) await page.mouse.move(100 + (i % 7) * 40, 60 + i * 9);
    // A link in the huge list: outlined, read, its text in the caption; the ruler on its line.
    const link = page.locator('#huge a').nth(4);
    const text = collapse((await link.textContent()) ?? '');
    await link.hover();
    await expect.poll(() => link.getAttribute('data-speaking')).toBe('true');
    await expect
      .poll(async () => (await ttsLog()).find((e) => e.text === `链接，${text}`)?.events)
      .toContain('start');
    const caption = await captionBar(page);
    await expect.poll(() => caption.textContent()).toBe(text);
    const box = await link.boundingBox();
    const band = await page.evaluate(() =>
      document
        .querySelector('yidu-assist')
        ?.shadowRoot?.querySelector('[data-testid="reading-ruler"]')
        ?.children[1]?.getBoundingClientRect()
        .toJSON(),
    );
    const linkCentre = (box?.y ?? 0) + (box?.height ?? 0) / 2;
    expect(band?.top ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(linkCentre);
    expect(band?.bottom ?? 0).toBeGreaterThanOrEqual(linkCentre);
    // The page still works: its links still lead somewhere and its text can be selected.
    expect(await link.getAttribute('href')).toBe('/item/4');
    expect(
      await page.evaluate(() => {
        const range = document.createRange();
        range.selectNodeContents(document.querySelector('#huge p') as Node);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
        return getSelection()?.toString().length ?? 0;
      }),
    ).toBeGreaterThan(10);
    await setTools([]);
    expect(
      await page.evaluate(() => ({
        html: document.documentElement.outerHTML.length,
        padding: getComputedStyle(document.documentElement).paddingBottom,
        cursor: getComputedStyle(document.querySelector('#huge a') as Element).cursor,
      })),
    ).toEqual(before);
    expect(
      await page.evaluate(() => document.querySelectorAll('yidu-assist, [data-speaking]').length),
    ).toBe(0);
    await control.close();
    await page.close();
  });
});

describe('control size', () => {
  it('the popup and the reader toolbar at normal, large and extra large: targets of 48/60/72 px, larger labels, axe clean, the article below the toolbar', async () => {
    const {
      page,
      control,
      setSettings,
    } = // As reading.test.ts's axe check: the Ziyang article's reader has a scroll region with nothing
      // focusable in it (axe's scrollable-region-focusable), a finding of the reader's own.
      await open('hanweb-notice');
    await page.getByTestId('reader-entry').click();
    await page.getByTestId('reader-content').waitFor();
    const sizes = { normal: [48, 18], large: [60, 22], xlarge: [72, 28] } as const;
    for (const [size, [target, label]] of Object.entries(sizes)) {
      await control.getByTestId(`controls-${size}`).click();
      await expect
        .poll(() => control.getByTestId(`controls-${size}`).getAttribute('aria-pressed'))
        .toBe('true');
      const measure = (where: Page) =>
        where.evaluate(() => {
          const roots: (Document | ShadowRoot)[] = [document];
          const reader = document.querySelector('yidu-reader')?.shadowRoot;
          if (reader) roots.push(reader);
          const buttons = roots.flatMap((root) => Array.from(root.querySelectorAll('button')));
          const rects = buttons
            .map((button) => button.getBoundingClientRect())
            .filter((rect) => rect.width > 0);
          return {
            smallest: Math.min(...rects.map((rect) => Math.min(rect.width, rect.height))),
            // The size choice's own buttons: plain labels (the popup's open button is larger).
            label: Number.parseFloat(
              getComputedStyle(
                roots
                  .map((root) => root.querySelector('[data-testid^="controls-"]'))
                  .find(Boolean) ?? document.body,
              ).fontSize,
            ),
          };
        });
      const popup = await measure(control);
      expect(popup.smallest, `popup ${size}`).toBeGreaterThanOrEqual(target);
      expect(popup.label, `popup ${size}`).toBe(label);
      expect(await axeViolations(control), `popup ${size}`).toEqual([]);
      await page.bringToFront();
      await expect.poll(async () => (await measure(page)).smallest).toBeGreaterThanOrEqual(target);
      // The toolbar wraps rather than hides, and the article starts below it.
      const layout = await page.evaluate(() => {
        const root = document.querySelector('yidu-reader')?.shadowRoot;
        const toolbar = root?.querySelector('.yd-toolbar')?.getBoundingClientRect();
        const title = root?.querySelector('[data-testid="reader-title"]')?.getBoundingClientRect();
        return { toolbarBottom: toolbar?.bottom ?? 0, titleTop: title?.top ?? 0 };
      });
      expect(layout.titleTop, `reader ${size}`).toBeGreaterThanOrEqual(layout.toolbarBottom);
      expect(await axeViolations(page, ['yidu-reader', '.yd-overlay']), `reader ${size}`).toEqual(
        [],
      );
    }
    await setSettings({ controlSize: 'normal' });
    await control.close();
    await page.close();
  });

  it('the on-page button follows it at once: labels of 18/22/28 px, targets of 48/60/72 px, beside the text', async () => {
    const { page, control, setSettings } = await open('ziyang-article');
    const entry = page.getByTestId('reader-entry');
    await entry.waitFor();
    const measure = () =>
      page.evaluate(() => {
        const root = document.querySelector('yidu-entry')?.shadowRoot;
        const [open, dismiss] = Array.from(root?.querySelectorAll('button') ?? []);
        const box = (button?: Element) => button?.getBoundingClientRect();
        const text = Array.from(document.querySelectorAll('p'))
          .filter((p) => (p.textContent?.trim().length ?? 0) >= 8 && p.offsetWidth > 0)
          .map((p) => p.getBoundingClientRect());
        const group = root?.querySelector('div')?.getBoundingClientRect();
        return {
          label: open ? Number.parseFloat(getComputedStyle(open).fontSize) : 0,
          smallest: Math.min(
            ...[box(open), box(dismiss)].map((r) => Math.min(r?.width ?? 0, r?.height ?? 0)),
          ),
          // The buttons' box over none of the page's text blocks.
          overText: text.some(
            (r) =>
              group &&
              r.left < group.right &&
              r.right > group.left &&
              r.top < group.bottom &&
              r.bottom > group.top,
          ),
        };
      });
    const sizes = { large: [60, 22], xlarge: [72, 28], normal: [48, 18] } as const;
    for (const [size, [target, label]] of Object.entries(sizes)) {
      await setSettings({ controlSize: size });
      await expect.poll(async () => (await measure()).label).toBe(label);
      const shown = await measure();
      expect(shown.smallest, size).toBeGreaterThanOrEqual(target);
      expect(shown.overText, size).toBe(false);
      expect(await axeViolations(page, ['yidu-entry']), size).toEqual([]);
    }
    // A page opened at extra large shows the button at that size from the start.
    await setSettings({ controlSize: 'xlarge' });
    await page.reload();
    await entry.waitFor();
    expect((await measure()).label).toBe(28);
    expect((await measure()).smallest).toBeGreaterThanOrEqual(72);
    await setSettings({ controlSize: 'normal' });
    await control.close();
    await page.close();
  });
});
