import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  migrateSettings,
  repairSettings,
  SETTINGS_STORAGE_KEY,
  SETTINGS_VERSION,
} from '~/utils/settings';
import {
  loadSettings,
  resetSettings,
  updateSettings,
  watchSettings,
} from '~/utils/settings-storage';

describe('repairSettings', () => {
  it('gives the defaults for anything that is not an object', () => {
    for (const value of [undefined, null, 42, 'x', [1, 2]]) {
      expect(repairSettings(value)).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('repairs field by field, keeping what is valid', () => {
    expect(repairSettings({ fontSizePx: 32, theme: 'neon' })).toEqual({
      ...DEFAULT_SETTINGS,
      fontSizePx: 32,
    });
    expect(repairSettings({ fontSizePx: '32', theme: 'contrast' })).toEqual({
      ...DEFAULT_SETTINGS,
      theme: 'contrast',
    });
    expect(repairSettings({ fontSizePx: 33 }).fontSizePx).toBe(DEFAULT_SETTINGS.fontSizePx);
    expect(repairSettings({ fontSizePx: Number.NaN }).fontSizePx).toBe(DEFAULT_SETTINGS.fontSizePx);
  });

  it('drops unknown fields', () => {
    expect(repairSettings({ ...DEFAULT_SETTINGS, extra: true })).toEqual(DEFAULT_SETTINGS);
  });
});

describe('migrateSettings', () => {
  it('runs each migration in order from the stored version to the target', () => {
    const migrations = {
      1: (old: Record<string, unknown>) => ({ ...old, fontSizePx: Number(old.size) }),
      2: (old: Record<string, unknown>) => ({ ...old, theme: old.dark ? 'contrast' : 'default' }),
    };
    expect(migrateSettings({ version: 1, size: 28, dark: true }, migrations, 3)).toEqual({
      fontSizePx: 28,
      theme: 'contrast',
    });
    // A version-2 object only takes the second step.
    expect(migrateSettings({ version: 2, fontSizePx: 24, dark: false }, migrations, 3)).toEqual({
      fontSizePx: 24,
      theme: 'default',
    });
  });

  it('reads the current version as it is, and an unversioned object as the first version', () => {
    const stored = { version: SETTINGS_VERSION, fontSizePx: 40, theme: 'contrast' };
    expect(migrateSettings(stored)).toEqual({ fontSizePx: 40, theme: 'contrast' });
    expect(migrateSettings({ fontSizePx: 40 })).toEqual({ ...DEFAULT_SETTINGS, fontSizePx: 40 });
  });
});

describe('settings in sync storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('loads the defaults from empty storage', async () => {
    await expect(loadSettings()).resolves.toEqual(DEFAULT_SETTINGS);
  });

  it('stores a change with its version, and repairs what it reads back', async () => {
    await updateSettings({ fontSizePx: 36 });
    const stored = await fakeBrowser.storage.sync.get(SETTINGS_STORAGE_KEY);
    expect(stored[SETTINGS_STORAGE_KEY]).toEqual({
      ...DEFAULT_SETTINGS,
      fontSizePx: 36,
      version: SETTINGS_VERSION,
    });
    await fakeBrowser.storage.sync.set({
      [SETTINGS_STORAGE_KEY]: { version: SETTINGS_VERSION, fontSizePx: 36, theme: 42 },
    });
    await expect(loadSettings()).resolves.toEqual({ ...DEFAULT_SETTINGS, fontSizePx: 36 });
  });

  it('tells watchers about changes, and reset brings back the defaults', async () => {
    const seen: number[] = [];
    const unwatch = watchSettings((settings) => seen.push(settings.fontSizePx));
    await updateSettings({ fontSizePx: 24 });
    await updateSettings({ theme: 'contrast' });
    unwatch();
    await updateSettings({ fontSizePx: 28 });
    expect(seen).toEqual([24, 24]);
    await expect(resetSettings()).resolves.toEqual(DEFAULT_SETTINGS);
  });
});
