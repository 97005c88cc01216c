/// <reference types="chrome" />
/**
 * The 辅助工具's Chromium figures (issue 15), run by scripts/bench-browser.ts:
 * - `assistOnHugePages`: our script per pointer move with 指读, the caption bar, the guide lines,
 *   the reading ruler and the large pointer on, and the long tasks while the pointer moves over the
 *   two 10 MB pages with the tools on, beside the same moves with the tools off;
 * - `pointReadSpeech`: 指读's dwell end to the voice's start event (real voice: espeak-ng through
 *   speech-dispatcher), split into ours (dwell end → chrome.tts.speak called) and the engine's
 *   (speak → its start event).
 */
import type { Page, Worker } from 'playwright-core';
import { DWELL_ENDS_GLOBAL, FRAME_TIMES_GLOBAL } from '../../utils/assist/page-tools';
import type { AssistTool } from '../../utils/assist/tools';
import type { BenchRow, BrowserFigure, BrowserSession } from '../bench-browser';
import {
  corpusArticleSample,
  hugePage,
  inExtensionWorld,
  longTasksSince,
  readExtensionGlobal,
  recordLongTasks,
} from './browser-pages';

/** The value at quantile `q` (0.5: the median) of `values`. */
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? Number.NaN;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;
const pause = (page: Page, wait: number) =>
  page.evaluate((t) => new Promise((resolve) => setTimeout(resolve, t)), wait);

/** Every tool at once (the ruler and the guide lines are one at a time in the popup, not here). */
const ALL_TOOLS: AssistTool[] = ['pointRead', 'caption', 'guides', 'ruler', 'cursor'];

/**
 * A page in its own tab with an extension page beside it, to turn the tools on and off in that
 * tab as the popup does.
 */
async function openWithTools(session: BrowserSession, url: string, timeout = 60_000) {
  const { context, serviceWorker, extensionId } = session;
  const control = await context.newPage();
  await control.goto(`chrome-extension://${extensionId}/popup.html`);
  const page = await context.newPage();
  await recordLongTasks(page);
  await page.goto(url, { waitUntil: 'load', timeout });
  await page.bringToFront();
  const tabId = await serviceWorker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? -1;
  });
  const setTools = async (tools: AssistTool[]) => {
    const result = await control.evaluate((message) => chrome.runtime.sendMessage(message), {
      type: 'ui→background:assist-set',
      tabId,
      tools,
    });
    if (!(result as { ok?: boolean } | undefined)?.ok)
      throw new Error(`the tools were not set: ${JSON.stringify(result)}`);
    await page.bringToFront();
  };
  const close = async () => {
    await page.close();
    await control.close();
  };
  return { page, setTools, close };
}

/** Pointer positions over the window, left to right and down, as a reader's hand wanders. */
const SWEEP: [number, number][] = Array.from({ length: 120 }, (_, i) => [
  60 + ((i * 97) % 1120),
  40 + i * 6.5,
]);

/**
 * Moves the pointer through `SWEEP` and returns our script's time per frame (as the tools record
 * it; empty with the tools off) and the long tasks meanwhile.
 */
async function sweep(page: Page): Promise<{ frames: number[]; tasks: number[] }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await inExtensionWorld(
      cdp,
      `globalThis.yiduAssist ? (globalThis.${FRAME_TIMES_GLOBAL} = [], true) : undefined`,
    );
    const since = await page.evaluate(() => performance.now());
    for (const [x, y] of SWEEP) await page.mouse.move(x, y);
    // A long task is reported when it ends: let the last one in.
    await pause(page, 300);
    const tasks = await longTasksSince(page, since);
    const frames = (await readExtensionGlobal<number[]>(cdp, FRAME_TIMES_GLOBAL)) ?? [];
    return { frames, tasks };
  } finally {
    await cdp.detach();
  }
}

/** Sweeps per page and setting, alternating off and on. */
const SWEEP_ROUNDS = 3;

const tasksText = (tasks: number[]) =>
  tasks.length === 0
    ? 'none over 50 ms'
    : `${tasks.length}, longest ${ms(Math.max(...tasks))}, total ${ms(tasks.reduce((a, b) => a + b, 0))}`;

/**
 * The tools on the 10 MB pages: per pointer move, our script's time in the frame after it (the
 * lines moved, the element under the pointer found and described, the caption's text set); the
 * long tasks over the same moves with the tools on and off; and the long tasks when the tools
 * first draw (the page's restyle for the pointer and its relayout for the caption's room).
 */
export const assistOnHugePages: BrowserFigure = async (session) => {
  const rows: BenchRow[] = [];
  for (const kind of ['article', 'links'] as const) {
    const served = hugePage(kind);
    session.server.add([served]);
    const { page, setTools, close } = await openWithTools(session, served.url);
    try {
      await pause(page, 1_000);
      const frames: number[] = [];
      const tasks = { on: [] as number[], off: [] as number[], firstDraw: [] as number[] };
      for (let round = 0; round < SWEEP_ROUNDS; round += 1) {
        await page.mouse.move(5, 5);
        tasks.off.push(...(await sweep(page)).tasks);
        const since = await page.evaluate(() => performance.now());
        await setTools(ALL_TOOLS);
        await page.mouse.move(5, 5);
        await pause(page, 1_000);
        tasks.firstDraw.push(...(await longTasksSince(page, since)));
        const on = await sweep(page);
        frames.push(...on.frames);
        tasks.on.push(...on.tasks);
        await setTools([]);
        await pause(page, 1_000);
      }
      const mb = (Buffer.byteLength(served.html) / 1024 / 1024).toFixed(1);
      const what = kind === 'article' ? 'long article' : 'index of links';
      const moves = SWEEP.length * SWEEP_ROUNDS;
      rows.push(
        {
          figure: `辅助工具 on a ${mb} MB page (${what}): our script per pointer move, all tools on, median / p90 / max (${frames.length} frames, ${moves} moves)`,
          ours: `${ms(quantile(frames, 0.5))} / ${ms(quantile(frames, 0.9))} / ${ms(Math.max(...frames))}`,
          anchor: '—',
          ratio: '—',
          goal: '≤ 16 ms per move',
        },
        {
          figure: `辅助工具 on the ${mb} MB ${what}: long tasks while the pointer moves (${moves} moves)`,
          ours: `tools on: ${tasksText(tasks.on)}`,
          anchor: `tools off: ${tasksText(tasks.off)}`,
          ratio: '—',
          goal: 'none over 50 ms from our script',
        },
        {
          figure: `辅助工具 on the ${mb} MB ${what}: long tasks as the tools first draw (${SWEEP_ROUNDS} times)`,
          ours: tasksText(tasks.firstDraw),
          anchor: '—',
          ratio: '—',
          goal: '—',
        },
      );
    } finally {
      await close();
    }
  }
  return rows;
};

/** One chrome.tts utterance as the bench's wrapper in the background saw it (ms since the epoch). */
interface Spoken {
  text: string;
  speakAt: number;
  startAt?: number;
  endAt?: number;
  /** When chrome.tts.stop was last called before this speak. */
  lastStopAt?: number;
}

/**
 * Wraps the background's chrome.tts.speak (and stop) to log each utterance (`Spoken`) and when the
 * voice's own events came; the events themselves are passed on untouched. Source text rather than
 * a function: tsx would name its inner functions with a helper the service worker lacks.
 */
export const WATCH_TTS = `(() => {
  if (globalThis.benchTts) return;
  globalThis.benchTts = [];
  const now = () => performance.timeOrigin + performance.now();
  const speak = chrome.tts.speak.bind(chrome.tts);
  const stop = chrome.tts.stop.bind(chrome.tts);
  chrome.tts.speak = (text, options = {}) => {
    const entry = { text, speakAt: now(), lang: options.lang, voiceName: options.voiceName, rate: options.rate };
    if (globalThis.benchStopAt) entry.lastStopAt = globalThis.benchStopAt;
    globalThis.benchTts.push(entry);
    return speak(text, {
      ...options,
      onEvent: (event) => {
        if (event.type === 'start') entry.startAt = now();
        if (['end', 'interrupted', 'cancelled', 'error'].includes(event.type)) entry.endAt = now();
        options.onEvent?.(event);
      },
    });
  };
  chrome.tts.stop = () => {
    globalThis.benchStopAt = now();
    stop();
  };
})()`;

/** Installs `WATCH_TTS` (again after a restart of the service worker). */
const watchTts = (serviceWorker: Worker) => serviceWorker.evaluate(WATCH_TTS);

const ttsLog = (serviceWorker: Worker) =>
  serviceWorker.evaluate(
    () => (globalThis as unknown as { benchTts?: Spoken[] }).benchTts ?? [],
  ) as Promise<Spoken[]>;

/** Links hovered per page; the first hover on the first page warms the voice up, untimed. */
const POINT_READ_LINKS = 12;
/** Corpus pages 指读 is timed on (every 35th article: 4 of 140). */
const POINT_READ_SAMPLE_STEP = 35;

/**
 * 指读 on corpus pages: the pointer rests on one link after another, for each the dwell's end (as
 * the tools record it), chrome.tts.speak called in the background, and the voice's start event.
 * Every other link is reached as soon as the voice started the one before (so it is stopped
 * first, if still speaking: with the silent audio device an utterance ends as soon as it is
 * made), the others after it has ended.
 */
export const pointReadSpeech: BrowserFigure = async (session) => {
  const sample = corpusArticleSample(POINT_READ_SAMPLE_STEP);
  session.server.add(sample);
  const times = { ours: [] as number[], engine: [] as number[], total: [] as number[] };
  const byCase = { afterStart: [] as number[], afterEnd: [] as number[] };
  let warm = false;
  for (const served of sample) {
    const { page, setTools, close } = await openWithTools(session, served.url, 30_000);
    try {
      await watchTts(session.serviceWorker);
      await setTools(['pointRead']);
      // Links in view with a few words each, found where the pointer will rest on them.
      const targets = await page.evaluate((count) => {
        const found: { x: number; y: number }[] = [];
        for (const link of Array.from(document.querySelectorAll('a[href]'))) {
          const text = link.textContent?.trim() ?? '';
          const box = link.getBoundingClientRect();
          if (text.length < 2 || box.width < 16 || box.height < 8) continue;
          const x = box.left + Math.min(box.width / 2, 20);
          const y = box.top + box.height / 2;
          if (y < 0 || y > innerHeight - 20 || x < 0 || x > innerWidth) continue;
          if (!link.contains(document.elementFromPoint(x, y))) continue;
          found.push({ x, y });
          if (found.length >= count) break;
        }
        return found;
      }, POINT_READ_LINKS);
      const cdp = await page.context().newCDPSession(page);
      for (const [index, { x, y }] of targets.entries()) {
        const before = (await ttsLog(session.serviceWorker)).length;
        const dwellsBefore =
          (await readExtensionGlobal<number[]>(cdp, DWELL_ENDS_GLOBAL))?.length ?? 0;
        // After an even link, the next waits for the voice to finish; after an odd one, it
        // comes while the voice still speaks.
        const waitForEnd = index % 2 === 0;
        await page.mouse.move(x, y);
        let spoken: Spoken | undefined;
        const deadline = Date.now() + 8_000;
        while (Date.now() < deadline) {
          spoken = (await ttsLog(session.serviceWorker)).slice(before).find((e) => e.startAt);
          if (spoken && (!waitForEnd || spoken.endAt)) break;
          await pause(page, 20);
        }
        const dwellEnd = (await readExtensionGlobal<number[]>(cdp, DWELL_ENDS_GLOBAL))?.[
          dwellsBefore
        ];
        if (!warm) {
          warm = spoken?.startAt !== undefined;
          continue;
        }
        if (!spoken?.startAt || dwellEnd === undefined) continue;
        const total = spoken.startAt - dwellEnd;
        times.ours.push(spoken.speakAt - dwellEnd);
        times.engine.push(spoken.startAt - spoken.speakAt);
        times.total.push(total);
        (index % 2 === 1 ? byCase.afterEnd : byCase.afterStart).push(total);
        if (process.env.BENCH_VERBOSE)
          console.log(
            `指读 ${index}: ours ${ms(spoken.speakAt - dwellEnd)}, engine ${ms(spoken.startAt - spoken.speakAt)}, stop before speak ${spoken.lastStopAt ? ms(spoken.speakAt - spoken.lastStopAt) : '—'}: ${spoken.text}`,
          );
      }
      await cdp.detach();
      await setTools([]);
    } finally {
      await close();
    }
  }
  const n = `${times.total.length} links on ${sample.length} corpus pages`;
  return [
    {
      figure: `指读: dwell end to the voice's start event, real voice (espeak-ng via speech-dispatcher), Chromium, median (${n})`,
      ours: ms(quantile(times.total, 0.5)),
      anchor: '—',
      ratio: '—',
      goal: '≤ 150 ms',
    },
    {
      figure:
        "指读, split: dwell end → chrome.tts.speak called (ours) / speak → start event (the engine's), median",
      ours: `${ms(quantile(times.ours, 0.5))} / ${ms(quantile(times.engine, 0.5))}`,
      anchor: '—',
      ratio: '—',
      goal: '—',
    },
    {
      figure:
        '指读: dwell end to start event, next link hovered as soon as the voice started the last / after it ended, median',
      ours: `${ms(quantile(byCase.afterStart, 0.5))} / ${ms(quantile(byCase.afterEnd, 0.5))}`,
      anchor: '—',
      ratio: '—',
      goal: '—',
    },
  ];
};
