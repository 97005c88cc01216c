import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { runCommand } from '~/utils/commands';
import { loadSettings, updateSettings } from '~/utils/settings-storage';

/** Records what a command did to the tabs. */
function targets(options: { activeTab?: number; readerInTab: boolean }) {
  const calls: string[] = [];
  return {
    calls,
    activeTabId: async () => options.activeTab,
    toggleReader: async (tabId: number) => {
      calls.push(`toggle ${tabId}`);
      return options.readerInTab;
    },
    openReader: async (tabId: number) => {
      calls.push(`open ${tabId}`);
    },
    toggleSpeech: async (tabId: number) => {
      calls.push(`speech ${tabId}`);
    },
    toggleTool: async (tabId: number, tool: string) => {
      calls.push(`${tool} ${tabId}`);
    },
  };
}

describe('keyboard shortcuts', () => {
  beforeEach(() => fakeBrowser.reset());

  it('toggle-point-read and toggle-caption turn that tool on or off in the active tab', async () => {
    const active = targets({ activeTab: 3, readerInTab: false });
    await runCommand('toggle-point-read', active);
    await runCommand('toggle-caption', active);
    expect(active.calls).toEqual(['pointRead 3', 'caption 3']);
    const noTab = targets({ readerInTab: false });
    await runCommand('toggle-caption', noTab);
    expect(noTab.calls).toEqual([]);
  });

  it('toggle-reader toggles a reader that is there, and injects one that is not', async () => {
    const withReader = targets({ activeTab: 7, readerInTab: true });
    await runCommand('toggle-reader', withReader);
    expect(withReader.calls).toEqual(['toggle 7']);
    const without = targets({ activeTab: 7, readerInTab: false });
    await runCommand('toggle-reader', without);
    expect(without.calls).toEqual(['toggle 7', 'open 7']);
    const noTab = targets({ readerInTab: false });
    await runCommand('toggle-reader', noTab);
    await runCommand('toggle-speech', noTab);
    expect(noTab.calls).toEqual([]);
  });

  it('toggle-speech reads the active tab aloud, or pauses and resumes it', async () => {
    const tab = targets({ activeTab: 3, readerInTab: true });
    await runCommand('toggle-speech', tab);
    expect(tab.calls).toEqual(['speech 3']);
  });

  it('text-larger and text-smaller step the stored size, stopping at the ends', async () => {
    const none = targets({ readerInTab: false });
    await runCommand('text-larger', none);
    expect((await loadSettings()).fontSizePx).toBe(21);
    await runCommand('text-smaller', none);
    await runCommand('text-smaller', none);
    expect((await loadSettings()).fontSizePx).toBe(19);
    await updateSettings({ fontSizePx: 64 });
    await runCommand('text-larger', none);
    expect((await loadSettings()).fontSizePx).toBe(64);
    await runCommand('unknown-command', none);
    expect(none.calls).toEqual([]);
  });

  it('cycle-pinyin steps pinyin off → uncommon characters → every character → off', async () => {
    const none = targets({ readerInTab: false });
    expect((await loadSettings()).pinyin).toBe('off');
    const seen: string[] = [];
    for (let step = 0; step < 3; step += 1) {
      await runCommand('cycle-pinyin', none);
      seen.push((await loadSettings()).pinyin);
    }
    expect(seen).toEqual(['rare', 'all', 'off']);
    expect(none.calls).toEqual([]);
  });
});
