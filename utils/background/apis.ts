/**
 * The slices of the browser's APIs the background's services use, typed structurally so the
 * browser's own objects and WXT's `fakeBrowser` (whose typings differ in details) both fit.
 */
import type { ScriptPublicPath } from 'wxt/utils/inject-script';

/** An event a service listens to. */
export interface BrowserEvent<Listener> {
  addListener(listener: Listener): void;
}

export interface ScriptingApi {
  executeScript(injection: {
    target: { tabId: number; frameIds?: number[] };
    /** The extension's own scripts, by their built path. */
    files: ScriptPublicPath[];
  }): Promise<unknown>;
}

/** The toolbar button: `action` (MV3) or `browserAction` (Firefox's MV2). */
export interface ToolbarAction {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
  setTitle(details: { tabId: number; title: string }): Promise<void>;
}
