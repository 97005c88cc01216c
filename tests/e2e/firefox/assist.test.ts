/**
 * The 辅助工具 in Firefox with the built add-on, on a government column list and an article: 指读
 * speaks in the page with speechSynthesis (Firefox has no tts API for add-ons, and its page speech
 * needs no click first), through speech-dispatcher and espeak-ng into a null audio device: real
 * voices, heard by nobody. In the reader it takes the voice over from the reader's own reading aloud
 * (the same page's speechSynthesis), which stops. The caption bar shows the text, the guide lines
 * and the ruler follow the pointer, and "all off" leaves the page as it was.
 *
 * Speech is observed where 指读 speaks, as the Chromium test wraps chrome.tts in the service worker:
 * `scripting.executeScript` runs in the add-on's content-script world of the tab, the world the tools'
 * bundle runs in, and wraps its speechSynthesis there. Each call is logged with its text, and the
 * voice's own events (start, end, error) on the real utterance.
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collapse } from '../../../utils/assist/describe';
import type { AssistTool } from '../../../utils/assist/tools';
import type { Message } from '../../../utils/messages';
import { pageDigest } from '../page-digest';
import {
  attributeOf,
  click,
  countOf,
  type FirefoxHarness,
  openPopup,
  readerShown,
  startFirefoxHarness,
  testId,
  visit,
} from './harness';

let harness: FirefoxHarness;

beforeAll(async () => {
  harness = await startFirefoxHarness();
});
afterAll(async () => {
  await harness?.close();
});

interface SpeechEntry {
  /** The utterance's text; none for a cancel. */
  text?: string;
  cancel?: true;
  /** The voice's events for the utterance, in order. */
  events: string[];
}

/**
 * Runs `func` in the add-on's content-script world of the tab's top frame (where the tools' bundle
 * runs: one world per add-on and document) and returns its result. It goes as source code through
 * Manifest V2's tabs.executeScript: the add-on's pages may not build functions from text.
 */
function inContentWorld<T>(tabId: number, func: () => T): Promise<T> {
  return harness.control.evaluate(
    async (id, code) => {
      const tabs = browser.tabs as unknown as {
        executeScript(tabId: number, details: { code: string }): Promise<unknown[]>;
      };
      const [result] = await tabs.executeScript(id, { code });
      return result;
    },
    tabId,
    `(${func.toString()})()`,
  ) as Promise<T>;
}

/** Wraps speechSynthesis in the tab's content-script world (once): every speak and cancel is logged. */
const watchSpeech = (tabId: number) =>
  inContentWorld(tabId, () => {
    const world = globalThis as unknown as { speechLog?: SpeechEntry[] };
    if (world.speechLog) return;
    const log: SpeechEntry[] = [];
    world.speechLog = log;
    const synthesis = globalThis.speechSynthesis;
    const speak = synthesis.speak.bind(synthesis);
    const cancel = synthesis.cancel.bind(synthesis);
    synthesis.speak = (utterance: SpeechSynthesisUtterance) => {
      const entry: SpeechEntry = { text: utterance.text, events: [] };
      log.push(entry);
      utterance.addEventListener('start', () => entry.events.push('start'));
      utterance.addEventListener('end', () => entry.events.push('end'));
      utterance.addEventListener('error', (event) =>
        entry.events.push(`error:${(event as SpeechSynthesisErrorEvent).error}`),
      );
      speak(utterance);
    };
    synthesis.cancel = () => {
      log.push({ cancel: true, events: [] });
      cancel();
    };
  });

const speechLog = (tabId: number) =>
  inContentWorld(
    tabId,
    () => (globalThis as unknown as { speechLog?: SpeechEntry[] }).speechLog ?? [],
  );
const clearSpeech = (tabId: number) =>
  inContentWorld(tabId, () => {
    const log = (globalThis as unknown as { speechLog?: SpeechEntry[] }).speechLog;
    if (log) log.length = 0;
  });
/** The first utterance whose text starts with `prefix`, after the first `from` entries. */
const said = async (tabId: number, prefix: string, from = 0) =>
  (await speechLog(tabId)).slice(from).find((entry) => entry.text?.startsWith(prefix));

/** A page, the popup aimed at its tab, and the popup's own message to set the tab's tools. */
async function open(slug: string) {
  const { page, tabId } = await visit(harness, slug);
  const popup = await openPopup(harness, tabId);
  await page.bringToFront();
  const setTools = async (tools: AssistTool[]) => {
    const message: Message = { type: 'ui→background:assist-set', tabId, tools };
    const result = await popup.evaluate((m) => browser.runtime.sendMessage(m), message);
    expect(result).toEqual({ ok: true, tools });
    await page.bringToFront();
  };
  return { page, tabId, popup, setTools };
}

/** The n-th link the user can see. */
async function visibleLink(page: Page, n: number) {
  const handle = await page.evaluateHandle(
    (index) =>
      Array.from(document.querySelectorAll('a[href]')).filter((link) => {
        const box = link.getBoundingClientRect();
        return (
          link.checkVisibility({ visibilityProperty: true }) && box.width > 0 && box.height > 0
        );
      })[index],
    n,
  );
  const link = handle.asElement() as ElementHandle<Element> | null;
  if (!link) throw new Error(`no visible link ${n}`);
  return link;
}

/** Its `data-speaking`, or null. */
const speakingMark = (element: ElementHandle<Element>) =>
  element.evaluate((e) => e.getAttribute('data-speaking'));

const speaking = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('[data-speaking="true"]'), (e) => e.textContent?.trim()),
  );

/**
 * The caption bar's extension frames (their address is read inside them: the BiDi frame tree
 * gives an extension frame as about:blank).
 */
async function captionFrames(page: Page) {
  const frames = page.frames().filter((frame) => frame !== page.mainFrame());
  const paths = await Promise.all(
    frames.map((frame) => frame.evaluate(() => location.pathname).catch(() => '')),
  );
  return frames.filter((_, i) => paths[i] === '/caption-frame.html');
}

/** The caption bar's text, inside its extension frame (null while there is none). */
async function captionText(page: Page): Promise<string | null> {
  const [frame] = await captionFrames(page);
  if (!frame) return null;
  const handle = await frame.$(testId('caption-bar'));
  if (!handle) return null;
  try {
    return await handle.evaluate((element) => element.textContent);
  } finally {
    await handle.dispose();
  }
}

/** 指读's outline: the box its four edges enclose (our shadow root), or null. */
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

/** Where an element of our shadow root is drawn, or null when there is none or it is hidden. */
const boxesOf = (page: Page, id: string) =>
  page.evaluate((hook) => {
    const part = document
      .querySelector('yidu-assist')
      ?.shadowRoot?.querySelector(`[data-testid="${hook}"]`) as HTMLElement | null | undefined;
    if (!part || part.hidden) return null;
    return Array.from(part.children, (child) => {
      const { top, left, height } = child.getBoundingClientRect();
      return { top, left, height };
    });
  }, id);

describe('指读 in Firefox', () => {
  it('hover a link: outlined, data-speaking, a real voice starts with its text; moving on stops it', async () => {
    const { page, tabId, popup } = await open('ziyang-list');
    await popup.bringToFront();
    await click(popup, 'assist-point-read');
    await expect.poll(() => attributeOf(popup, 'assist-point-read', 'aria-pressed')).toBe('true');
    await page.bringToFront();
    await watchSpeech(tabId);

    const first = await visibleLink(page, 5);
    const second = await visibleLink(page, 8);
    const firstText = collapse(await first.evaluate((link) => link.textContent ?? ''));
    const secondText = collapse(await second.evaluate((link) => link.textContent ?? ''));
    await page.mouse.move(5, 5);
    await first.hover();
    await expect.poll(() => speakingMark(first)).toBe('true');
    // The voice really started: speech-dispatcher's start event on the utterance.
    // Found by its text: on a loaded machine the pointer can rest on the page's top bar (where it
    // waited) past the dwell, and that link is read first.
    await expect
      .poll(async () => (await said(tabId, `链接，${firstText}`))?.text)
      .toBe(`链接，${firstText}`);
    await expect
      .poll(async () => (await said(tabId, `链接，${firstText}`))?.events)
      .toContain('start');
    // The outline is ours, around the link: the page's element is not restyled.
    expect(await first.evaluate((link) => getComputedStyle(link).outlineStyle)).toBe('none');
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

    const before = (await speechLog(tabId)).length;
    await second.hover();
    await expect.poll(() => speakingMark(first)).toBeNull();
    await expect.poll(() => speakingMark(second)).toBe('true');
    await expect
      .poll(async () => (await said(tabId, '链接，', before))?.text)
      .toBe(`链接，${secondText}`);
    await expect.poll(async () => (await said(tabId, '链接，', before))?.events).toContain('start');
    // What was said before it was cancelled first (the first may have ended already: a null device).
    const after = (await speechLog(tabId)).slice(before);
    const cancelledAt = after.findIndex((entry) => entry.cancel);
    expect(cancelledAt).toBeGreaterThanOrEqual(0);
    expect(cancelledAt).toBeLessThan(after.findIndex((entry) => entry.text));
    await popup.close();
    await page.close();
  });

  it('Tab to a link reads it at once', async () => {
    const { page, tabId, popup, setTools } = await open('ziyang-list');
    await setTools(['pointRead']);
    await watchSpeech(tabId);
    await clearSpeech(tabId);
    await page.mouse.move(5, 5);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const active = document.activeElement as HTMLElement | null;
      return { tag: active?.tagName, text: active?.textContent ?? '' };
    });
    expect(focused.tag).toBe('A');
    await expect
      .poll(async () => (await said(tabId, '链接，'))?.text)
      .toBe(`链接，${collapse(focused.text)}`);
    await expect.poll(async () => (await said(tabId, '链接，'))?.events).toContain('start');
    expect(await speaking(page)).toEqual([focused.text.trim()]);
    await setTools([]);
    await popup.close();
    await page.close();
  });
});

describe('指读 in the reader in Firefox', () => {
  it('a paragraph under the pointer while the reader reads aloud: the reading stops and 指读 says it', async () => {
    const { page, tabId, popup, setTools } = await open('hanweb-notice');
    await page.waitForFunction(() => speechSynthesis.getVoices().length > 0, { timeout: 30_000 });
    await click(page, 'reader-entry');
    await readerShown(page);
    await setTools(['pointRead']);
    await watchSpeech(tabId);
    // Both read in this page, with its one speechSynthesis.
    await click(page, 'speech-play');
    await expect.poll(() => attributeOf(page, 'speech-play', 'data-state')).toBe('playing');
    const paragraph = await page.waitForSelector(`${testId('reader-content')} p:nth-of-type(3)`);
    if (!paragraph) throw new Error('no paragraph');
    const text = collapse(await paragraph.evaluate((p) => p.textContent ?? ''));
    await paragraph.hover();
    await expect.poll(() => attributeOf(page, 'speech-play', 'data-state')).toBe('idle');
    const last = async () => (await speechLog(tabId)).filter((entry) => entry.text).at(-1);
    await expect.poll(async () => (await last())?.text?.slice(0, 6)).toBe(text.slice(0, 6));
    await expect.poll(async () => (await last())?.events).toContain('start');
    expect(await speakingMark(paragraph)).toBe('true');
    await setTools([]);
    await popup.close();
    await page.close();
  });
});

describe('大字幕, 十字线 and the reading ruler in Firefox', () => {
  it('the caption shows the text under the pointer; the guides and the ruler follow the pointer', async () => {
    const { page, popup, setTools } = await open('ziyang-article');
    await setTools(['caption']);
    const paragraph = await page.evaluateHandle(() =>
      Array.from(document.querySelectorAll('p')).find(
        (p) => p.checkVisibility() && /\p{Script=Han}{20}/u.test(p.textContent ?? ''),
      ),
    );
    const element = paragraph.asElement() as ElementHandle<Element> | null;
    if (!element) throw new Error('no paragraph');
    await element.scrollIntoView();
    const box = await element.boundingBox();
    if (!box) throw new Error('no box');
    await page.mouse.move(box.x + 10, box.y + 5);
    const text = collapse(await element.evaluate((p) => p.textContent ?? ''));
    // The bar shows as much of it as its two lines hold.
    await expect
      .poll(async () => ((await captionText(page)) ?? '').length)
      .toBeGreaterThanOrEqual(Math.min(20, text.length));
    expect(text.startsWith((await captionText(page)) ?? '-')).toBe(true);

    await setTools(['guides']);
    const lines = async () => {
      const [h, v] = (await boxesOf(page, 'reading-guides')) ?? [];
      return h && v ? { x: Math.round(v.left + 1), y: Math.round(h.top + 1) } : null;
    };
    await page.mouse.move(300, 200);
    await expect.poll(lines).toEqual({ x: 300, y: 200 });
    await page.mouse.move(640, 450, { steps: 4 });
    await expect.poll(lines).toEqual({ x: 640, y: 450 });

    await setTools(['ruler']);
    const bandCentre = async () => {
      const band = (await boxesOf(page, 'reading-ruler'))?.[1];
      return band && (await boxesOf(page, 'reading-guides')) === null
        ? Math.round(band.top + band.height / 2)
        : null;
    };
    await page.mouse.move(400, 300);
    await expect
      .poll(async () => Math.abs(((await bandCentre()) ?? 0) - 300))
      .toBeLessThanOrEqual(1);
    await page.mouse.move(400, 520, { steps: 3 });
    await expect
      .poll(async () => Math.abs(((await bandCentre()) ?? 0) - 520))
      .toBeLessThanOrEqual(1);
    await setTools([]);
    await popup.close();
    await page.close();
  });
});

describe('all off in Firefox', () => {
  it('the popup\'s "all off" leaves the DOM and every computed style as they were', async () => {
    const { page, popup } = await open('ziyang-article');
    const snapshot = () => page.evaluate(pageDigest);
    await page.mouse.move(1, 1);
    const before = await snapshot();
    const link = await visibleLink(page, 3);
    for (const ruler of [false, true]) {
      // Turned on and off as the user does: the popup's toggles, then its "all off".
      await popup.bringToFront();
      for (const hook of ['point-read', 'caption', ruler ? 'ruler' : 'guides', 'cursor']) {
        await click(popup, `assist-${hook}`);
        await expect.poll(() => attributeOf(popup, `assist-${hook}`, 'aria-pressed')).toBe('true');
      }
      await page.bringToFront();
      await link.hover();
      await expect.poll(() => speakingMark(link)).toBe('true');
      await page.mouse.move(300, 300);
      await popup.bringToFront();
      await click(popup, 'assist-off');
      await expect
        .poll(() => attributeOf(popup, 'assist-point-read', 'aria-pressed'))
        .toBe('false');
      await page.bringToFront();
      await page.mouse.move(1, 1);
      await expect.poll(async () => (await captionFrames(page)).length).toBe(0);
      expect(await countOf(page, 'caption-bar')).toBe(0);
      expect(await snapshot(), ruler ? 'with the ruler' : 'with the guides').toBe(before);
    }
    await popup.close();
    await page.close();
  });
});
