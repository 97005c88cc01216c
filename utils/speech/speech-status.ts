/**
 * Where reading aloud stands, for the popup to follow. It lives in the extension's session storage
 * (memory only: gone with the browser session), so the popup subscribes to its changes instead of
 * asking every half second, and it has one writer, the background, whichever engine reads: its own
 * (Chrome's chrome.tts, utils/speech/background-speech.ts) or a reader that reads in its page
 * (Firefox), which reports each change (content→background:speech-status).
 */
import { BACKGROUND_PROTOCOL } from '../background-messages';
import { type CheckedSender, createMessageListener } from '../messages';
import type { SpeechProgress } from './controller';
import type { SpeechStatus } from './speech-protocol';

export const SPEECH_STATUS_KEY = 'speechStatus';

type StorageChanges = Record<string, { newValue?: unknown }>;
type ChangeListener = (changes: StorageChanges, areaName: string) => void;

/**
 * The part of `browser.storage` used here (fakeBrowser's in the unit tests). Named `store` in the
 * code: WXT auto-imports a free `storage` identifier (its own storage library, which would be
 * bundled), and its scan does not see function parameters.
 */
export interface SpeechStatusStorage {
  session: {
    get(key: string): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
  };
  onChanged: {
    addListener(listener: ChangeListener): void;
    removeListener(listener: ChangeListener): void;
  };
}

/** Writes the status (background only); a failure (the browser closing) is ignored. */
export function publishSpeechStatus(store: SpeechStatusStorage, status: SpeechStatus): void {
  void store.session.set({ [SPEECH_STATUS_KEY]: status }).catch(() => undefined);
}

/**
 * Follows the status: the current one first (undefined when nothing was ever read), then each
 * change. Returns the unsubscribe.
 */
export function watchSpeechStatus(
  store: SpeechStatusStorage,
  listener: (status: SpeechStatus | undefined) => void,
): () => void {
  let changed = false;
  const onChanged: ChangeListener = (changes, areaName) => {
    const change = changes[SPEECH_STATUS_KEY];
    if (areaName !== 'session' || !change) return;
    changed = true;
    listener(change.newValue as SpeechStatus | undefined);
  };
  store.onChanged.addListener(onChanged);
  void store.session.get(SPEECH_STATUS_KEY).then(
    (items) => {
      // A change that came first is newer than what was read.
      if (!changed) listener(items[SPEECH_STATUS_KEY] as SpeechStatus | undefined);
    },
    () => undefined,
  );
  return () => store.onChanged.removeListener(onChanged);
}

/** What a reader reading in its page reports on each change of its reading. */
export interface PageSpeechReport {
  progress: SpeechProgress;
  noChineseVoice: boolean;
  networkVoice?: boolean;
}

/**
 * The background's listener for readers that read in their page: their status, with the tab that
 * sent it, is published for the popup. (Any tab's content script may report only its own tab.)
 */
export function createPageSpeechStatusListener(store: SpeechStatusStorage) {
  return createMessageListener(BACKGROUND_PROTOCOL, {
    'content→background:speech-status': (
      { progress, noChineseVoice, networkVoice }: PageSpeechReport,
      // The listener has resolved the tab: a content script's own.
      { tabId }: CheckedSender,
    ) => {
      if (tabId !== undefined)
        publishSpeechStatus(store, {
          progress,
          tabId,
          noChineseVoice,
          ...(networkVoice && { networkVoice }),
        });
      return undefined;
    },
  });
}
