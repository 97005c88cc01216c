/**
 * The one message protocol. Each message names its direction in its type: `ui→background` (our UI:
 * the popup, options, or our controls inside a page), `content→background`, `→page` (sent to a tab's
 * content scripts), `background→extractor` (the extension's extractor document).
 *
 * `PROTOCOL` holds one entry per message: its request and response types, who may send it, and the
 * validator its payload must pass. The listener (`createMessageListener`) refuses, unanswered and not
 * acted on, a message from a sender its entry does not list or whose payload fails its validator: a
 * page controls its content scripts' environment only so far, but a compromised or confused sender
 * must not steer other tabs or feed a handler sizes it was never meant to take.
 */
import { browser } from 'wxt/browser';
import {
  ASSIST_TOOLS,
  type AssistSetResult,
  type AssistTool,
  isAssistTool,
  POINT_READ_MAX_TEXT,
} from './assist/tools';
import { type BundleName, isBundleName } from './bundles';
import type { ScriptChoice, ScriptViewState, SourceChoice } from './convert/script-view';
import { isScript } from './convert/scripts';
import type { PageStatus, PageVerdict } from './detect/detect-article-page';
import type { ExtractionResult } from './extract/extraction-result';
import { isPinyinMode, type PinyinMode } from './pinyin/modes';
import type { PinyinViewState } from './pinyin/pinyin-view';
import { MAX_CHUNK_CHARACTERS } from './speech/chunk';
import type { SpeechProgress } from './speech/controller';
import type {
  SpeechAction,
  SpeechRequest,
  SpeechStartResult,
  SpeechStatus,
  SpeechVoices,
} from './speech/speech-protocol';
import { isSpeechRate } from './speech/speech-rate';

/**
 * Who sent a message, as the browser reports it (never as the message says):
 * - `content`: a content script in a web page (the detector, the on-page button, the reader);
 * - `extension-page`: one of the extension's own pages (popup, options), in a tab or not;
 * - `extractor`: the extractor document (entrypoints/extractor);
 * - `background`: the background (Chrome's service worker, Firefox's background page).
 */
export type SenderKind = 'content' | 'extension-page' | 'extractor' | 'background';

/** What a listener learns of a message's sender (a subset of `runtime.MessageSender`). */
export interface MessageSender {
  tab?: { id?: number };
  frameId?: number;
  url?: string;
}

/** The sender as a handler sees it: checked and resolved by the listener. */
export interface CheckedSender {
  kind: SenderKind;
  /**
   * The tab the message acts on: a content script's own tab; for the extension's own pages the
   * `tabId` the message names (else the page's own tab, if it is in one).
   */
  tabId?: number;
  /** The sending frame (content scripts). */
  frameId?: number;
  /** The host of the sending page, from the browser's `sender.url` (content scripts). */
  host?: string;
}

/** A message's fields, besides `type`, as they arrived (unchecked). */
type Fields = Record<string, unknown>;

interface Entry<Request extends object, Response> {
  /** Who may send it. */
  from: readonly SenderKind[];
  /** True when the payload has the types, ranges and sizes the handler expects. */
  valid: (fields: Fields) => boolean;
  /** Type-level only: the request's fields and the answer. */
  readonly types?: { request: Request; response: Response };
}

/** One protocol entry: its request and response types, its senders and its validator. */
function entry<Request extends object, Response>(
  from: readonly SenderKind[],
  valid: (fields: Fields) => boolean = () => true,
): Entry<Request, Response> {
  return { from, valid };
}

// Sizes beyond any real page or article: a generous bound, so a message cannot make a handler
// copy or loop over unbounded data (extraction caps the HTML it works on by itself).
/** The HTML of a page sent to be extracted, in UTF-16 code units (64 MB is Chrome's message cap). */
export const MAX_MESSAGE_HTML = 32_000_000;
const MAX_URL = 8_192;
/** Chunks in one speech request: a 1 MB article read in 80-character sentences, with room. */
export const MAX_SPEECH_CHUNKS = 50_000;
const MAX_SHORT_STRING = 200;

const SPEECH_ACTIONS: readonly SpeechAction[] = [
  'play',
  'pause',
  'resume',
  'toggle',
  'stop',
  'next',
  'previous',
  'rate',
];
const PLAYBACK_STATES: readonly SpeechProgress['state'][] = ['idle', 'playing', 'paused'];
const SOURCE_CHOICES: readonly SourceChoice[] = ['auto', 'cn', 't', 'tw', 'hk'];

const isIndex = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const isTabId = (value: unknown): value is number => isIndex(value);
const isShortString = (value: unknown, max = MAX_SHORT_STRING): value is string =>
  typeof value === 'string' && value.length <= max;
const optional =
  (check: (value: unknown) => boolean) =>
  (value: unknown): boolean =>
    value === undefined || check(value);
const isSpeechAction = (value: unknown): value is SpeechAction =>
  SPEECH_ACTIONS.includes(value as SpeechAction);
const isScriptChoice = (value: unknown): value is ScriptChoice =>
  value === 'original' || isScript(value);
const isSourceChoice = (value: unknown): value is SourceChoice =>
  SOURCE_CHOICES.includes(value as SourceChoice);
const isPageUrl = (value: unknown): value is string =>
  isShortString(value, MAX_URL) && /^(https?|file):/i.test(value);
const isHtml = (value: unknown): value is string => isShortString(value, MAX_MESSAGE_HTML);
const isRecord = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function isVerdict(value: unknown): value is PageVerdict {
  if (!isRecord(value)) return false;
  const { kind, siteName, reasons, confidence } = value;
  return (
    (kind === 'article' ? typeof confidence === 'number' : kind === 'not-article') &&
    optional((name) => isShortString(name, 1_000))(siteName) &&
    Array.isArray(reasons) &&
    reasons.length <= 32 &&
    reasons.every((reason) => isShortString(reason, 64))
  );
}

/** A speech request a reader may hand the background: sentences of the chunker's size at most. */
export function isSpeechRequest(value: unknown): value is SpeechRequest {
  if (!isRecord(value)) return false;
  const { chunks, lang, startIndex, rate, voiceName } = value;
  return (
    Array.isArray(chunks) &&
    chunks.length <= MAX_SPEECH_CHUNKS &&
    chunks.every((chunk) => isShortString(chunk, MAX_CHUNK_CHARACTERS)) &&
    optional((tag) => isShortString(tag, 35))(lang) &&
    isIndex(startIndex) &&
    isSpeechRate(rate) &&
    optional((name) => isShortString(name))(voiceName)
  );
}

function isSpeechProgress(value: unknown): value is SpeechProgress {
  if (!isRecord(value)) return false;
  const { state, index, total, rate, speaking, error } = value;
  return (
    PLAYBACK_STATES.includes(state as SpeechProgress['state']) &&
    isIndex(index) &&
    isIndex(total) &&
    typeof rate === 'number' &&
    typeof speaking === 'boolean' &&
    optional((text) => isShortString(text, 1_000))(error)
  );
}

/** A set of 辅助工具: known names, no more of them than there are tools. */
const isToolList = (value: unknown): value is AssistTool[] =>
  Array.isArray(value) && value.length <= ASSIST_TOOLS.length && value.every(isAssistTool);

/**
 * 指读's text, spoken: one element's text (at most `POINT_READ_MAX_TEXT` characters) in spoken
 * forms, which a number or a percentage makes a few times longer at most.
 */
function isPointReadRequest(value: unknown): value is SpeechRequest {
  if (!isSpeechRequest(value)) return false;
  let characters = 0;
  for (const chunk of value.chunks) characters += chunk.length;
  return characters <= 4 * POINT_READ_MAX_TEXT;
}

const FROM_UI = ['extension-page', 'content'] as const;
const FROM_EXTENSION = ['background', 'extension-page'] as const;

export const PROTOCOL = {
  /** The detector reports what it found on its page (sets the toolbar badge, may open the reader). */
  'content→background:page-detected': entry<{ verdict: PageVerdict }, undefined>(['content'], (m) =>
    isVerdict(m.verdict),
  ),
  /** The on-page button's "not on this site" (the site is the sender's). */
  'content→background:hide-entry-button': entry<object, undefined>(['content']),
  /** Open the reader in a tab: from the popup (with tabId) or the on-page button (sender's tab). */
  'ui→background:open-reader': entry<{ tabId?: number }, OpenReaderResult>(FROM_UI, (m) =>
    optional(isTabId)(m.tabId),
  ),
  /** The reader's page, as HTML (`serializePage`), to extract its article from. */
  'content→background:extract-article': entry<{ html: string; url: string }, ExtractionResult>(
    ['content'],
    (m) => isHtml(m.html) && isPageUrl(m.url),
  ),
  /** The same, passed on to the extractor document (Chrome: the background has no DOM). */
  'background→extractor:extract-article': entry<{ html: string; url: string }, ExtractionResult>(
    ['background'],
    (m) => isHtml(m.html) && isPageUrl(m.url),
  ),
  /** A content script needs bundles injected into its frame: code or dictionaries (utils/bundles). */
  'content→background:load-bundles': entry<{ bundles: BundleName[] }, LoadBundlesResult>(
    ['content'],
    (m) => Array.isArray(m.bundles) && m.bundles.length <= 16 && m.bundles.every(isBundleName),
  ),
  /** Show a tab's page itself in a script ('original' restores it): from the popup. */
  'ui→background:convert-page': entry<
    { tabId: number; script: ScriptChoice; source: SourceChoice },
    ScriptViewState | null
  >(
    ['extension-page'],
    (m) => isTabId(m.tabId) && isScriptChoice(m.script) && isSourceChoice(m.source),
  ),
  /** The script a tab's page is shown in (the popup asks when it opens). */
  'ui→background:page-script-state': entry<{ tabId: number }, ScriptViewState | null>(
    ['extension-page'],
    (m) => isTabId(m.tabId),
  ),
  /** Convert this page (the page-convert content script answers). */
  '→page:convert-page': entry<{ script: ScriptChoice; source: SourceChoice }, ScriptViewState>(
    FROM_EXTENSION,
    (m) => isScriptChoice(m.script) && isSourceChoice(m.source),
  ),
  /** The script this page is shown in. */
  '→page:page-script-state': entry<object, ScriptViewState>(FROM_EXTENSION),
  /** Pinyin over a tab's page itself ('off' takes it off): from the popup. */
  'ui→background:pinyin-page': entry<{ tabId: number; mode: PinyinMode }, PinyinViewState | null>(
    ['extension-page'],
    (m) => isTabId(m.tabId) && isPinyinMode(m.mode),
  ),
  /** The pinyin a tab's page shows (the popup asks when it opens). */
  'ui→background:page-pinyin-state': entry<{ tabId: number }, PinyinViewState | null>(
    ['extension-page'],
    (m) => isTabId(m.tabId),
  ),
  /** Pinyin over this page (the page-convert content script answers). */
  '→page:pinyin-page': entry<{ mode: PinyinMode; jyutpingForHongKong: boolean }, PinyinViewState>(
    FROM_EXTENSION,
    (m) => isPinyinMode(m.mode) && typeof m.jyutpingForHongKong === 'boolean',
  ),
  /** The pinyin this page shows. */
  '→page:page-pinyin-state': entry<object, PinyinViewState>(FROM_EXTENSION),
  /** Ask a tab's detector what it found. */
  '→page:get-status': entry<object, PageStatus>(FROM_EXTENSION),
  /** Ask an injected reader to open (again). */
  '→page:reader-open': entry<object, true>(FROM_EXTENSION),
  /** Ask an injected reader to close if open, open if closed (keyboard shortcut). */
  '→page:reader-toggle': entry<object, { open: boolean }>(FROM_EXTENSION),
  /** Take the on-page button away (a single-page site moved off an article). */
  '→page:hide-entry': entry<object, true>(FROM_EXTENSION),
  /** The reader asks the background to read its plan aloud with chrome.tts (Chrome). */
  'content→background:speech-start': entry<{ request: SpeechRequest }, SpeechStartResult>(
    ['content'],
    (m) => isSpeechRequest(m.request),
  ),
  /** The reader reads aloud itself (speechSynthesis): any other reading stops. */
  'content→background:speech-claim': entry<object, undefined>(['content']),
  /** A reader reading in its page (Firefox): where it stands, published for the popup. */
  'content→background:speech-status': entry<
    { progress: SpeechProgress; noChineseVoice: boolean; networkVoice?: boolean },
    undefined
  >(
    ['content'],
    (m) =>
      isSpeechProgress(m.progress) &&
      typeof m.noChineseVoice === 'boolean' &&
      optional((flag) => typeof flag === 'boolean')(m.networkVoice),
  ),
  /** A control for the reading in a tab (popup with tabId, reader toolbar for its own tab). */
  'ui→background:speech-control': entry<
    { tabId?: number; action: SpeechAction; rate?: number },
    SpeechStatus
  >(
    FROM_UI,
    (m) => optional(isTabId)(m.tabId) && isSpeechAction(m.action) && optional(isSpeechRate)(m.rate),
  ),
  /** Where reading stands in a tab, and whether a Chinese voice exists. */
  'ui→background:speech-status': entry<{ tabId?: number }, SpeechStatus>(FROM_UI, (m) =>
    optional(isTabId)(m.tabId),
  ),
  /** The Chinese voices the background engine has (options page, popup's no-voice message). */
  'ui→background:speech-voices': entry<{ lang?: string }, SpeechVoices>(FROM_UI, (m) =>
    optional((lang) => isShortString(lang, 35))(m.lang),
  ),
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
  /** The 辅助工具 on in a tab (popup). */
  'ui→background:assist-tools': entry<{ tabId: number }, AssistTool[]>(['extension-page'], (m) =>
    isTabId(m.tabId),
  ),
  /** Turn exactly these 辅助工具 on in a tab ([] is "all off"); injects their bundle if needed. */
  'ui→background:assist-set': entry<{ tabId: number; tools: AssistTool[] }, AssistSetResult>(
    ['extension-page'],
    (m) => isTabId(m.tabId) && isToolList(m.tools),
  ),
  /** 指读 says a text through the background's chrome.tts (Chrome), in the sender's own tab. */
  'content→background:assist-speak': entry<{ request: SpeechRequest }, SpeechStartResult>(
    ['content'],
    (m) => isPointReadRequest(m.request),
  ),
  /** 指读 moved on: stop what it was saying in the sender's tab. */
  'content→background:assist-hush': entry<object, undefined>(['content']),
  /** The tools bundle in a page: turn on exactly these tools. */
  '→page:assist-tools': entry<{ tools: AssistTool[] }, true>(['background'], (m) =>
    isToolList(m.tools),
  ),
} satisfies Record<string, Entry<object, unknown>>;

type Protocol = typeof PROTOCOL;
type TypesOf<K extends keyof Protocol> = NonNullable<Protocol[K]['types']>;

export type MessageType = keyof Protocol;

export type MessageOf<T extends MessageType> = { type: T } & TypesOf<T>['request'];

export type Message = { [K in MessageType]: MessageOf<K> }[MessageType];

export type MessageResponse = { [K in MessageType]: TypesOf<K>['response'] };

export type OpenReaderResult = { ok: true } | { ok: false; reason: 'no-tab' | 'not-allowed' };

export type LoadBundlesResult =
  | { ok: true }
  | { ok: false; reason: 'no-tab' | 'unknown-bundle' | 'not-allowed' };

/** Handlers by message type: the one place a receiver says what it answers. */
export type MessageHandlers<T extends MessageType> = {
  [K in T]: (
    message: MessageOf<K>,
    sender: CheckedSender,
  ) => MessageResponse[K] | Promise<MessageResponse[K]>;
};

/** Background scripts' own addresses: Chrome's service worker, Firefox's generated page. */
const BACKGROUND_PATHS = new Set(['/background.js', '/_generated_background_page.html']);
const EXTRACTOR_PATH = '/extractor.html';

/**
 * What kind of sender the browser says this is. `extensionOrigin` is the extension's own base URL
 * (`runtime.getURL('/')`): a sender at that origin is one of the extension's pages; anything else
 * in a tab is a content script, whose `sender.url` is its page's (a page cannot choose it).
 */
export function senderKindOf(
  sender: MessageSender,
  extensionOrigin: string,
): SenderKind | undefined {
  const url = sender.url;
  if (url?.startsWith(extensionOrigin)) {
    const path = url.slice(extensionOrigin.length - 1).replace(/[?#].*$/, '');
    if (path === EXTRACTOR_PATH) return 'extractor';
    if (BACKGROUND_PATHS.has(path)) return 'background';
    return 'extension-page';
  }
  if (sender.tab?.id !== undefined) return url ? 'content' : undefined;
  // No page and no tab: a context of the extension without a document (a worker).
  return url === undefined ? 'background' : undefined;
}

function hostOfUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks a message against its protocol entry and resolves its sender, or says why it is refused.
 * A content script acts only on its own tab: a `tabId` naming another is refused, not redirected.
 */
export function checkMessage(
  message: { type: MessageType } & Fields,
  sender: MessageSender,
  extensionOrigin: string,
): CheckedSender | { refused: string } {
  const rule: Entry<object, unknown> = PROTOCOL[message.type];
  const kind = senderKindOf(sender, extensionOrigin);
  if (kind === undefined || !rule.from.includes(kind))
    return { refused: `not accepted from ${kind ?? 'an unknown sender'}` };
  if (!rule.valid(message)) return { refused: 'invalid payload' };
  const ownTab = sender.tab?.id;
  const named = isTabId(message.tabId) ? message.tabId : undefined;
  if (kind === 'content') {
    if (named !== undefined && named !== ownTab) return { refused: 'names another tab' };
    return {
      kind,
      tabId: ownTab,
      frameId: sender.frameId,
      host: hostOfUrl(sender.url),
    };
  }
  return { kind, tabId: named ?? ownTab, frameId: sender.frameId };
}

/**
 * Builds a `runtime.onMessage` listener from a handler map. Messages the map does not know are left
 * unanswered (`undefined`), so another listener in the same context can answer them; so are the
 * messages `checkMessage` refuses, which no handler sees.
 */
export function createMessageListener(
  handlers: Partial<MessageHandlers<MessageType>>,
  extensionOrigin = browser.runtime.getURL('/'),
) {
  return (message: unknown, sender: MessageSender): Promise<unknown> | undefined => {
    if (!isMessage(message) || !Object.hasOwn(handlers, message.type)) return undefined;
    const handler = handlers[message.type] as
      | ((message: unknown, sender: CheckedSender) => unknown)
      | undefined;
    if (!handler) return undefined;
    const checked = checkMessage(message, sender, extensionOrigin);
    if ('refused' in checked) {
      console.warn(`[yidu] refused ${message.type}: ${checked.refused}`);
      return undefined;
    }
    return Promise.resolve(handler(message, checked));
  };
}

function isMessage(value: unknown): value is { type: MessageType } & Fields {
  return isRecord(value) && typeof value.type === 'string' && Object.hasOwn(PROTOCOL, value.type);
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
export type TabSender = <M extends Message>(
  tabId: number,
  message: M,
) => Promise<MessageResponse[M['type']]>;

/** A `TabSender` over a `tabs` API (the browser's, or a test's). */
export function createTabSender(tabs: {
  sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
}): TabSender {
  return (tabId, message) =>
    tabs.sendMessage(tabId, message, { frameId: 0 }) as Promise<
      MessageResponse[(typeof message)['type']]
    >;
}

/** The browser's `TabSender` (looked up when called: content scripts have no `tabs`). */
export const sendToTab: TabSender = (tabId, message) =>
  createTabSender(browser.tabs)(tabId, message);
