/**
 * The reader's part of the page half of the protocol (utils/page-messages.ts): what an injected
 * reader answers. Apart from the other content scripts' tables so that only the reader bundles its
 * speech checks.
 */
import { isIndex, isSpeechAction, isSpeechProgress, optional } from '../message-checks';
import { entry } from '../messages';
import { FROM_EXTENSION, type PageTable } from '../page-messages';
import type { SpeechProgress } from '../speech/controller';
import type { SpeechAction, SpeechRequest, SpeechStatus } from '../speech/speech-protocol';
import { isSpeechRate } from '../speech/speech-rate';

/** What an injected reader (utils/reader/start-reader.ts) answers. */
export const READER_MESSAGES = {
  /** Ask an injected reader to open (again). */
  '→page:reader-open': entry<object, true>(FROM_EXTENSION),
  /** Ask an injected reader to close if open, open if closed (keyboard shortcut). */
  '→page:reader-toggle': entry<object, { open: boolean }>(FROM_EXTENSION),
  /** The reader's speech plan, for the background to read (opens the reader first if needed). */
  '→page:speech-plan': entry<{ startIndex?: number }, SpeechRequest | null>(FROM_EXTENSION, (m) =>
    optional(isIndex)(m.startIndex),
  ),
  /** Progress of the background's reading of this tab: the reader highlights the chunk's block. */
  '→page:speech-progress': entry<{ progress: SpeechProgress }, undefined>(FROM_EXTENSION, (m) =>
    isSpeechProgress(m.progress),
  ),
  /** A control for a reader that reads aloud itself (Firefox; the popup's buttons). */
  '→page:speech-control': entry<{ action: SpeechAction; rate?: number }, SpeechStatus>(
    FROM_EXTENSION,
    (m) => isSpeechAction(m.action) && optional(isSpeechRate)(m.rate),
  ),
  /** Reading started elsewhere: stop reading here. */
  '→page:speech-stop': entry<object, undefined>(FROM_EXTENSION),
} satisfies PageTable;
