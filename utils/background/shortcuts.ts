/** The keyboard shortcuts, wired to the tab the user is looking at (utils/commands.ts decides). */
import type { AssistTool } from '../assist/tools';
import { runCommand } from '../commands';
import type { TabSender } from '../messages';
import type { BrowserEvent } from './apis';

export function listenForShortcuts(deps: {
  commands: { onCommand: BrowserEvent<(command: string) => void> };
  tabs: { query(query: { active: true; currentWindow: true }): Promise<{ id?: number }[]> };
  sendToTab: TabSender;
  openReader: (tabId: number) => Promise<unknown>;
  /** Reading aloud in the background, where the browser has it (Chrome). */
  toggleBackgroundSpeech: ((tabId: number) => Promise<unknown>) | undefined;
  /** Turns one of the 辅助工具 on or off in a tab. */
  toggleTool: (tabId: number, tool: AssistTool) => Promise<unknown>;
}) {
  deps.commands.onCommand.addListener(
    (command) =>
      void runCommand(command, {
        activeTabId: async () =>
          (await deps.tabs.query({ active: true, currentWindow: true }))[0]?.id,
        toggleReader: async (tabId) =>
          (await deps.sendToTab(tabId, { type: '→page:reader-toggle' }).catch(() => undefined)) !==
          undefined,
        openReader: deps.openReader,
        toggleSpeech: async (tabId) => {
          // Chrome reads in the background; elsewhere the tab's reader reads for itself.
          if (deps.toggleBackgroundSpeech) await deps.toggleBackgroundSpeech(tabId);
          else await deps.sendToTab(tabId, { type: '→page:speech-control', action: 'toggle' });
        },
        toggleTool: deps.toggleTool,
      }),
  );
}
