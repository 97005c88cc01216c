/**
 * The keyboard shortcuts (the `commands` in wxt.config.ts), as a function of what they act on, so
 * the background stays thin and the behaviour is tested without a browser: headless Chromium does
 * not deliver key presses to extension commands.
 */
import type { AssistTool } from './assist/tools';
import { stepFontSize } from './display/font-size';
import { PINYIN_MODES } from './pinyin/modes';
import { loadSettings, updateSettings } from './settings-storage';

export type CommandName =
  | 'toggle-reader'
  | 'text-larger'
  | 'text-smaller'
  | 'toggle-speech'
  | 'toggle-point-read'
  | 'toggle-caption'
  | 'cycle-pinyin';

export interface CommandTargets {
  /** The tab the user is looking at. */
  activeTabId(): Promise<number | undefined>;
  /** Asks a reader already in the tab to toggle; false when the tab has none. */
  toggleReader(tabId: number): Promise<boolean>;
  /** Injects and opens the reader. */
  openReader(tabId: number): Promise<unknown>;
  /** Reads the tab aloud, or pauses or resumes its reading. */
  toggleSpeech(tabId: number): Promise<unknown>;
  /** Turns one of the 辅助工具 on or off in the tab. */
  toggleTool(tabId: number, tool: AssistTool): Promise<unknown>;
}

export async function runCommand(command: string, targets: CommandTargets): Promise<void> {
  switch (command as CommandName) {
    case 'toggle-reader': {
      const tabId = await targets.activeTabId();
      if (tabId === undefined) return;
      if (!(await targets.toggleReader(tabId))) await targets.openReader(tabId);
      return;
    }
    case 'toggle-speech': {
      const tabId = await targets.activeTabId();
      if (tabId !== undefined) await targets.toggleSpeech(tabId);
      return;
    }
    case 'toggle-point-read':
    case 'toggle-caption': {
      const tabId = await targets.activeTabId();
      if (tabId !== undefined)
        await targets.toggleTool(tabId, command === 'toggle-point-read' ? 'pointRead' : 'caption');
      return;
    }
    case 'text-larger':
    case 'text-smaller': {
      const { fontSizePx } = await loadSettings();
      const direction = command === 'text-larger' ? 1 : -1;
      await updateSettings({ fontSizePx: stepFontSize(fontSizePx, direction) });
      return;
    }
    // Off → uncommon characters → every character → off; open readers follow the setting.
    case 'cycle-pinyin': {
      const { pinyin } = await loadSettings();
      const next = PINYIN_MODES[(PINYIN_MODES.indexOf(pinyin) + 1) % PINYIN_MODES.length];
      if (next) await updateSettings({ pinyin: next });
      return;
    }
  }
}
