/**
 * The reader's reading aloud before its code is loaded: it answers like the real one
 * (utils/speech/reader-speech.ts), idle, and loads the code when something can start reading (play,
 * resume, toggle, the background asking for a plan, progress from the background), then hands
 * every call to it. Controls that only act on a reading in progress do nothing before then: nothing
 * reads until the code is loaded. Imports only types from the loaded code (see utils/bundles.ts).
 */
import { createLazyPart } from '../lazy-part';
import type { SpeechProgress } from './controller';
import type { ReaderSpeech, ReaderSpeechState } from './reader-speech';
import type { SpeechAction, SpeechRequest, SpeechStatus } from './speech-protocol';
import { snapRate } from './speech-rate';

/** The reader's speech as the entry point and the App use it; `request` may have to load first. */
export type LazyReaderSpeech = Omit<ReaderSpeech, 'request'> & {
  request(startIndex?: number): Promise<SpeechRequest | null>;
  /**
   * Loads the code ahead of a likely play (the pointer is over 朗读, or it has focus), so the click
   * does not wait for it; a failure is left for the play to report.
   */
  prepare(): Promise<void>;
};

/** The actions that may start reading, so load the code; the others act on a reading only. */
const STARTS: ReadonlySet<SpeechAction> = new Set(['play', 'resume', 'toggle']);

export function createLazyReaderSpeech(
  create: () => Promise<ReaderSpeech>,
  /** The user's rate (the idle state shows it). */
  rate: () => number,
): LazyReaderSpeech {
  const idleProgress = (): SpeechProgress => ({
    state: 'idle',
    index: 0,
    total: 0,
    rate: snapRate(rate()),
    speaking: false,
  });
  const part = createLazyPart<ReaderSpeech, ReaderSpeechState>(create, () => ({
    ...idleProgress(),
    noChineseVoice: false,
  }));
  const { withLoaded, ifLoaded } = part;

  return {
    play: (from) => withLoaded((speech) => speech.play(from)),
    resume: () => withLoaded((speech) => speech.resume()),
    toggle: () => withLoaded((speech) => speech.toggle()),
    pause: () => ifLoaded((speech) => speech.pause()),
    stop: () => ifLoaded((speech) => speech.stop()),
    next: () => ifLoaded((speech) => speech.next()),
    previous: () => ifLoaded((speech) => speech.previous()),
    setRate: (value) => ifLoaded((speech) => speech.setRate(value)),
    async control(action, value): Promise<SpeechStatus> {
      if (part.loaded() || STARTS.has(action))
        return withLoaded((speech) => speech.control(action, value));
      return { progress: idleProgress(), noChineseVoice: false };
    },
    state: part.state,
    subscribe: part.subscribe,
    request: (startIndex) => withLoaded((speech) => speech.request(startIndex)),
    prepare: () =>
      part.load().then(
        () => undefined,
        () => undefined,
      ),
    onProgress(progress) {
      const speech = part.loaded();
      if (speech) speech.onProgress(progress);
      // Reading started elsewhere for this tab (the popup): load, then show where it is.
      else
        part.load().then(
          (loaded) => loaded.onProgress(progress),
          (error: unknown) => console.warn('[yidu] cannot load reading aloud', error),
        );
    },
    onStopElsewhere: () => part.loaded()?.onStopElsewhere(),
    dispose: () => part.loaded()?.dispose(),
  };
}
