/**
 * Real pages served to Chromium under government host names, and what the browser figures read
 * inside them: `npm run bench` (scripts/bench-browser.ts) and tests/e2e/huge-page.test.ts.
 *
 * Every page is served from one loopback server at `http://yidu-bench-<name>.gov.cn/...`, a host the
 * detector's match patterns cover; Chromium is started with the rules from `hostRules` so those
 * names reach the server and every other host fails at once (this machine's network is closed, and
 * a page waiting on its saved CDN links would measure the network, not us). Pages are served with
 * `Content-Security-Policy: script-src 'none'`: the saved pages' own scripts (analytics, redirects
 * to their live sites) do not run, while the extension's content scripts, which page CSP does not
 * govern, do.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { CDPSession, Page } from 'playwright-core';
import { decodeHtml } from '../../utils/decode-html';
import { DETECT_RUN_GLOBAL, type DetectRun } from '../../utils/detect/detect-article-page';
import { CORPUS_DIR, corpusPages } from './corpus';
import { loadDocument } from './inspect-page';

/**
 * Each page gets a site of its own, as each portal is: Chromium then gives it its own renderer
 * process, so the extension's scripts start cold on every page, as they do for a user going from
 * one portal to another.
 */
const benchHost = (name: string) => `yidu-bench-${name}.gov.cn`;

export interface ServedPage {
  /** Where the browser visits it. */
  url: string;
  html: string;
  /** Where it came from (a corpus path), for reports. */
  source: string;
}

export interface PageServer {
  port: number;
  /** Chromium's --host-resolver-rules value. */
  hostRules: string;
  /** Serves more pages from now on. */
  add(pages: ServedPage[]): void;
  close(): Promise<void>;
}

const key = (url: URL) => `${url.hostname}${url.pathname}${url.search}`;

export async function servePages(pages: ServedPage[] = []): Promise<PageServer> {
  const byKey = new Map<string, ServedPage>();
  const add = (more: ServedPage[]) => {
    for (const page of more) byKey.set(key(new URL(page.url)), page);
  };
  add(pages);
  const server = createServer((request, response) => {
    const page = byKey.get(key(new URL(request.url ?? '/', `http://${request.headers.host}`)));
    if (!page) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "script-src 'none'",
    });
    response.end(page.html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    hostRules: `MAP yidu-bench-*.gov.cn 127.0.0.1:${port}, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1`,
    add,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Every `step`-th corpus article (in MANIFEST order), decoded as a browser would and re-served as
 * UTF-8 under a host of its own with its original path, so URL-shape rules still see it.
 */
export function corpusArticleSample(step: number): ServedPage[] {
  return corpusPages()
    .filter((page) => page.kind === 'article')
    .filter((_, index) => index % step === 0)
    .map((page, index) => {
      const original = page.url === 'about:blank' ? undefined : new URL(page.url);
      const path = original ? `${original.pathname}${original.search}` : `/page-${index}.html`;
      return {
        url: `http://${benchHost(`p${index}`)}${path}`,
        html: decodeHtml(readFileSync(page.path)).text,
        source: page.path.slice(CORPUS_DIR.length + 1),
      };
    });
}

/** The real government article page the huge pages are made of (山西省人民政府门户网站, 2019). */
const HUGE_PAGE_SOURCE = 'gne/tests/shanxi/1.html';

/** What a huge page repeats: its article's paragraphs, or its menu of links to other sites. */
const HUGE_PAGE_PARTS = {
  // A long policy document as some portals publish them, whole, in one page.
  article: '.TRS_Editor',
  // A huge index: no paragraph ends the detector's text walk early.
  links: '.friend-link-submenu',
} as const;

/**
 * A real government page grown to about `targetBytes` of HTML by repeating one of its own parts
 * in place. Served at a path no portal URL shape knows, so the detector cannot settle it from
 * metadata and URL alone and does its full text walk.
 */
export function hugePage(
  kind: keyof typeof HUGE_PAGE_PARTS,
  targetBytes = 10 * 1024 * 1024,
): ServedPage {
  const { dom } = loadDocument(readFileSync(`${CORPUS_DIR}/${HUGE_PAGE_SOURCE}`), 'about:blank');
  const doc = dom.window.document;
  const part = doc.querySelector(HUGE_PAGE_PARTS[kind]);
  if (!part) throw new Error(`no ${HUGE_PAGE_PARTS[kind]} in ${HUGE_PAGE_SOURCE}`);
  const unit = part.innerHTML;
  const marker = '<!--yidu-bench-repeat-->';
  part.innerHTML = marker;
  const [before = '', after = ''] = `<!DOCTYPE html>\n${doc.documentElement.outerHTML}`.split(
    marker,
  );
  dom.window.close();
  const repeats = Math.max(
    1,
    Math.ceil(
      (targetBytes - Buffer.byteLength(before) - Buffer.byteLength(after)) /
        Buffer.byteLength(unit),
    ),
  );
  return {
    url: `http://${benchHost('huge')}/bench/huge-${kind}.html`,
    html: before + unit.repeat(repeats) + after,
    source: `${HUGE_PAGE_SOURCE}, ${HUGE_PAGE_PARTS[kind]} repeated ${repeats} times`,
  };
}

/**
 * Makes `page` record the main thread's long tasks from its very start (the page's own parsing
 * included), for `detectorCost`. Call before navigating.
 */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const tasks: { start: number; duration: number }[] = [];
    (window as unknown as { yiduLongTasks: typeof tasks }).yiduLongTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** The durations of the long tasks `page` recorded (see `recordLongTasks`) since `since`, its performance.now(). */
export function longTasksSince(page: Page, since: number): Promise<number[]> {
  return page.evaluate(
    (from) =>
      (
        (window as unknown as { yiduLongTasks?: { start: number; duration: number }[] })
          .yiduLongTasks ?? []
      )
        .filter((task) => task.start >= from)
        .map((task) => task.duration),
    since,
  );
}

export interface DetectorCost {
  /** The detector's own run, as it recorded it (`DETECT_RUN_GLOBAL`). */
  detectMs: number;
  /** The longest long task overlapping that run (0 when none: every task was under 50 ms). */
  longestTaskMs: number;
  /** Long tasks anywhere in the page's life so far, the page's own parsing and layout included. */
  pageLongTasks: number;
}

/** Waits for the detector to have run in `page` and reads what it cost (see `recordLongTasks`). */
export async function detectorCost(page: Page, timeout = 60_000): Promise<DetectorCost> {
  const session = await page.context().newCDPSession(page);
  let run: DetectRun | undefined;
  try {
    const deadline = Date.now() + timeout;
    while (!run) {
      run = await readExtensionGlobal<DetectRun>(session, DETECT_RUN_GLOBAL);
      if (run) break;
      if (Date.now() > deadline) throw new Error('the detector did not run');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await session.detach();
  }
  // A long task is reported when it ends: give the observer a frame to deliver it.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
  return page.evaluate((measure) => {
    const tasks = (window as unknown as { yiduLongTasks?: { start: number; duration: number }[] })
      .yiduLongTasks;
    if (!tasks) throw new Error('no long-task record');
    const end = measure.start + measure.duration;
    const overlapping = tasks.filter(
      (task) => task.start < end && task.start + task.duration > measure.start,
    );
    return {
      detectMs: measure.duration,
      longestTaskMs: Math.max(0, ...overlapping.map((task) => task.duration)),
      pageLongTasks: tasks.length,
    };
  }, run);
}

/**
 * A global of the extension's content scripts in the page's top frame (their isolated world, which
 * the page cannot see), read through the DevTools protocol; undefined while it is not there.
 */
export function readExtensionGlobal<T>(session: CDPSession, name: string): Promise<T | undefined> {
  return inExtensionWorld<T>(session, `globalThis[${JSON.stringify(name)}]`);
}

/**
 * Evaluates `expression` in the extension's isolated world in the page's top frame, through the
 * DevTools protocol; its value (by value), or undefined when no such world gives one.
 */
export async function inExtensionWorld<T>(
  session: CDPSession,
  expression: string,
): Promise<T | undefined> {
  const worlds: number[] = [];
  const onContext = (event: {
    context: { id: number; origin: string; auxData?: { isDefault?: boolean } };
  }) => {
    const { id, origin, auxData } = event.context;
    if (origin.startsWith('chrome-extension://') && auxData?.isDefault === false) worlds.push(id);
  };
  session.on('Runtime.executionContextCreated', onContext);
  // Enabling reports every existing context as created.
  await session.send('Runtime.enable');
  await session.send('Runtime.disable');
  session.off('Runtime.executionContextCreated', onContext);
  for (const contextId of worlds) {
    const { result } = await session
      .send('Runtime.evaluate', { expression, contextId, returnByValue: true })
      .catch(() => ({ result: undefined }));
    if (result?.value !== undefined) return result.value as T;
  }
  return undefined;
}

export interface ReaderOpening {
  /** From the click's event time to the first animation frame with the reader's content in it. */
  ms: number;
  /** What the reader showed: the article, or its message that it found none. */
  shown: 'article' | 'problem';
  /** Whether a frame before it showed the reader's "working on a huge page" message. */
  working: boolean;
}

/**
 * Sets `window.yiduOpened` to a promise of the next opening's `ReaderOpening` (and returns nothing,
 * or the evaluation would wait for it). Source text rather than a function: tsx's transform would name inner functions with a helper the page lacks.
 */
const WATCH_READER_OPENING = `window.yiduOpened = new Promise((resolve) => {
  let clickAt = Number.NaN;
  addEventListener('click', (event) => { clickAt = event.timeStamp; }, { capture: true, once: true });
  // The reader's host is appended to <html>: look there, not through a 10 MB page.
  const host = () => [...document.documentElement.children].find((child) => child.localName === 'yidu-reader');
  const shownNow = () => {
    const root = host()?.shadowRoot;
    if (root?.querySelector('.yd-content')) return 'article';
    if (root?.querySelector('[data-testid="reader-problem"]')) return 'problem';
    return undefined;
  };
  let working = false;
  const frame = () => {
    const shown = shownNow();
    if (shown) resolve({ ms: performance.now() - clickAt, shown, working });
    else {
      working ||= Boolean(host()?.shadowRoot?.querySelector('[data-testid="reader-working"]'));
      requestAnimationFrame(frame);
    }
  };
  const observer = new MutationObserver(() => {
    if (!host()) return;
    observer.disconnect();
    requestAnimationFrame(frame);
  });
  observer.observe(document.documentElement, { childList: true });
});
undefined`;

/**
 * Clicks the on-page reader button through `click` and times, inside the page, the click event to
 * the first animation frame after the reader's article (`.yd-content`) or its problem message is in
 * the `yidu-reader` shadow root. The reader extracts and renders in one task (on a huge page after
 * a frame saying it is working), so the frame after the content appears is the one that paints it.
 */
export async function timeReaderOpening(
  page: Page,
  click: () => Promise<void>,
  timeout = 30_000,
): Promise<ReaderOpening> {
  await page.evaluate(WATCH_READER_OPENING);
  await click();
  return page.evaluate(
    (ms) =>
      Promise.race([
        (window as unknown as { yiduOpened: Promise<ReaderOpening> }).yiduOpened,
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('the reader did not open')), ms),
        ),
      ]),
    timeout,
  );
}
