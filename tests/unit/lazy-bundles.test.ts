/**
 * Code the reader loads on first use (utils/bundles.ts): a bundle is injected once, hands its code
 * over, and the reader's stand-ins (lazy-script-view.ts, lazy-reader-speech.ts) behave like the
 * real script view and speech before and after it arrives, loading nothing the user did not ask for.
 * "Injecting" here runs what the bundle's script runs (entrypoints/convert-engine.ts and
 * reader-speech.ts hand over these same functions).
 */
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type BundleName,
  bundleScriptPath,
  createCodeLoader,
  isBundleName,
  provide,
} from '~/utils/bundles';
import { createLazyScriptView } from '~/utils/convert/lazy-script-view';
import { loadNodeDictionaries } from '~/utils/convert/load-node';
import { createScriptView, type ScriptViewState } from '~/utils/convert/script-view';
import { HANDOVER_GLOBAL } from '~/utils/handover';
import type { SpeechProgress } from '~/utils/speech/controller';
import { createWebSpeechEngine } from '~/utils/speech/engine';
import { createLazyReaderSpeech } from '~/utils/speech/lazy-reader-speech';
import { createReaderSpeech, type ReaderSpeechState } from '~/utils/speech/reader-speech';
import type { SpeechRequest } from '~/utils/speech/speech-protocol';

/** What the background would inject: each code bundle's script hands over its functions. */
const BUNDLE_SCRIPTS: Partial<Record<BundleName, () => void>> = {
  'convert-engine': () => provide('convert-engine', { createScriptView }),
  'reader-speech': () => provide('reader-speech', { createReaderSpeech, createWebSpeechEngine }),
};

/** Stands in for the background: records what is asked for and runs the bundles' scripts. */
function fakeBackground({ delay = 0 } = {}) {
  const injected: BundleName[] = [];
  let failNext = false;
  return {
    injected,
    failNextInjection() {
      failNext = true;
    },
    async inject(bundles: BundleName[]) {
      injected.push(...bundles);
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (failNext) {
        failNext = false;
        throw new Error('cannot load: not-allowed');
      }
      for (const bundle of bundles) BUNDLE_SCRIPTS[bundle]?.();
    },
  };
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>)[HANDOVER_GLOBAL];
});

describe('the bundles the background may inject', () => {
  it('are the code bundles and the dictionaries, by script path, and nothing else', () => {
    for (const name of ['convert-engine', 'reader-speech', 'opencc-st', 'opencc-variants'])
      expect(isBundleName(name)).toBe(true);
    for (const name of ['content-scripts/reader', '../background', 'toString', 'background', 42])
      expect(isBundleName(name)).toBe(false);
    expect(bundleScriptPath('convert-engine')).toBe('/convert-engine.js');
  });
});

describe('createCodeLoader', () => {
  it('injects a bundle once, even when asked again while it loads, and returns its code', async () => {
    const background = fakeBackground({ delay: 5 });
    const load = createCodeLoader(background.inject);
    const [first, second] = await Promise.all([load('convert-engine'), load('convert-engine')]);
    expect(first.createScriptView).toBe(createScriptView);
    expect(second).toBe(first);
    await load('convert-engine');
    expect(background.injected).toEqual(['convert-engine']);
  });

  it('finds a bundle another script of the same world already loaded', async () => {
    BUNDLE_SCRIPTS['reader-speech']?.();
    const background = fakeBackground();
    const { createReaderSpeech: create } = await createCodeLoader(background.inject)(
      'reader-speech',
    );
    expect(create).toBe(createReaderSpeech);
    expect(background.injected).toEqual([]);
  });

  it('fails loudly when the bundle hands nothing over, and tries again after a failure', async () => {
    const silent = createCodeLoader(async () => {});
    await expect(silent('reader-speech')).rejects.toThrow(/reader-speech/);
    const background = fakeBackground();
    const load = createCodeLoader(background.inject);
    background.failNextInjection();
    await expect(load('convert-engine')).rejects.toThrow(/not-allowed/);
    await expect(load('convert-engine')).resolves.toMatchObject({ createScriptView });
    expect(background.injected).toEqual(['convert-engine', 'convert-engine']);
  });
});

/** A reader-like article in jsdom, and a lazy script view over it with Node's dictionaries. */
function readerWithScriptView(background: ReturnType<typeof fakeBackground>) {
  const { window } = new JSDOM(
    '<div class="yd-article" lang="zh-Hans"><h1>软件开发</h1><p>头发与软件。</p></div>',
  );
  const article = window.document.querySelector('.yd-article');
  const load = createCodeLoader(background.inject);
  const view = createLazyScriptView(async () =>
    (await load('convert-engine')).createScriptView({
      target: () => article,
      loader: loadNodeDictionaries,
    }),
  );
  const states: ScriptViewState[] = [];
  view.subscribe((state) => states.push(state));
  return { article, view, states };
}

describe('the reader script view before its engine arrives', () => {
  it('shows the original without loading the engine', async () => {
    const background = fakeBackground();
    const { article, view } = readerWithScriptView(background);
    expect(await view.show('original')).toEqual({ shown: 'original', loading: false });
    view.restore();
    expect(background.injected).toEqual([]);
    expect(article?.textContent).toBe('软件开发头发与软件。');
  });

  it('loads the engine on the first conversion, says it is loading, converts and restores', async () => {
    const background = fakeBackground({ delay: 5 });
    const { article, view, states } = readerWithScriptView(background);
    const shown = view.show('tw');
    expect(view.state()).toEqual({ shown: 'tw', loading: true });
    expect(await shown).toEqual({ shown: 'tw', from: 'cn', loading: false });
    expect(article?.textContent).toBe('軟件開發頭髮與軟件。');
    expect(states.at(-1)).toEqual({ shown: 'tw', from: 'cn', loading: false });
    await view.show('twp');
    expect(article?.textContent).toBe('軟體開發頭髮與軟體。');
    view.restore();
    expect(article?.textContent).toBe('软件开发头发与软件。');
    expect(view.state()).toEqual({ shown: 'original', loading: false });
    expect(background.injected).toEqual(['convert-engine']);
  });

  it('applies only the last choice made while the engine loads', async () => {
    const background = fakeBackground({ delay: 5 });
    const { article, view } = readerWithScriptView(background);
    const first = view.show('tw');
    const second = view.show('original');
    await Promise.all([first, second]);
    expect(view.state()).toEqual({ shown: 'original', loading: false });
    expect(article?.textContent).toBe('软件开发头发与软件。');
    const third = view.show('tw');
    view.restore();
    await third;
    expect(view.state()).toEqual({ shown: 'original', loading: false });
    expect(article?.textContent).toBe('软件开发头发与软件。');
  });

  it('says the conversion failed when the engine cannot load, and works on the next try', async () => {
    const background = fakeBackground();
    const { article, view } = readerWithScriptView(background);
    background.failNextInjection();
    const failed = await view.show('tw');
    expect(failed).toMatchObject({ shown: 'original', loading: false });
    expect(failed.error).toMatch(/not-allowed/);
    expect(article?.textContent).toBe('软件开发头发与软件。');
    await view.show('tw');
    expect(article?.textContent).toBe('軟件開發頭髮與軟件。');
  });
});

/** A reader article in jsdom and a lazy speech reading through a recording background. */
function readerWithSpeech(background: ReturnType<typeof fakeBackground>) {
  const { window } = new JSDOM(
    '<article lang="zh-Hans"><h1>关于开展专项清理的通知</h1><p>各区县人民政府：现将有关事项通知如下。</p><p>咨询电话：028-26653050。</p></article>',
  );
  const article = window.document.querySelector('article');
  const started: SpeechRequest[] = [];
  const controls: string[] = [];
  const load = createCodeLoader(background.inject);
  const speech = createLazyReaderSpeech(
    async () =>
      (await load('reader-speech')).createReaderSpeech({
        article: () => article,
        mode: 'background',
        background: {
          start: async (request) => {
            started.push(request);
            return { ok: true, voiceName: 'cmn' };
          },
          control: async (action) => {
            controls.push(action);
            return {
              progress: { state: 'idle', index: 0, total: 0, rate: 1, speaking: false },
              noChineseVoice: false,
            };
          },
          claim: async () => undefined,
        },
        settings: () => ({ rate: 1.5 }),
        reducedMotion: () => true,
      }),
    () => 1.5,
  );
  const states: ReaderSpeechState[] = [];
  speech.subscribe((state) => states.push(state));
  return { article, speech, started, states, controls };
}

describe('the reader speech before its code arrives', () => {
  it('is idle at the user rate, and stopping or pausing loads nothing', async () => {
    const background = fakeBackground();
    const { speech } = readerWithSpeech(background);
    expect(speech.state()).toEqual({
      state: 'idle',
      index: 0,
      total: 0,
      rate: 1.5,
      speaking: false,
      noChineseVoice: false,
    });
    await speech.stop();
    await speech.pause();
    await speech.next();
    expect(await speech.control('stop')).toMatchObject({ progress: { state: 'idle' } });
    speech.onStopElsewhere();
    speech.dispose();
    expect(background.injected).toEqual([]);
  });

  it('play loads the code once and hands the background the plan from the clicked paragraph', async () => {
    const background = fakeBackground({ delay: 5 });
    const { article, speech, started } = readerWithSpeech(background);
    const paragraph = article?.querySelectorAll('p')[1];
    await speech.play(paragraph ?? undefined);
    expect(started).toHaveLength(1);
    expect(started[0]?.chunks[0]).toBe('关于开展专项清理的通知');
    expect(started[0]?.chunks[started[0].startIndex]).toMatch(/^咨询电话/);
    expect(started[0]?.rate).toBe(1.5);
    await speech.toggle();
    expect(background.injected).toEqual(['reader-speech']);
  });

  it('prepares on the intent to play (code loaded ahead), and a failed preparation is retried', async () => {
    const background = fakeBackground({ delay: 5 });
    const { speech, started } = readerWithSpeech(background);
    background.failNextInjection();
    await speech.prepare();
    expect(speech.state()).toMatchObject({ state: 'idle' });
    await speech.prepare();
    await speech.prepare();
    expect(background.injected).toEqual(['reader-speech', 'reader-speech']);
    await speech.play();
    expect(started).toHaveLength(1);
    expect(background.injected).toHaveLength(2);
  });

  it('answers the background asking for the plan, and shows progress the popup started', async () => {
    const background = fakeBackground({ delay: 5 });
    const { article, speech, states } = readerWithSpeech(background);
    const plan = await speech.request(1);
    expect(plan).toMatchObject({ startIndex: 1, lang: 'zh-Hans', rate: 1.5 });
    expect(plan?.chunks).toHaveLength(3);
    const progress: SpeechProgress = {
      state: 'playing',
      index: 1,
      total: 3,
      rate: 1.5,
      speaking: true,
    };
    speech.onProgress(progress);
    expect(states.at(-1)).toMatchObject({ state: 'playing', index: 1, total: 3 });
    expect(article?.querySelector('[data-speaking="true"]')?.textContent).toMatch(/^各区县/);
    expect(background.injected).toEqual(['reader-speech']);
  });

  it('closing the reader stops the reading and its highlight; opened again, it still shows progress', async () => {
    const background = fakeBackground();
    const { article, speech, states, controls } = readerWithSpeech(background);
    const playing: SpeechProgress = {
      state: 'playing',
      index: 1,
      total: 3,
      rate: 1,
      speaking: true,
    };
    // The popup started reading this tab: the background asked for the plan, then reports progress.
    await speech.request(0);
    speech.onProgress(playing);
    await expect.poll(() => article?.querySelector('[data-speaking="true"]')).not.toBeNull();
    speech.dispose();
    expect(controls).toEqual(['stop']);
    expect(article?.querySelector('[data-speaking]')).toBeNull();
    speech.onProgress({ ...playing, index: 2 });
    expect(states.at(-1)).toMatchObject({ state: 'playing', index: 2 });
  });

  it('progress arriving before the code loads it, in order, and the toolbar shows it', async () => {
    const background = fakeBackground({ delay: 5 });
    const { speech, states } = readerWithSpeech(background);
    speech.onProgress({ state: 'playing', index: 0, total: 3, rate: 1, speaking: false });
    speech.onProgress({ state: 'playing', index: 1, total: 3, rate: 1, speaking: true });
    await expect.poll(() => speech.state()).toMatchObject({ state: 'playing', index: 1 });
    expect(states.at(-1)).toMatchObject({ state: 'playing', index: 1, speaking: true });
    expect(background.injected).toEqual(['reader-speech']);
  });
});
