/**
 * The Chromium figures of `npm run bench`: the built extension (.output/chrome-mv3) in Chromium on
 * real corpus pages served under government host names (see scripts/lib/browser-pages.ts). One
 * browser for all of them; each figure is a function of that session returning table rows, so a
 * new figure is one more entry in FIGURES. Run by scripts/bench.ts; on its own, all figures or
 * those named: `npx tsx scripts/bench-browser.ts [readerOpening detectorOnHugePages speechStart pinyinInReader
 * assistOnHugePages pointReadSpeech]` (the 辅助工具's figures are in scripts/lib/bench-assist.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { PINYIN_RUNS_GLOBAL, type PinyinRun } from '../utils/pinyin/modes';
import { findBrowser, launchWithExtension } from './browser.mjs';
import { assistOnHugePages, pointReadSpeech } from './lib/bench-assist';
import {
  corpusArticleSample,
  detectorCost,
  hugePage,
  longTasksSince,
  type PageServer,
  type ReaderOpening,
  readExtensionGlobal,
  recordLongTasks,
  servePages,
  timeReaderOpening,
} from './lib/browser-pages';
import { median } from './lib/timing';

export interface BenchRow {
  figure: string;
  ours: string;
  anchor: string;
  ratio: string;
  goal: string;
}

export interface BrowserSession {
  context: BrowserContext;
  server: PageServer;
  /** The extension's background, and its id (for its own pages). */
  serviceWorker: Worker;
  extensionId: string;
  /**
   * The time in ms of Readability's `isProbablyReaderable` on `page`'s document, run once as a
   * content script the way the detector runs (see `anchorExtension`).
   */
  anchorDetect(page: Page): Promise<number>;
}

export type BrowserFigure = (session: BrowserSession) => Promise<BenchRow[]>;

/** Every `SAMPLE_STEP`-th corpus article: 28 of the 140. */
const SAMPLE_STEP = 5;
/** Each 10 MB page is loaded this many times, in a fresh tab; the worst run is reported. */
const HUGE_PAGE_RUNS = 2;

const worst = (values: number[]) => Math.max(...values);
const ms = (value: number) => `${value.toFixed(1)} ms`;
const ratio = (ours: number, anchor: number) => `${(ours / anchor).toFixed(2)}×`;

/**
 * Reader opening on real pages: click the on-page button, time to the first frame with the
 * article in the reader. The first opening on a page injects the reader's script (cold); the
 * second, after closing it with Escape, reuses it (warm). The detector's own run on each page is
 * read too, beside Readability's `isProbablyReaderable` run once on the same document.
 */
const readerOpening: BrowserFigure = async ({ context, server, anchorDetect }) => {
  const sample = corpusArticleSample(SAMPLE_STEP);
  server.add(sample);
  const cold: number[] = [];
  const warm: number[] = [];
  const detect = { ours: [] as number[], anchor: [] as number[] };
  const notShown: string[] = [];
  const problems: string[] = [];
  for (const served of sample) {
    const page = await context.newPage();
    try {
      await recordLongTasks(page);
      await page.goto(served.url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
      detect.ours.push((await detectorCost(page, 15_000)).detectMs);
      detect.anchor.push(await anchorDetect(page));
      const entry = page.getByTestId('reader-entry');
      const shown = await entry.waitFor({ timeout: 5_000 }).then(
        () => true,
        () => false,
      );
      if (!shown) {
        notShown.push(served.source);
        continue;
      }
      const first: ReaderOpening = await timeReaderOpening(page, () => entry.click());
      if (first.shown === 'problem') problems.push(served.source);
      else cold.push(first.ms);
      await page.keyboard.press('Escape');
      await page.getByTestId('reader').waitFor({ state: 'detached' });
      const second = await timeReaderOpening(page, () => entry.click());
      if (second.shown === 'article') warm.push(second.ms);
    } finally {
      await page.close();
    }
  }
  const opened = `${cold.length} of ${sample.length} corpus articles`;
  if (notShown.length) console.log(`No reader button (not taken for an article): ${notShown}`);
  if (problems.length) console.log(`Reader found no article: ${problems}`);
  return [
    {
      figure: `reader opens, click to article painted, Chromium, cold, median (${opened})`,
      ours: ms(median(cold)),
      anchor: '—',
      ratio: '—',
      goal: '≤ 150 ms',
    },
    {
      figure: 'reader opens, cold, worst',
      ours: ms(worst(cold)),
      anchor: '—',
      ratio: '—',
      goal: '—',
    },
    {
      figure: 'reader opens again (script loaded), warm, median / worst',
      ours: `${ms(median(warm))} / ${ms(worst(warm))}`,
      anchor: '—',
      ratio: '—',
      goal: '—',
    },
    {
      figure: `detector, per page, Chromium, median (${detect.ours.length} corpus articles, first run)`,
      ours: ms(median(detect.ours)),
      anchor: `isProbablyReaderable ${ms(median(detect.anchor))}`,
      ratio: ratio(median(detect.ours), median(detect.anchor)),
      // Issue 8's detector budget is set in jsdom (scripts/bench.ts); this shows the browser's.
      goal: '— (issue 8: jsdom)',
    },
    {
      figure: 'detector, per page, Chromium, worst',
      ours: ms(worst(detect.ours)),
      anchor: `isProbablyReaderable ${ms(worst(detect.anchor))}`,
      ratio: ratio(worst(detect.ours), worst(detect.anchor)),
      goal: '— (issue 8: jsdom)',
    },
  ];
};

/**
 * The detector on 10 MB pages built at run time from a real government page: its own run (as it
 * records it in its own world) and any long task overlapping it, then the reader opened once on
 * the 10 MB article to show the page stays usable.
 */
const detectorOnHugePages: BrowserFigure = async ({ context, server, anchorDetect }) => {
  const rows: BenchRow[] = [];
  for (const kind of ['article', 'links'] as const) {
    const served = hugePage(kind);
    server.add([served]);
    const runs: { detectMs: number; longestTaskMs: number; anchorMs: number }[] = [];
    let opening: ReaderOpening | undefined;
    for (let run = 0; run < HUGE_PAGE_RUNS; run += 1) {
      const page = await context.newPage();
      try {
        await recordLongTasks(page);
        await page.goto(served.url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
        const cost = await detectorCost(page);
        runs.push({ ...cost, anchorMs: await anchorDetect(page) });
        if (kind === 'article' && run === 0) {
          const entry = page.getByTestId('reader-entry');
          await entry.waitFor({ timeout: 10_000 });
          opening = await timeReaderOpening(page, () => entry.click(), 60_000);
        }
      } finally {
        await page.close();
      }
    }
    const longest = worst(runs.map((run) => run.longestTaskMs));
    const detectMs = worst(runs.map((run) => run.detectMs));
    const anchorMs = worst(runs.map((run) => run.anchorMs));
    const mb = (Buffer.byteLength(served.html) / 1024 / 1024).toFixed(1);
    rows.push({
      figure: `detector on a ${mb} MB page (${kind === 'article' ? 'long article' : 'index of links'}), Chromium, worst of ${runs.length}`,
      ours: `${ms(detectMs)}; long task over it: ${longest > 0 ? ms(longest) : 'none'}`,
      anchor: `isProbablyReaderable ${ms(anchorMs)}`,
      ratio: ratio(detectMs, anchorMs),
      goal: 'no long task over 50 ms',
    });
    if (opening) {
      rows.push({
        figure: `reader opens on the ${mb} MB article`,
        ours: `${ms(opening.ms)} (${opening.shown === 'article' ? 'the article' : 'a message'})`,
        anchor: '—',
        ratio: '—',
        goal: 'opens, or says it cannot',
      });
    }
  }
  return rows;
};

/**
 * Page script (a string: tsx would wrap a function's inner names in a helper the page lacks): on
 * the click on 朗读, watch the toolbar's progress until it shows 第 1/N 句 and resolve
 * `yiduSpeaking` with the time from the click.
 */
const WATCH_SPEECH_START = `(() => {
  const root = document.querySelector('yidu-reader')?.shadowRoot;
  window.yiduSpeaking = new Promise((resolve) => {
    let clicked = 0;
    const check = () => {
      const progress = root?.querySelector('[data-testid="speech-progress"]')?.textContent;
      if (progress && progress.startsWith('第')) resolve(performance.now() - clicked);
      else requestAnimationFrame(check);
    };
    root?.querySelector('[data-testid="speech-play"]')?.addEventListener('click', () => {
      clicked = performance.now();
      requestAnimationFrame(check);
    }, { once: true });
  });
})()`;

/** Plays timed after one warm-up play (speech-dispatcher starts on the browser's first utterance). */
const SPEECH_RUNS = 5;

/**
 * Reading aloud: in an open reader, the time from the click on 朗读 to the engine's start event for
 * the first sentence (the toolbar's progress turns to 第 1/N 句 only then), with a real voice
 * (espeak-ng through speech-dispatcher; Chrome reads in the background with chrome.tts).
 */
const speechStart: BrowserFigure = async ({ context, server }) => {
  const sample = corpusArticleSample(SAMPLE_STEP).slice(0, SPEECH_RUNS + 1);
  server.add(sample);
  const times: number[] = [];
  for (const [index, served] of sample.entries()) {
    const page = await context.newPage();
    try {
      await page.goto(served.url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
      await page.getByTestId('reader-entry').click({ timeout: 10_000 });
      await page.getByTestId('reader').waitFor();
      const play = page.getByTestId('speech-play');
      await play.waitFor();
      // Watch the progress from inside the page, then click: the time is the page's own.
      await page.evaluate(WATCH_SPEECH_START);
      await play.click();
      const elapsed = await page.evaluate(() =>
        Promise.race([
          (window as unknown as { yiduSpeaking: Promise<number> }).yiduSpeaking,
          new Promise<number>((resolve) => setTimeout(() => resolve(Number.NaN), 20_000)),
        ]),
      );
      await page.getByTestId('speech-stop').click();
      if (index > 0 && Number.isFinite(elapsed)) times.push(elapsed);
    } finally {
      await page.close();
    }
  }
  return [
    {
      figure: `speech: play click to the engine's start event, real voice, Chromium, median (${times.length} pages)`,
      ours: times.length ? ms(median(times)) : 'no voice started',
      anchor: '—',
      ratio: '—',
      goal: '≤ 300 ms',
    },
  ];
};

/**
 * Page script: the time (`event.timeStamp`) of the next click anywhere in the page, the reader's
 * shadow root included, in `yiduClickAt`.
 */
const WATCH_CLICK = `addEventListener('click', (event) => { window.yiduClickAt = event.timeStamp; },
  { capture: true, once: true }); undefined`;

/** Corpus articles pinyin is timed on (every 20th: 7 of 140). */
const PINYIN_SAMPLE_STEP = 20;

/**
 * Pinyin in the reader (issue 14): the reader open on a corpus article, the time from a click on
 * "every character" to the last ruby in place, the first time (the pinyin bundle injected, its
 * data parsed) and again after "off" (bundle loaded), and the longest task meanwhile.
 */
const pinyinInReader: BrowserFigure = async ({ context, server }) => {
  const sample = corpusArticleSample(PINYIN_SAMPLE_STEP);
  server.add(sample);
  const first: number[] = [];
  const again: number[] = [];
  const againFromClick: number[] = [];
  const lengths: number[] = [];
  let longest = 0;
  /** The reader's own record of each annotation (utils/pinyin/modes.ts), through DevTools. */
  const runsOf = async (page: Page): Promise<PinyinRun[]> => {
    const session = await page.context().newCDPSession(page);
    try {
      return (await readExtensionGlobal<PinyinRun[]>(session, PINYIN_RUNS_GLOBAL)) ?? [];
    } finally {
      await session.detach();
    }
  };
  /**
   * Clicks "every character" and returns when, in the page's time, the last ruby was in place by
   * the reader's own record, and when the click's event came if `WATCH_CLICK` was set before
   * (undefined when it recorded no annotation in time).
   */
  const timeAll = async (page: Page): Promise<{ clicked: number; end: number } | undefined> => {
    const before = (await runsOf(page)).length;
    await page.getByTestId('pinyin-all').click();
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const last = (await runsOf(page))[before];
      if (last)
        return {
          clicked: await page.evaluate(
            () => (window as unknown as { yiduClickAt: number }).yiduClickAt,
          ),
          end: last.start + last.duration,
        };
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    console.log('pinyin not measured on', page.url());
    return undefined;
  };
  for (const served of sample) {
    const page = await context.newPage();
    try {
      await recordLongTasks(page);
      await page.goto(served.url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
      const entry = page.getByTestId('reader-entry');
      if (
        !(await entry.waitFor({ timeout: 5_000 }).then(
          () => true,
          () => false,
        ))
      )
        continue;
      const opening = await timeReaderOpening(page, () => entry.click());
      if (opening.shown !== 'article') continue;
      lengths.push(
        await page.evaluate(
          () =>
            document.querySelector('yidu-reader')?.shadowRoot?.querySelector('.yd-article')
              ?.textContent?.length ?? 0,
        ),
      );
      const since = await page.evaluate(() => performance.now());
      // First use: from opening the panel (the bundle starts loading then) to the last ruby.
      const opened = await page.evaluate(() => performance.now());
      await page.getByTestId('menu-pinyin').click();
      const firstEnd = await timeAll(page);
      if (firstEnd !== undefined) first.push(firstEnd.end - opened);
      await page.getByTestId('pinyin-off').click();
      await page.waitForFunction(
        () => document.querySelector('yidu-reader')?.shadowRoot?.querySelector('rt') === null,
      );
      // The next click's event time is noted too (the one on "every character").
      await page.evaluate(WATCH_CLICK);
      const againStarted = await page.evaluate(() => performance.now());
      const againEnd = await timeAll(page);
      if (againEnd !== undefined) {
        again.push(againEnd.end - againStarted);
        againFromClick.push(againEnd.end - againEnd.clicked);
      }
      // The mode is a setting every tab shares: off again, so the next tab starts without pinyin.
      await page.getByTestId('pinyin-off').click();
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
      const tasks = await longTasksSince(page, since);
      longest = Math.max(longest, ...tasks);
    } finally {
      await page.close();
    }
  }
  const articles = `measured on ${first.length} / ${again.length} of ${lengths.length} corpus articles shown, median ${median(lengths)} characters`;
  return [
    {
      figure: `pinyin in the reader, first use: panel opened to last ruby (bundle included), Chromium, median / worst (${articles})`,
      ours: `${ms(median(first))} / ${ms(worst(first))}`,
      anchor: '—',
      ratio: '—',
      goal: '≤ 250 ms',
    },
    {
      figure:
        'pinyin in the reader, again (bundle loaded): from the click event to the last ruby painted, DOM included, median / worst',
      ours: `${ms(median(againFromClick))} / ${ms(worst(againFromClick))}`,
      anchor: '—',
      ratio: '—',
      goal: '≤ 60 ms',
    },
    {
      figure:
        'the same, timed by the bench around its click (also counts reading the record through DevTools and Playwright checking the button before it clicks), median / worst',
      ours: `${ms(median(again))} / ${ms(worst(again))}`,
      anchor: '—',
      ratio: '—',
      goal: '—',
    },
    {
      figure: 'pinyin in the reader: longest task meanwhile (0: none over 50 ms)',
      ours: ms(longest),
      anchor: '—',
      ratio: '—',
      goal: '< 50 ms',
    },
  ];
};

const FIGURES: BrowserFigure[] = [
  readerOpening,
  detectorOnHugePages,
  speechStart,
  pinyinInReader,
  assistOnHugePages,
  pointReadSpeech,
];

/** The User Timing measure the anchor's content script records (see `anchorExtension`). */
const ANCHOR_MEASURE = 'yidu-anchor-detect';

/**
 * A second extension, built at run time, whose content script runs Readability's
 * `isProbablyReaderable` where and when the detector runs: on page load (document_idle), in its
 * own isolated world, its code new to the page. It waits for the next task, so that neither script
 * counts in the other's long task. Returns the extension's folder.
 */
async function anchorExtension(): Promise<string> {
  const bundle = await build({
    stdin: {
      contents: `import { isProbablyReaderable } from '@mozilla/readability';
        setTimeout(() => {
          const start = performance.now();
          isProbablyReaderable(document);
          performance.measure(${JSON.stringify(ANCHOR_MEASURE)}, { start });
        });`,
      resolveDir: process.cwd(),
    },
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
  });
  const folder = mkdtempSync(join(tmpdir(), 'yidu-anchor-'));
  writeFileSync(join(folder, 'anchor.js'), bundle.outputFiles[0]?.text ?? '');
  const manifest = {
    manifest_version: 3,
    name: 'isProbablyReaderable, the bench anchor',
    version: '1.0',
    content_scripts: [{ matches: ['<all_urls>'], js: ['anchor.js'], run_at: 'document_idle' }],
  };
  writeFileSync(join(folder, 'manifest.json'), JSON.stringify(manifest));
  return folder;
}

/**
 * The Chromium rows (of the figures named in `only`, by function name, when given); a row saying
 * why when no Chromium is found.
 */
export async function benchBrowser(only: string[] = []): Promise<BenchRow[]> {
  if (!findBrowser()) {
    return [
      {
        figure: 'Chromium figures',
        ours: 'not measured: no Chromium found (set CHROMIUM_PATH)',
        anchor: '—',
        ratio: '—',
        goal: '—',
      },
    ];
  }
  const anchor = await anchorExtension();
  const server = await servePages();
  // Real voices that nobody hears (a private speech-dispatcher with a null audio device).
  const { context, serviceWorker, extensionId } = await launchWithExtension({
    hostRules: server.hostRules,
    speech: 'silent',
    alongside: [anchor],
  });
  const session: BrowserSession = {
    context,
    server,
    serviceWorker,
    extensionId,
    async anchorDetect(page) {
      // (Functions run in the page: each names what it uses itself.)
      await page.waitForFunction(
        (name) => performance.getEntriesByName(name, 'measure').length > 0,
        ANCHOR_MEASURE,
        { timeout: 60_000 },
      );
      return page.evaluate(
        (name) => performance.getEntriesByName(name, 'measure')[0]?.duration ?? Number.NaN,
        ANCHOR_MEASURE,
      );
    },
  };
  try {
    const rows: BenchRow[] = [];
    for (const figure of FIGURES)
      if (only.length === 0 || only.includes(figure.name)) rows.push(...(await figure(session)));
    return rows;
  } finally {
    await context.close();
    await server.close();
    rmSync(anchor, { recursive: true, force: true });
  }
}

// On its own: `npx tsx scripts/bench-browser.ts [figure names, as in FIGURES]`.
if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(await benchBrowser(process.argv.slice(2)));
}
