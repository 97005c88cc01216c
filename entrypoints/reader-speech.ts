import { provide } from '~/utils/bundles';
import { createWebSpeechEngine } from '~/utils/speech/engine';
import { createReaderSpeech } from '~/utils/speech/reader-speech';

/**
 * The reader's reading aloud, injected only when the reader first reads (utils/speech/
 * lazy-reader-speech.ts).
 */
export default defineUnlistedScript(() =>
  provide('reader-speech', { createReaderSpeech, createWebSpeechEngine }),
);
