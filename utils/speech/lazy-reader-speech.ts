/**
 * The reader's reading aloud before its code is loaded: it answers like the real one
 * (utils/speech/reader-speech.ts), idle, and loads the code when something can start reading (play,
 * resume, toggle, the background asking for a plan, progress from the background), then hands
 * every call to it. Controls that only act on a reading in progress do nothing before then: nothing
 * reads until the code is loaded. Imports only types from the loaded code (see utils/bundles.ts).
 */
import { loadOnce } from '../load-once';
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
  const listeners = new Set<(state: ReaderSpeechState) => void>();
  let speech: ReaderSpeech | undefined;

  const idleProgress = (): SpeechProgress => ({
    state: 'idle',
    index: 0,
    total: 0,
    rate: snapRate(rate()),
    speaking: false,
  });
  const emit = (state: ReaderSpeechState) => {
    for (const listener of listeners) listener(state);
  };

  const ready = loadOnce(async () => {
    const created = await create();
    speech = created;
    created.subscribe(emit);
    emit(created.state());
    return created;
  });

  /** Runs `run` on the loaded speech, loading it first. */
  const loaded = async <T>(run: (speech: ReaderSpeech) => T | Promise<T>): Promise<T> =>
    run(await ready());
  /** Runs `run` only if the speech is loaded (else nothing is reading). */
  const ifLoaded = async (run: (speech: ReaderSpeech) => Promise<void>) => {
    if (speech) await run(speech);
  };

  return {
    play: (from) => loaded((loadedSpeech) => loadedSpeech.play(from)),
    resume: () => loaded((loadedSpeech) => loadedSpeech.resume()),
    toggle: () => loaded((loadedSpeech) => loadedSpeech.toggle()),
    pause: () => ifLoaded((loadedSpeech) => loadedSpeech.pause()),
    stop: () => ifLoaded((loadedSpeech) => loadedSpeech.stop()),
    next: () => ifLoaded((loadedSpeech) => loadedSpeech.next()),
    previous: () => ifLoaded((loadedSpeech) => loadedSpeech.previous()),
    setRate: (value) => ifLoaded((loadedSpeech) => loadedSpeech.setRate(value)),
    async control(action, value): Promise<SpeechStatus> {
      if (speech || STARTS.has(action))
        return loaded((loadedSpeech) => loadedSpeech.control(action, value));
      return { progress: idleProgress(), noChineseVoice: false };
    },
    state: () => speech?.state() ?? { ...idleProgress(), noChineseVoice: false },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    request: (startIndex) => loaded((loadedSpeech) => loadedSpeech.request(startIndex)),
    prepare: () =>
      ready().then(
        () => undefined,
        () => undefined,
      ),
    onProgress(progress) {
      if (speech) speech.onProgress(progress);
      // Reading started elsewhere for this tab (the popup): load, then show where it is.
      else
        ready().then(
          (loadedSpeech) => loadedSpeech.onProgress(progress),
          (error: unknown) => console.warn('[yidu] cannot load reading aloud', error),
        );
    },
    onStopElsewhere: () => speech?.onStopElsewhere(),
    dispose: () => speech?.dispose(),
  };
}
