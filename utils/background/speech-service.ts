/**
 * Reading aloud in the background with `chrome.tts` (Chrome): it goes on after the popup closes,
 * and starting in one tab stops the other. Firefox has no `chrome.tts`: its readers speak in the
 * page, and none of these messages is answered there.
 */
import { isSpeechRequest } from '../background-messages';
import type { MessageHandlers, TabSender } from '../messages';
import { createBackgroundSpeech } from '../speech/background-speech';
import { type ChromeTtsApi, createChromeTtsEngine } from '../speech/engine';
import { publishSpeechStatus, type SpeechStatusStorage } from '../speech/speech-status';
import type { BrowserEvent } from './apis';

type SpeechMessage =
  | 'content→background:speech-start'
  | 'content→background:speech-claim'
  | 'ui→background:speech-control'
  | 'ui→background:speech-status'
  | 'ui→background:speech-voices';

export function createSpeechService(deps: {
  tts: ChromeTtsApi;
  tabs: { onRemoved: BrowserEvent<(tabId: number) => void> };
  /** Where the popup follows the reading (utils/speech/speech-status.ts). */
  store: SpeechStatusStorage;
  sendToTab: TabSender;
  openReader: (tabId: number) => Promise<{ ok: boolean }>;
}) {
  const speech = createBackgroundSpeech({
    engine: createChromeTtsEngine(deps.tts),
    sendProgress: (tabId, progress) =>
      deps.sendToTab(tabId, { type: '→page:speech-progress', progress }),
    sendStop: (tabId) => deps.sendToTab(tabId, { type: '→page:speech-stop' }),
    publish: (status) => publishSpeechStatus(deps.store, status),
    requestPlan: async (tabId, startIndex) => {
      const opened = await deps.openReader(tabId);
      if (!opened.ok) return null;
      const plan = await deps.sendToTab(tabId, {
        type: '→page:speech-plan',
        ...(startIndex !== undefined && { startIndex }),
      });
      // The reader's answer is held to the same bounds as a reader's own request.
      return plan === null || isSpeechRequest(plan) ? plan : null;
    },
  });
  deps.tabs.onRemoved.addListener((tabId) => speech.forgetTab(tabId));

  // The tab is the one the listener resolved: a reader's own, or the one the popup names.
  const handlers: MessageHandlers<SpeechMessage> = {
    'content→background:speech-start': ({ request }, { tabId }) =>
      tabId === undefined ? { ok: false, reason: 'no-reader' } : speech.start(tabId, request),
    'content→background:speech-claim': (_message, { tabId }) => {
      if (tabId !== undefined) speech.claim(tabId);
      return undefined;
    },
    'ui→background:speech-control': ({ action, rate }, { tabId }) =>
      speech.control(tabId, action, rate),
    'ui→background:speech-status': (_message, { tabId }) => speech.status(tabId),
    'ui→background:speech-voices': ({ lang }) => speech.voices(lang),
  };
  return { speech, handlers };
}
