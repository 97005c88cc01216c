/// <reference types="chrome" />
/**
 * The 辅助工具 on government pages (a column list and an article), in Chromium with the built
 * extension and real voices: 指读 through chrome.tts (observed in the service worker), the caption
 * bar in the chosen script and size, the guide lines and the ruler following the pointer, the large
 * pointer, "all off" leaving the DOM and computed styles as they were, and axe with each tool on.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collapse } from '../../utils/assist/describe';
import type { AssistTool } from '../../utils/assist/tools';
import { loadConverter } from '../../utils/convert/load-converter';
import { loadNodeDictionaries } from '../../utils/convert/load-node';
import type { Message } from '../../utils/messages';
import { axeViolations, type Harness, openPopup, startHarness, tabIdOf } from './harness';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
  // Every chrome.tts call the background makes, with the events the voice reports.
  await harness.serviceWorker.evaluate(() => {
    const world = globalThis as unknown as {
      ttsLog: { text?: string; stop?: true; at: number; events: string[] }[];
    };
    world.ttsLog = [];
    const speak = chrome.tts.speak.bind(chrome.tts);
    const stop = chrome.tts.stop.bind(chrome.tts);
    chrome.tts.speak = ((text: string, options: chrome.tts.TtsOptions = {}) => {
      const entry = { text, at: Date.now(), events: [] as string[] };
      world.ttsLog.push(entry);
      return speak(text, {
        ...options,
        onEvent: (event) => {
          entry.events.push(event.type);
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

type TtsEntry = { text?: string; stop?: true; at: number; events: string[] };
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
      // The outline does not move anything: an outline and a shadow, no border.
      const outline = await first.evaluate((element) => {
        const style = getComputedStyle(element);
        return { outline: style.outlineStyle, width: style.outlineWidth };
      });
      expect(outline).toEqual({ outline: 'solid', width: '3px' });

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

describe('大字幕 (caption bar)', () => {
  it('shows the text under the pointer in the chosen script and size, and gives the page room', async () => {
    const { page, setTools, setSettings, control } = await open('ziyang-article');
    await setSettings({ script: 'tw', captionSizePx: 40 });
    await setTools(['caption']);
    const caption = page.getByTestId('caption-bar');
    const paragraph = page.locator('p:visible', { hasText: /\p{Script=Han}{20}/u }).first();
    await paragraph.scrollIntoViewIfNeeded();
    await paragraph.hover({ position: { x: 10, y: 5 } });
    const original = collapse((await paragraph.textContent()) ?? '');
    const converter = await loadConverter('cn', 'tw', loadNodeDictionaries);
    await expect.poll(() => caption.textContent()).toBe(converter.convert(original));
    expect(converter.convert(original)).not.toBe(original);
    expect(await caption.evaluate((bar) => getComputedStyle(bar).fontSize)).toBe('40px');
    // Bigger type from the options, at once.
    await setSettings({ captionSizePx: 64 });
    await expect.poll(() => caption.evaluate((bar) => getComputedStyle(bar).fontSize)).toBe('64px');
    // The bar is at the bottom and the page has at least its height of room below.
    const room = await page.evaluate(() => ({
      padding: Number.parseFloat(getComputedStyle(document.documentElement).paddingBottom),
      bar: document
        .querySelector('yidu-assist')
        ?.shadowRoot?.querySelector('[data-testid="caption-bar"]')
        ?.getBoundingClientRect(),
      height: innerHeight,
    }));
    expect(room.bar?.bottom).toBeCloseTo(room.height, 0);
    expect(room.padding).toBeGreaterThanOrEqual(room.bar?.height ?? Number.POSITIVE_INFINITY);
    // Hovering where the bar is changes nothing.
    const shown = await caption.textContent();
    await page.mouse.move(600, room.height - 20);
    await page.waitForTimeout(200);
    expect(await caption.textContent()).toBe(shown);
    // The bar ignores the pointer.
    expect(await caption.evaluate((bar) => getComputedStyle(bar).pointerEvents)).toBe('none');
    await setTools([]);
    await setSettings({ script: 'original', captionSizePx: 40 });
    await control.close();
    await page.close();
  });
});

describe('十字线 and the reading ruler', () => {
  it('follow the pointer', async () => {
    const { page, setTools, control } = await open('ziyang-article');
    await setTools(['guides']);
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

    await setTools(['ruler']);
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
    const snapshot = () =>
      page.evaluate(() => {
        const parts: string[] = [document.documentElement.outerHTML];
        for (const element of Array.from(document.querySelectorAll('*'))) {
          const style = getComputedStyle(element);
          let line = '';
          for (let i = 0; i < style.length; i++) {
            const name = style.item(i);
            line += `${name}:${style.getPropertyValue(name)};`;
          }
          parts.push(line);
        }
        parts.push(String(document.adoptedStyleSheets.length), String(document.styleSheets.length));
        // A digest, not megabytes over the wire: any change shows.
        let hash = 0;
        const all = parts.join('\n');
        for (let i = 0; i < all.length; i++) hash = (hash * 31 + all.charCodeAt(i)) | 0;
        return `${all.length}:${hash}`;
      });
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
