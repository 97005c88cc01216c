/**
 * Reading aloud on the reader's side. Given the reader's private copy of the article (drawn from
 * what the extractor returned, not from the overlay, whose open shadow root the page can rewrite)
 * it builds the plan, reads it either through the background (`chrome.tts`, Chrome) or in the page
 * (`speechSynthesis`: Firefox, or where the background cannot), marks the block being read with
 * `data-speaking="true"` and scrolls it into view (without animation when reduced motion is asked
 * for), and exposes the state the toolbar and popup show.
 */
import {
  createSpeechController,
  dispatchSpeechAction,
  type PlaybackState,
  type SpeechProgress,
} from './controller';
import type { SpeechEngine } from './engine';
import { matchBlocks, type SpeechPlan, speechPlanOf } from './plan';
import type {
  SpeechAction,
  SpeechRequest,
  SpeechStartResult,
  SpeechStatus,
} from './speech-protocol';
import { snapRate } from './speech-rate';
import { isNetworkVoice, pickVoice, waitForVoices } from './voices';

export const SPEAKING_ATTRIBUTE = 'data-speaking';

export interface ReaderSpeechState {
  state: PlaybackState;
  /** The chunk being read (0-based) and how many there are: the toolbar shows 第 index+1/total 句. */
  index: number;
  total: number;
  rate: number;
  /** The voice has started the current chunk (a spinner can show until then). */
  speaking: boolean;
  /** No voice reads this text: the popup explains how to add one. */
  noChineseVoice: boolean;
  /** Only a network voice reads this text: the controls say that it leaves the computer. */
  networkVoice?: boolean;
  error?: string;
}

/** How the reader reaches the background (sendToBackground from the entry point). */
export interface BackgroundLink {
  start(request: SpeechRequest): Promise<SpeechStartResult>;
  control(action: SpeechAction, rate?: number): Promise<SpeechStatus>;
  /** Tells the background this page now reads by itself (others stop). */
  claim(): Promise<unknown>;
}

export interface ReaderSpeechOptions {
  /**
   * The reader's private copy of its article element, in the script shown: what is read. Null
   * while no article is shown.
   */
  article: () => Element | null;
  /** The article element the overlay shows, whose blocks are highlighted (default: the copy). */
  shown?: () => Element | null;
  /** 'background' on Chrome (chrome.tts); 'page' reads with `pageEngine` here. */
  mode: 'background' | 'page';
  background?: BackgroundLink;
  pageEngine?: SpeechEngine;
  /** The user's settings: rate 0.5–2.0 and an optional voice name. */
  settings: () => { rate: number; voiceName?: string };
  reducedMotion: () => boolean;
  voiceTimeoutMs?: number;
}

export interface ReaderSpeech {
  /** Starts reading: from the block holding `from` (a clicked paragraph), or from the top. */
  play(from?: Element): Promise<void>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  /** Play, pause or resume, whichever the state calls for (the toolbar's one button). */
  toggle(): Promise<void>;
  stop(): Promise<void>;
  next(): Promise<void>;
  previous(): Promise<void>;
  setRate(rate: number): Promise<void>;
  /** Answers the popup's control when this page reads by itself. */
  control(action: SpeechAction, rate?: number): Promise<SpeechStatus>;
  state(): ReaderSpeechState;
  subscribe(listener: (state: ReaderSpeechState) => void): () => void;
  /** The plan for the background (→page:speech-plan), built fresh from the article copy. */
  request(startIndex?: number): SpeechRequest | null;
  /** Progress from the background (→page:speech-progress). */
  onProgress(progress: SpeechProgress): void;
  /** Reading started in another tab (→page:speech-stop). */
  onStopElsewhere(): void;
  /**
   * The reader closes: stops reading (here, or in the background for this tab) and clears the
   * highlight. Subscribers stay: the same reader may open again, and its view unsubscribes itself.
   */
  dispose(): void;
}

export function createReaderSpeech(options: ReaderSpeechOptions): ReaderSpeech {
  let plan: SpeechPlan | null = null;
  let highlighted: Element | null = null;
  let noChineseVoice = false;
  let networkVoice = false;
  let progress: SpeechProgress = {
    state: 'idle',
    index: 0,
    total: 0,
    rate: snapRate(options.settings().rate),
    speaking: false,
  };
  const listeners = new Set<(state: ReaderSpeechState) => void>();

  const local =
    options.mode === 'page' && options.pageEngine
      ? createSpeechController(options.pageEngine, { rate: progress.rate })
      : null;
  local?.subscribe((next) => update(next));

  function state(): ReaderSpeechState {
    return {
      state: progress.state,
      index: progress.index,
      total: progress.total || (plan?.chunks.length ?? 0),
      rate: progress.rate,
      speaking: progress.speaking,
      noChineseVoice,
      ...(networkVoice && { networkVoice }),
      ...(progress.error !== undefined && { error: progress.error }),
    };
  }

  function update(next: SpeechProgress) {
    progress = next;
    highlight();
    const snapshot = state();
    for (const listener of listeners) listener(snapshot);
  }

  /** Marks the block of the chunk being read and brings it into view when it changes. */
  function highlight() {
    const chunk = plan?.chunks[progress.index];
    const element =
      progress.state !== 'idle' && chunk && plan ? (plan.blocks[chunk.block] ?? null) : null;
    if (element === highlighted) return;
    highlighted?.removeAttribute(SPEAKING_ATTRIBUTE);
    highlighted = element;
    if (!element) return;
    element.setAttribute(SPEAKING_ATTRIBUTE, 'true');
    element.scrollIntoView?.({
      block: 'center',
      behavior: options.reducedMotion() ? 'auto' : 'smooth',
    });
  }

  function buildPlan(): SpeechPlan | null {
    const article = options.article();
    if (!article) {
      plan = null;
      return plan;
    }
    const read = speechPlanOf(article);
    const shown = options.shown?.();
    plan = shown ? { ...read, blocks: matchBlocks(read.blocks, article, shown) } : read;
    return plan;
  }

  /** The first chunk of the block that holds `from`. */
  function indexOf(from: Element | undefined): number {
    if (!from || !plan) return 0;
    const block = plan.blocks.findIndex((element) => element === from || element.contains(from));
    if (block < 0) return 0;
    const index = plan.chunks.findIndex((chunk) => chunk.block === block);
    return Math.max(0, index);
  }

  function request(startIndex = 0): SpeechRequest | null {
    const current = buildPlan();
    if (!current || current.chunks.length === 0) return null;
    const { rate, voiceName } = options.settings();
    return {
      chunks: current.chunks.map((chunk) => chunk.spoken),
      ...(current.lang && { lang: current.lang }),
      startIndex,
      rate: snapRate(rate),
      ...(voiceName && { voiceName }),
    };
  }

  async function playLocally(controller: NonNullable<typeof local>, from?: Element) {
    const current = buildPlan();
    if (!current || current.chunks.length === 0 || !options.pageEngine) return;
    const engine = options.pageEngine;
    const voices = await waitForVoices(
      {
        get: () => engine.getVoices(),
        ...(engine.onVoicesChanged && { onChange: engine.onVoicesChanged }),
      },
      { timeoutMs: options.voiceTimeoutMs ?? 5000 },
    );
    const { rate, voiceName } = options.settings();
    const voice = pickVoice(voices, current.lang, voiceName);
    noChineseVoice = voice === undefined;
    networkVoice = voice !== undefined && isNetworkVoice(voice);
    if (!voice) {
      update({ ...progress, state: 'idle' });
      return;
    }
    void options.background?.claim().catch(() => {});
    controller.load(
      current.chunks.map((chunk) => chunk.spoken),
      { lang: voice.lang, voiceName: voice.name },
    );
    controller.setRate(rate);
    controller.play(indexOf(from));
  }

  async function playInBackground(from?: Element) {
    const link = options.background;
    const built = request();
    if (!link || !built) return;
    const result = await link.start({ ...built, startIndex: indexOf(from) });
    noChineseVoice = !result.ok && result.reason === 'no-chinese-voice';
    if (!result.ok) update({ ...progress, state: 'idle' });
  }

  /** Runs a control on whichever side reads, and returns the new status. */
  async function control(action: SpeechAction, rate?: number): Promise<SpeechStatus> {
    const reading = local;
    if (reading) {
      await dispatchSpeechAction(reading, action, rate, () => playLocally(reading));
      return { progress: reading.progress(), noChineseVoice };
    }
    if ((action === 'play' || action === 'toggle') && progress.state === 'idle') {
      await playInBackground();
      return { progress, noChineseVoice };
    }
    const status = await options.background?.control(action, rate);
    if (status) {
      noChineseVoice = status.noChineseVoice;
      networkVoice = status.networkVoice === true;
      update(status.progress);
    }
    return status ?? { progress, noChineseVoice };
  }

  return {
    async play(from) {
      if (local) await playLocally(local, from);
      else await playInBackground(from);
    },
    pause: async () => void (await control('pause')),
    resume: async () => void (await control('resume')),
    toggle: async () => void (await control('toggle')),
    stop: async () => void (await control('stop')),
    next: async () => void (await control('next')),
    previous: async () => void (await control('previous')),
    setRate: async (rate) => void (await control('rate', rate)),
    control,
    state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    request,
    onProgress(next) {
      // A plan the background read without our play (the popup started it) was built by request().
      update(next);
    },
    onStopElsewhere() {
      local?.stop();
    },
    dispose() {
      void control('stop').catch(() => {});
      highlighted?.removeAttribute(SPEAKING_ATTRIBUTE);
      highlighted = null;
    },
  };
}
