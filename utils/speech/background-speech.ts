/**
 * The background's reading service (Chrome): one controller over `chrome.tts`, reading one tab at a
 * time. A reader sends its plan; progress goes back to that tab so it can highlight; reading started
 * in another tab (here or in a page's own speechSynthesis) stops this one. It lives in the
 * background, so reading started from the popup goes on after the popup closes.
 */
import { createSpeechController, dispatchSpeechAction, type SpeechProgress } from './controller';
import type { SpeechEngine } from './engine';
import {
  IDLE_PROGRESS,
  type SpeechAction,
  type SpeechRequest,
  type SpeechStartResult,
  type SpeechStatus,
  type SpeechVoices,
} from './speech-protocol';
import {
  chineseVoices,
  isNetworkVoice,
  pickVoice,
  readsWithNetworkVoice,
  type VoiceInfo,
  waitForVoices,
} from './voices';

export interface BackgroundSpeechDeps {
  engine: SpeechEngine;
  /** Tells a tab how its reading goes (→page:speech-progress); errors (tab gone) are ignored. */
  sendProgress(tabId: number, progress: SpeechProgress): Promise<unknown>;
  /** Tells a tab reading aloud by itself to stop (→page:speech-stop). */
  sendStop(tabId: number): Promise<unknown>;
  /** Opens the reader in a tab if needed and asks it for its plan (→page:speech-plan). */
  requestPlan(tabId: number, startIndex?: number): Promise<SpeechRequest | null>;
  /** How long to wait for the voice list on first use (speech-dispatcher takes seconds to start). */
  voiceTimeoutMs?: number;
  /** Told where reading stands after each change, for the popup (utils/speech/speech-status.ts). */
  publish?(status: SpeechStatus): void;
}

export interface BackgroundSpeech {
  /** Reads a tab's plan aloud (the reader asked). */
  start(tabId: number, request: SpeechRequest): Promise<SpeechStartResult>;
  /** Reads a tab aloud from the popup or a shortcut: the tab's reader is asked for its plan. */
  startTab(tabId: number): Promise<SpeechStartResult>;
  /**
   * Says a short text for a tab's 指读 (the element under the pointer): it takes over from any
   * reading like `start`, but sends the tab no progress (no reader highlights anything for it).
   */
  say(tabId: number, request: SpeechRequest): Promise<SpeechStartResult>;
  /** Stops a tab's 指读 speech, if it is what is being said. */
  hush(tabId: number): void;
  /** A tab reads aloud by itself: stop everything else. */
  claim(tabId: number): void;
  control(tabId: number | undefined, action: SpeechAction, rate?: number): Promise<SpeechStatus>;
  status(tabId?: number): SpeechStatus;
  voices(lang?: string): Promise<SpeechVoices>;
  /** The tab closed or navigated: stop reading it. */
  forgetTab(tabId: number): void;
}

export function createBackgroundSpeech(deps: BackgroundSpeechDeps): BackgroundSpeech {
  const controller = createSpeechController(deps.engine);
  /** The tab being read by us, or by its own page engine. */
  let owner: { tabId: number; engine: 'background' | 'page'; quiet?: true } | null = null;
  let knownVoices: readonly VoiceInfo[] | null = null;
  let noChineseVoice = false;
  let networkVoice = false;
  let voicesLooked = false;
  let lastRequest: { tabId: number; request: SpeechRequest } | null = null;

  /** Tells the popup where reading now stands (the status of whoever reads). */
  const published = () => deps.publish?.(status());
  controller.subscribe((progress) => {
    if (owner?.engine === 'background' && !owner.quiet)
      void deps.sendProgress(owner.tabId, progress).catch(() => {});
    published();
  });

  async function loadVoices(): Promise<readonly VoiceInfo[]> {
    if (knownVoices && knownVoices.length > 0) return knownVoices;
    knownVoices = await waitForVoices(
      {
        get: () => deps.engine.getVoices(),
        ...(deps.engine.onVoicesChanged && { onChange: deps.engine.onVoicesChanged }),
      },
      { timeoutMs: deps.voiceTimeoutMs ?? 8000 },
    );
    return knownVoices;
  }

  /** Whoever read before (another tab, or a page engine) stops. */
  /** `quiet`: the new owner is 指读, which stops a reading even in its own tab. */
  function takeOver(tabId: number, engine: 'background' | 'page', quiet = false) {
    const previous = owner;
    owner = quiet ? { tabId, engine, quiet } : { tabId, engine };
    published();
    if (!previous) return;
    if (previous.engine === 'background') {
      // Silence our own reading; the old tab clears its highlight on the idle progress.
      controller.stop();
      if (!previous.quiet && (previous.tabId !== tabId || engine === 'page' || quiet)) {
        void deps
          .sendProgress(previous.tabId, { ...controller.progress(), state: 'idle', total: 0 })
          .catch(() => {});
      }
    } else if (previous.tabId !== tabId || quiet) {
      void deps.sendStop(previous.tabId).catch(() => {});
    }
  }

  const status = (tabId?: number): SpeechStatus => {
    // The popup asks once as it opens: the voices are looked at once, so that it can say before
    // the first play whether only a network voice would read (mainland text, the usual case).
    if (!voicesLooked) {
      voicesLooked = true;
      void loadVoices().then((voices) => {
        // A reading started meanwhile knows better: its voice is the one used.
        if (lastRequest) return;
        networkVoice = readsWithNetworkVoice(voices, undefined);
        published();
      });
    }
    // 指读's short texts are not a reading the popup controls.
    const reading =
      owner?.engine === 'background' &&
      !owner.quiet &&
      (tabId === undefined || owner.tabId === tabId);
    return {
      progress: reading
        ? controller.progress()
        : { ...IDLE_PROGRESS, rate: controller.progress().rate },
      ...(owner && { tabId: owner.tabId }),
      noChineseVoice,
      networkVoice,
    };
  };

  async function start(
    tabId: number,
    request: SpeechRequest,
    quiet = false,
  ): Promise<SpeechStartResult> {
    if (request.chunks.length === 0) return { ok: false, reason: 'nothing-to-read' };
    const voice = pickVoice(await loadVoices(), request.lang, request.voiceName);
    noChineseVoice = voice === undefined;
    networkVoice = voice !== undefined && isNetworkVoice(voice);
    if (!voice) {
      published();
      return { ok: false, reason: 'no-chinese-voice' };
    }
    takeOver(tabId, 'background', quiet);
    // A 指读 text is not a reading the popup's play should resume.
    lastRequest = quiet ? null : { tabId, request };
    controller.load(request.chunks, { lang: voice.lang, voiceName: voice.name });
    controller.setRate(request.rate);
    controller.play(request.startIndex);
    return { ok: true, voiceName: voice.name };
  }

  async function startTab(tabId: number): Promise<SpeechStartResult> {
    const request = await deps.requestPlan(tabId).catch(() => null);
    if (!request) return { ok: false, reason: 'no-reader' };
    return start(tabId, request);
  }

  return {
    start,
    startTab,
    say: (tabId, request) => start(tabId, request, true),
    hush(tabId) {
      if (owner?.tabId !== tabId || !owner.quiet) return;
      controller.stop();
      owner = null;
      published();
    },
    claim(tabId) {
      takeOver(tabId, 'page');
    },
    async control(tabId, action, rate) {
      const target = tabId ?? owner?.tabId;
      const ours = owner?.engine === 'background' && owner.tabId === target;
      if (!ours) {
        // Nothing read here for that tab: "play" starts it, anything else has nothing to act on.
        if (
          target !== undefined &&
          (action === 'play' || action === 'toggle' || action === 'resume')
        ) {
          await startTab(target);
        } else if (action === 'rate' && rate !== undefined) {
          controller.setRate(rate);
        }
        return status(target);
      }
      await dispatchSpeechAction(controller, action, rate, async (from) => {
        if (from === 'toggle') {
          if (target !== undefined) await startTab(target);
        } else if (lastRequest?.tabId === target) await start(target, lastRequest.request);
        else controller.resume();
      });
      return status(target);
    },
    status,
    async voices(lang) {
      const voices = await loadVoices();
      const missing = pickVoice(voices, lang) === undefined;
      noChineseVoice = missing;
      return {
        voices: chineseVoices(voices),
        noChineseVoice: missing,
        ...(readsWithNetworkVoice(voices, lang) && { networkVoice: true }),
      };
    },
    forgetTab(tabId) {
      if (owner?.tabId !== tabId) return;
      if (owner.engine === 'background') controller.stop();
      owner = null;
      published();
    },
  };
}
