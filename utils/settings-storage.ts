/**
 * The storage adapter for the settings schema in `settings.ts`: settings live in sync storage under
 * one key, are migrated and repaired on every read, and changes reach every open page at once.
 */
import { browser } from 'wxt/browser';
import {
  migrateSettings,
  repairSettings,
  SETTINGS_STORAGE_KEY,
  type Settings,
  toStored,
} from './settings';

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.sync.get(SETTINGS_STORAGE_KEY);
  return migrateSettings(stored[SETTINGS_STORAGE_KEY]);
}

/** Applies a change on top of what storage holds now, so two pages changing different fields both win. */
export async function updateSettings(change: Partial<Settings>): Promise<Settings> {
  const next = repairSettings({ ...(await loadSettings()), ...change });
  await browser.storage.sync.set({ [SETTINGS_STORAGE_KEY]: toStored(next) });
  return next;
}

export async function resetSettings(): Promise<Settings> {
  await browser.storage.sync.remove(SETTINGS_STORAGE_KEY);
  return loadSettings();
}

/** Calls `listener` with the repaired settings whenever they change anywhere. Returns an unsubscribe. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[SETTINGS_STORAGE_KEY];
    if (area === 'sync' && change) listener(migrateSettings(change.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
