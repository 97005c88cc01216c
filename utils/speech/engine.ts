/**
 * One interface over the two ways a browser speaks: `chrome.tts` (the extension's background, which
 * outlives the popup) and the page's `speechSynthesis` (the reader's own button, and Firefox). An
 * engine speaks one chunk at a time and reports its start, end or error; the controller does the rest.
 */
import type { VoiceInfo } from './voices';

export interface Utterance {
  text: string;
  /** A BCP 47 or ISO 639-3 tag; the chosen voice's own tag when there is one. */
  lang: string;
  voiceName?: string;
  /** 1 is the voice's normal speed; 0.5–2.0. */
  rate: number;
}

export interface UtteranceEvents {
  onStart(): void;
  onEnd(): void;
  /** Anything but a cancel we asked for: the engine failed to say the chunk. */
  onError(error: string): void;
}

export interface SpeechEngine {
  /** Speaks one chunk, replacing whatever was being said. */
  speak(utterance: Utterance, events: UtteranceEvents): void;
  /** Stops speaking; the cancelled utterance reports nothing more. */
  cancel(): void;
  /** The voices known now (possibly none yet: see waitForVoices). */
  getVoices(): Promise<VoiceInfo[]>;
  /** Subscribes to the voice list changing; returns the unsubscribe function. */
  onVoicesChanged?(listener: () => void): () => void;
}

/** The slice of `chrome.tts` the engine uses (typed here so tests and Firefox builds need no global). */
export interface ChromeTtsApi {
  speak(
    text: string,
    options: {
      lang?: string;
      voiceName?: string;
      rate?: number;
      enqueue?: boolean;
      onEvent?: (event: { type: string; errorMessage?: string }) => void;
    },
  ): unknown;
  stop(): void;
  getVoices(
    callback: (voices: { voiceName?: string; lang?: string; remote?: boolean }[]) => void,
  ): void;
}

/**
 * The background engine over `chrome.tts`. Each utterance carries a serial number, so events of one
 * that was cancelled (Chrome sends `interrupted` or `cancelled` for it) are dropped.
 */
export function createChromeTtsEngine(tts: ChromeTtsApi): SpeechEngine {
  let serial = 0;
  return {
    speak(utterance, events) {
      const id = ++serial;
      tts.speak(utterance.text, {
        lang: utterance.lang,
        ...(utterance.voiceName && { voiceName: utterance.voiceName }),
        rate: utterance.rate,
        enqueue: false,
        onEvent: (event) => {
          if (id !== serial) return;
          if (event.type === 'start') events.onStart();
          else if (event.type === 'end') events.onEnd();
          else if (event.type === 'error') events.onError(event.errorMessage ?? 'error');
          // `interrupted`/`cancelled` follow our own stop(); markers and pauses change nothing.
        },
      });
    },
    cancel() {
      serial += 1;
      tts.stop();
    },
    getVoices: () =>
      new Promise((resolve) =>
        tts.getVoices((voices) =>
          resolve(
            voices.map((voice) => ({
              name: voice.voiceName ?? '',
              lang: voice.lang ?? '',
              localService: voice.remote !== true,
            })),
          ),
        ),
      ),
  };
}

/** The slice of the Web Speech API the page engine uses. */
export interface WebSpeechApi {
  synthesis: Pick<
    SpeechSynthesis,
    'speak' | 'cancel' | 'getVoices' | 'addEventListener' | 'removeEventListener'
  >;
  createUtterance(text: string): SpeechSynthesisUtterance;
}

/** Errors that mean "we cancelled it", not "it failed". */
const CANCELLED_WEB_ERRORS = new Set(['interrupted', 'canceled']);

/**
 * The page engine over `speechSynthesis`. The page must have had a click before the first
 * utterance (otherwise Chrome answers `not-allowed`, reported as an error).
 */
export function createWebSpeechEngine(api: WebSpeechApi): SpeechEngine {
  let serial = 0;
  // Chrome drops an utterance that nothing references before it ends: keep the current one.
  const kept: { utterance?: SpeechSynthesisUtterance } = {};
  const findVoice = (name: string | undefined) =>
    name ? api.synthesis.getVoices().find((voice) => voice.name === name) : undefined;
  return {
    speak(utterance, events) {
      const id = ++serial;
      api.synthesis.cancel();
      const say = (retry: boolean) => {
        const spoken = api.createUtterance(utterance.text);
        spoken.lang = utterance.lang;
        const voice = findVoice(utterance.voiceName);
        if (voice) spoken.voice = voice;
        spoken.rate = utterance.rate;
        let started = false;
        spoken.onstart = () => {
          started = true;
          if (id === serial) events.onStart();
        };
        spoken.onend = () => {
          if (id === serial) events.onEnd();
        };
        spoken.onerror = (event) => {
          if (id !== serial || CANCELLED_WEB_ERRORS.has(event.error)) return;
          // Firefox through speech-dispatcher fails the first utterance after the voice list
          // arrives, before it starts and with no error code; the next one is said: try once more.
          if (!event.error && !started && retry) return say(false);
          events.onError(event.error || 'synthesis-failed');
        };
        kept.utterance = spoken;
        api.synthesis.speak(spoken);
      };
      say(true);
    },
    cancel() {
      serial += 1;
      kept.utterance = undefined;
      api.synthesis.cancel();
    },
    getVoices: async () =>
      api.synthesis.getVoices().map((voice) => ({
        name: voice.name,
        lang: voice.lang,
        localService: voice.localService,
      })),
    onVoicesChanged(listener) {
      api.synthesis.addEventListener('voiceschanged', listener);
      return () => api.synthesis.removeEventListener('voiceschanged', listener);
    },
  };
}
