/**
 * The page half of the protocol (utils/messages.ts): the messages a tab's content scripts receive
 * (`→page:*`), sent by the background or the extension's pages. Kept apart from the background's
 * half, and split by the content script that receives them, so each script's listener bundles
 * only its own entries and their checks: the detector runs on every portal page and must stay
 * small. The reader's table, with its speech checks, is in utils/reader/reader-messages.ts.
 */
import { ASSIST_TOOLS, type AssistTool, hasOneGuideAtMost, isAssistTool } from './assist/tools';
import type { ScriptChoice, ScriptViewState, SourceChoice } from './convert/script-view';
import type { PageVerdict } from './detect/detect-article-page';
import { isScriptChoice, isSourceChoice } from './message-checks';
import { type Entry, entry } from './messages';
import { isPinyinMode, type PinyinMode } from './pinyin/modes';
import type { PinyinViewState } from './pinyin/pinyin-view';
import type { READER_MESSAGES } from './reader/reader-messages';

/** Who may send a `→page` message: never a content script (a page cannot steer its own tab's). */
export const FROM_EXTENSION = ['background', 'extension-page'] as const;

/** One receiver's table: `→page` messages only. */
export type PageTable = Record<`→page:${string}`, Entry<object, unknown>>;

/** What the detector (entrypoints/detector.content.ts) answers. */
export const DETECTOR_MESSAGES = {
  /** Ask a tab's detector what it found (the popup reads an article's title itself). */
  '→page:get-status': entry<object, PageVerdict>(FROM_EXTENSION),
} satisfies PageTable;

/** What the on-page button (entrypoints/entry.content.ts) answers. */
export const ENTRY_BUTTON_MESSAGES = {
  /** Take the on-page button away (a single-page site moved off an article). */
  '→page:hide-entry': entry<object, true>(FROM_EXTENSION),
} satisfies PageTable;

/** What the page-convert content script (entrypoints/page-convert.content.ts) answers. */
export const PAGE_CONVERT_MESSAGES = {
  /** Convert this page. */
  '→page:convert-page': entry<{ script: ScriptChoice; source: SourceChoice }, ScriptViewState>(
    FROM_EXTENSION,
    (m) => isScriptChoice(m.script) && isSourceChoice(m.source),
  ),
  /** The script this page is shown in. */
  '→page:page-script-state': entry<object, ScriptViewState>(FROM_EXTENSION),
  /** Pinyin over this page. */
  '→page:pinyin-page': entry<{ mode: PinyinMode; jyutpingForHongKong: boolean }, PinyinViewState>(
    FROM_EXTENSION,
    (m) => isPinyinMode(m.mode) && typeof m.jyutpingForHongKong === 'boolean',
  ),
  /** The pinyin this page shows. */
  '→page:page-pinyin-state': entry<object, PinyinViewState>(FROM_EXTENSION),
} satisfies PageTable;

/** What the 辅助工具 bundle (entrypoints/assist.ts) answers. */
export const ASSIST_MESSAGES = {
  /**
   * Turn on exactly these tools in this page (the background, after the popup or a shortcut): one
   * reading guide at most, as the background keeps them (utils/assist/tools.ts `toolList`).
   * `pagePinyin`: the pinyin the user turned on over this page (popup → 给网页加拼音), which the
   * caption follows; absent where the user has not set it in this page.
   */
  '→page:assist-tools': entry<{ tools: AssistTool[]; pagePinyin?: PinyinMode }, true>(
    ['background'],
    (m) =>
      (m.pagePinyin === undefined || isPinyinMode(m.pagePinyin)) &&
      Array.isArray(m.tools) &&
      m.tools.length <= ASSIST_TOOLS.length &&
      m.tools.every(isAssistTool) &&
      hasOneGuideAtMost(m.tools),
  ),
} satisfies PageTable;

/** Every `→page` message, whichever content script receives it (a type: no script bundles them all). */
export type PageProtocol = typeof DETECTOR_MESSAGES &
  typeof ENTRY_BUTTON_MESSAGES &
  typeof PAGE_CONVERT_MESSAGES &
  typeof ASSIST_MESSAGES &
  typeof READER_MESSAGES;
