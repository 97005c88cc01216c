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
  /**
   * Subscribes to another engine taking the voice over (page engines: see createWebSpeechEngine):
   * what this one was saying is gone, and it reports nothing more of it. Returns the unsubscribe.
   */
  onTakenOver?(listener: () => void): () => void;
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

/** A page engine that holds its document's speechSynthesis. */
interface PageSpeechOwner {
  /** Another engine speaks now; resolves when what this one was saying is over (see settle). */
  takenOver(): Promise<void> | undefined;
}

/** One speechSynthesis: the engine that holds it, and the end of what was last cancelled on it. */
interface SynthesisHold {
  owner?: PageSpeechOwner;
  settling?: Promise<void>;
}

const HOLDS_KEY = Symbol.for('yidu.page-speech-holds');

/**
 * Which of our page engines holds each speechSynthesis. The reader's reading aloud and 指读 each
 * have one over the same document's synthesis, and a cancel from either silences both: on Firefox
 * (where 指读 speaks in the page) that left the reader "playing" with nothing said, and 指读 moving
 * on after the reader had started stopped the reader. So the engine that speaks holds the
 * synthesis, a cancel from another leaves it alone, and the one it was taken from is told. Kept on
 * the global of our content scripts' world, which our scripts in a document share (the reader and
 * the tools' bundle are separate scripts) and the page cannot see.
 */
function holdOf(synthesis: object): SynthesisHold {
  const world = globalThis as { [HOLDS_KEY]?: WeakMap<object, SynthesisHold> };
  world[HOLDS_KEY] ??= new WeakMap();
  let hold = world[HOLDS_KEY].get(synthesis);
  if (!hold) {
    hold = {};
    world[HOLDS_KEY].set(synthesis, hold);
  }
  return hold;
}

/** The longest the next utterance waits for a cancelled one's end (see settle). */
const CANCEL_SETTLE_MS = 250;

/**
 * The page engine over `speechSynthesis`. In Chrome the page must have had a click before the
 * first utterance (otherwise it answers `not-allowed`, reported as an error); Firefox speaks
 * without one, from a content script as from the page (tests/e2e/firefox/assist.test.ts).
 */
export function createWebSpeechEngine(api: WebSpeechApi): SpeechEngine {
  let serial = 0;
  // Chrome drops an utterance that nothing references before it ends: keep the current one.
  const kept: { utterance?: SpeechSynthesisUtterance } = {};
  const findVoice = (name: string | undefined) =>
    name ? api.synthesis.getVoices().find((voice) => voice.name === name) : undefined;
  const hold = holdOf(api.synthesis);
  /** Our last utterance: whether the voice has started or ended it, and who waits for its end. */
  let flight: { started: boolean; ended: boolean; onEnded?: () => void } | undefined;
  /**
   * Our last utterance is being cancelled. Firefox (through speech-dispatcher) silently drops an
   * utterance spoken right after cancelling one that had not started yet (checked in Firefox ESR,
   * from a page script as from ours): the next one then waits for the cancelled one's end event,
   * which comes within milliseconds. Resolves at once (undefined) when there is nothing to wait for.
   */
  function settle(): Promise<void> | undefined {
    const last = flight;
    flight = undefined;
    if (!last || last.started || last.ended) return undefined;
    return new Promise((resolve) => {
      last.onEnded = resolve;
      setTimeout(resolve, CANCEL_SETTLE_MS);
    });
  }
  const takenOverListeners = new Set<() => void>();
  const self: PageSpeechOwner = {
    takenOver() {
      // What we were saying is cancelled by the new holder: nothing more of it is reported.
      serial += 1;
      kept.utterance = undefined;
      for (const listener of takenOverListeners) listener();
      return settle();
    },
  };
  return {
    speak(utterance, events) {
      const id = ++serial;
      const previous = hold.owner;
      hold.owner = self;
      const waits = [hold.settling, previous === self ? settle() : previous?.takenOver()].filter(
        (wait) => wait !== undefined,
      );
      hold.settling = undefined;
      api.synthesis.cancel();
      const say = (retry: boolean) => {
        const spoken = api.createUtterance(utterance.text);
        spoken.lang = utterance.lang;
        const voice = findVoice(utterance.voiceName);
        if (voice) spoken.voice = voice;
        spoken.rate = utterance.rate;
        const mine: NonNullable<typeof flight> = { started: false, ended: false };
        flight = mine;
        const ended = () => {
          mine.ended = true;
          mine.onEnded?.();
        };
        spoken.onstart = () => {
          mine.started = true;
          if (id === serial) events.onStart();
        };
        spoken.onend = () => {
          ended();
          if (id === serial) events.onEnd();
        };
        spoken.onerror = (event) => {
          ended();
          if (id !== serial || CANCELLED_WEB_ERRORS.has(event.error)) return;
          // Firefox through speech-dispatcher fails the first utterance after the voice list
          // arrives, before it starts and with no error code; the next one is said: try once more.
          if (!event.error && !mine.started && retry) return say(false);
          events.onError(event.error || 'synthesis-failed');
        };
        kept.utterance = spoken;
        api.synthesis.speak(spoken);
      };
      if (waits.length === 0) say(true);
      else
        void Promise.all(waits).then(() => {
          if (id === serial) say(true);
        });
    },
    cancel() {
      serial += 1;
      kept.utterance = undefined;
      // Only our own speech: what another engine took the synthesis for is not ours to stop.
      if (hold.owner !== self) return;
      hold.owner = undefined;
      hold.settling = settle();
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
    onTakenOver(listener) {
      takenOverListeners.add(listener);
      return () => takenOverListeners.delete(listener);
    },
  };
}
