/**
 * The background half of the protocol (utils/messages.ts): the messages the background receives
 * from content scripts (`content→background:*`) and from our UI (`ui→background:*`), and those it
 * passes on to the extractor document (`background→extractor:*`). Content scripts send these but
 * never receive them, so they never bundle this table or its checks (see utils/page-messages.ts).
 */
import {
  ASSIST_TOOLS,
  type AssistSetResult,
  type AssistTool,
  isAssistTool,
  POINT_READ_MAX_TEXT,
} from './assist/tools';
import { type BundleName, isBundleName } from './bundles';
import type { ScriptChoice, ScriptViewState, SourceChoice } from './convert/script-view';
import type { PageVerdict } from './detect/detect-article-page';
import type { ExtractionResult } from './extract/extraction-result';
import {
  type Fields,
  isIndex,
  isRecord,
  isScriptChoice,
  isShortString,
  isSourceChoice,
  isSpeechAction,
  isSpeechProgress,
  isTabId,
  optional,
} from './message-checks';
import { type Entry, entry, type LoadBundlesResult, type OpenReaderResult } from './messages';
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

// Sizes beyond any real page or article: a generous bound, so a message cannot make a handler
// copy or loop over unbounded data (extraction caps the HTML it works on by itself).
/** The HTML of a page sent to be extracted, in UTF-16 code units (64 MB is Chrome's message cap). */
export const MAX_MESSAGE_HTML = 32_000_000;
const MAX_URL = 8_192;
/** Chunks in one speech request: a 1 MB article read in 80-character sentences, with room. */
export const MAX_SPEECH_CHUNKS = 50_000;

const isPageUrl = (value: unknown): value is string =>
  isShortString(value, MAX_URL) && /^(https?|file):/i.test(value);
const isHtml = (value: unknown): value is string => isShortString(value, MAX_MESSAGE_HTML);

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

/** A set of 辅助工具: known names, no more of them than there are tools. */
export const isToolList = (value: unknown): value is AssistTool[] =>
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

const isExtraction = (m: Fields) => isHtml(m.html) && isPageUrl(m.url);

const FROM_UI = ['extension-page', 'content'] as const;

export const BACKGROUND_PROTOCOL = {
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
    isExtraction,
  ),
  /** The same, passed on to the extractor document (Chrome: the background has no DOM). */
  'background→extractor:extract-article': entry<{ html: string; url: string }, ExtractionResult>(
    ['background'],
    isExtraction,
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
} satisfies Record<
  `${'content' | 'ui'}→background:${string}` | `background→extractor:${string}`,
  Entry<object, unknown>
>;
