/**
 * The one message protocol. Each message names its direction in its type: `ui→background`,
 * `content→background`, `→page` (sent to a tab's content scripts), `background→extractor` (the
 * extension's extractor document). `MessageResponse` maps each message
 * to what its handler answers, so senders and handlers are checked against the same table.
 */
import { browser } from 'wxt/browser';
import type { BundleName } from './bundles';
import type { ScriptChoice, ScriptViewState, SourceChoice } from './convert/script-view';
import type { PageStatus, PageVerdict } from './detect/detect-article-page';
import type { PinyinMode } from './pinyin/modes';
import type { PinyinViewState } from './pinyin/pinyin-view';
import type { ReaderContent } from './reader/reader-session';
import type { SpeechProgress } from './speech/controller';
import type {
  SpeechAction,
  SpeechRequest,
  SpeechStartResult,
  SpeechStatus,
  SpeechVoices,
} from './speech/speech-protocol';

export type Message =
  /** The detector reports what it found on its page (sets the toolbar badge, may open the reader). */
  | { type: 'content→background:page-detected'; verdict: PageVerdict; host: string }
  /** The on-page button's "not on this site". */
  | { type: 'content→background:hide-entry-button'; host: string }
  /** Open the reader in a tab: from the popup (with tabId) or the on-page button (sender's tab). */
  | { type: 'ui→background:open-reader'; tabId?: number }
  /** The reader's page, as HTML (`serializePage`), to extract its article from. */
  | { type: 'content→background:extract-article'; html: string; url: string }
  /** The same, passed on to the extractor document (Chrome: the background has no DOM). */
  | { type: 'background→extractor:extract-article'; html: string; url: string }
  /** A content script needs bundles injected into its frame: code or dictionaries (utils/bundles). */
  | { type: 'content→background:load-bundles'; bundles: BundleName[] }
  /** Show a tab's page itself in a script ('original' restores it): from the popup. */
  | {
      type: 'ui→background:convert-page';
      tabId: number;
      script: ScriptChoice;
      source: SourceChoice;
    }
  /** The script a tab's page is shown in (the popup asks when it opens). */
  | { type: 'ui→background:page-script-state'; tabId: number }
  /** Convert this page (the page-script content script answers). */
  | { type: '→page:convert-page'; script: ScriptChoice; source: SourceChoice }
  /** The script this page is shown in. */
  | { type: '→page:page-script-state' }
  /** Pinyin over a tab's page itself ('off' takes it off): from the popup. */
  | { type: 'ui→background:pinyin-page'; tabId: number; mode: PinyinMode }
  /** The pinyin a tab's page shows (the popup asks when it opens). */
  | { type: 'ui→background:page-pinyin-state'; tabId: number }
  /** Pinyin over this page (the page-script content script answers). */
  | { type: '→page:pinyin-page'; mode: PinyinMode; jyutpingForHongKong: boolean }
  /** The pinyin this page shows. */
  | { type: '→page:page-pinyin-state' }
  /** Ask a tab's detector what it found. */
  | { type: '→page:get-status' }
  /** Ask an injected reader to open (again). */
  | { type: '→page:reader-open' }
  /** Ask an injected reader to close if open, open if closed (keyboard shortcut). */
  | { type: '→page:reader-toggle' }
  /** Take the on-page button away (a single-page site moved off an article). */
  | { type: '→page:hide-entry' }
  /** The reader asks the background to read its plan aloud with chrome.tts (Chrome). */
  | { type: 'content→background:speech-start'; request: SpeechRequest }
  /** The reader reads aloud itself (speechSynthesis): any other reading stops. */
  | { type: 'content→background:speech-claim' }
  /** A reader reading in its page (Firefox): where it stands, published for the popup. */
  | {
      type: 'content→background:speech-status';
      progress: SpeechProgress;
      noChineseVoice: boolean;
      networkVoice?: boolean;
    }
  /** Start reading a tab aloud (popup, shortcut): opens the reader there and asks it for its plan. */
  | { type: 'ui→background:speech-start'; tabId?: number }
  /** A control for the reading in a tab (popup with tabId, reader toolbar for its own tab). */
  | { type: 'ui→background:speech-control'; tabId?: number; action: SpeechAction; rate?: number }
  /** Where reading stands in a tab, and whether a Chinese voice exists. */
  | { type: 'ui→background:speech-status'; tabId?: number }
  /** The Chinese voices the background engine has (options page, popup's no-voice message). */
  | { type: 'ui→background:speech-voices'; lang?: string }
  /** The reader's speech plan, for the background to read (opens the reader first if needed). */
  | { type: '→page:speech-plan'; startIndex?: number }
  /** Progress of the background's reading of this tab: the reader highlights the chunk's block. */
  | { type: '→page:speech-progress'; progress: SpeechProgress }
  /** A control for a reader that reads aloud itself (Firefox; the popup's buttons). */
  | { type: '→page:speech-control'; action: SpeechAction; rate?: number }
  /** Reading started elsewhere: stop reading here. */
  | { type: '→page:speech-stop' };

export interface MessageResponse {
  'content→background:page-detected': undefined;
  'content→background:hide-entry-button': undefined;
  'ui→background:open-reader': OpenReaderResult;
  'content→background:extract-article': ReaderContent;
  'background→extractor:extract-article': ReaderContent;
  'content→background:load-bundles': LoadBundlesResult;
  'ui→background:convert-page': ScriptViewState | null;
  'ui→background:page-script-state': ScriptViewState | null;
  '→page:convert-page': ScriptViewState;
  '→page:page-script-state': ScriptViewState;
  'ui→background:pinyin-page': PinyinViewState | null;
  'ui→background:page-pinyin-state': PinyinViewState | null;
  '→page:pinyin-page': PinyinViewState;
  '→page:page-pinyin-state': PinyinViewState;
  '→page:get-status': PageStatus;
  '→page:reader-open': true;
  '→page:reader-toggle': { open: boolean };
  '→page:hide-entry': true;
  'content→background:speech-start': SpeechStartResult;
  'content→background:speech-claim': undefined;
  'content→background:speech-status': undefined;
  'ui→background:speech-start': SpeechStartResult;
  'ui→background:speech-control': SpeechStatus;
  'ui→background:speech-status': SpeechStatus;
  'ui→background:speech-voices': SpeechVoices;
  '→page:speech-plan': SpeechRequest | null;
  '→page:speech-progress': undefined;
  '→page:speech-control': SpeechStatus;
  '→page:speech-stop': undefined;
}

export type OpenReaderResult = { ok: true } | { ok: false; reason: 'no-tab' | 'not-allowed' };

export type LoadBundlesResult =
  | { ok: true }
  | { ok: false; reason: 'no-tab' | 'unknown-bundle' | 'not-allowed' };

/** What a handler learns of a message's sender (a subset of `runtime.MessageSender`). */
export interface MessageSender {
  tab?: { id?: number };
  frameId?: number;
}

export type MessageOf<T extends Message['type']> = Extract<Message, { type: T }>;

/** Handlers by message type: the one place a receiver says what it answers. */
export type MessageHandlers<T extends Message['type']> = {
  [K in T]: (
    message: MessageOf<K>,
    sender: MessageSender,
  ) => MessageResponse[K] | Promise<MessageResponse[K]>;
};

/**
 * Builds a `runtime.onMessage` listener from a handler map. Messages the map does not know are left
 * unanswered (`undefined`), so another listener in the same context can answer them.
 */
export function createMessageListener<T extends Message['type']>(handlers: MessageHandlers<T>) {
  return (message: unknown, sender: MessageSender): Promise<unknown> | undefined => {
    if (!isMessage(message) || !(message.type in handlers)) return undefined;
    const handler = handlers[message.type as T] as (
      message: Message,
      sender: MessageSender,
    ) => unknown;
    return Promise.resolve(handler(message, sender));
  };
}

function isMessage(value: unknown): value is Message {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string'
  );
}

/** Sends a message to the background and returns its typed answer. */
export function sendToBackground<M extends Message>(
  message: M,
): Promise<MessageResponse[M['type']]> {
  return browser.runtime.sendMessage(message) as Promise<MessageResponse[M['type']]>;
}

/**
 * Has the background inject bundles (utils/bundles.ts) into this frame; resolves once they have
 * run there.
 */
export async function injectBundles(bundles: BundleName[]): Promise<void> {
  const result = await sendToBackground({ type: 'content→background:load-bundles', bundles });
  if (!result?.ok)
    throw new Error(`cannot load ${bundles.join(', ')}: ${result?.reason ?? 'no answer'}`);
}

/**
 * Sends a message to the extension's own pages (the extractor document) and returns the answer:
 * the same call, which reaches the background and the extension's pages alike.
 */
export const sendToExtension = sendToBackground;

/** Sends a message to the content scripts of one tab's top frame and returns the typed answer. */
export function sendToTab<M extends Message>(
  tabId: number,
  message: M,
): Promise<MessageResponse[M['type']]> {
  return browser.tabs.sendMessage(tabId, message, { frameId: 0 }) as Promise<
    MessageResponse[M['type']]
  >;
}
