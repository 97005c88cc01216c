/**
 * The content scripts the background runs in a tab on demand (none of them is in the manifest's
 * content scripts), and running one.
 */
import type { ScriptingApi } from './apis';

export const TAB_SCRIPTS = {
  /** The reader (entrypoints/reader.content), registered at runtime. */
  reader: '/content-scripts/reader.js',
  /** The on-page button, injected on article pages only. */
  entry: '/content-scripts/entry.js',
  /** The page conversion, injected when the page itself is to be shown in another script. */
  pageConvert: '/content-scripts/page-convert.js',
  /** An article's title and date's clues, run by the popup when it opens on an article. */
  pageDescription: '/content-scripts/page-description.js',
  /** The 辅助工具 (entrypoints/assist.ts), injected where one of them is on. */
  assist: '/assist.js',
} as const;

/** The detector's bundle, also registered at runtime on the sites the user adds. */
export const DETECTOR_SCRIPT = '/content-scripts/detector.js';

export type TabScript = keyof typeof TAB_SCRIPTS;

/** Runs one of `TAB_SCRIPTS` in a tab's top frame; resolves false when not allowed there. */
export type ScriptInjector = (tabId: number, script: TabScript) => Promise<boolean>;

export function createScriptInjector(scripting: ScriptingApi): ScriptInjector {
  return async (tabId, script) => {
    const file = TAB_SCRIPTS[script];
    try {
      await scripting.executeScript({ target: { tabId }, files: [file] });
      return true;
    } catch (error) {
      console.warn(`[yidu] cannot inject ${file}`, error);
      return false;
    }
  };
}
