import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { watchControlSize } from '~/utils/reader/entry-control-size';
import {
  DEFAULT_SETTINGS,
  isHostName,
  migrateSettings,
  pinyinModeFor,
  repairSettings,
  SETTINGS_VERSION,
  withSite,
} from '~/utils/settings';
import { SETTINGS_STORAGE_KEY } from '~/utils/settings-key';
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
    expect(repairSettings({ fontSizePx: '32', theme: 'yellow-on-black' })).toEqual({
      ...DEFAULT_SETTINGS,
      theme: 'yellow-on-black',
    });
    expect(
      repairSettings({ lineHeight: 1.75, letterSpacingEm: 0.1, contentWidth: 'huge' }),
    ).toEqual({ ...DEFAULT_SETTINGS, letterSpacingEm: 0.1 });
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
      2: (old: Record<string, unknown>) => ({ ...old, theme: old.dark ? 'dark' : 'default' }),
    };
    expect(migrateSettings({ version: 1, size: 28, dark: true }, migrations, 3)).toEqual({
      ...DEFAULT_SETTINGS,
      fontSizePx: 28,
      theme: 'dark',
    });
    // A version-2 object only takes the second step.
    expect(migrateSettings({ version: 2, fontSizePx: 24, dark: false }, migrations, 3)).toEqual({
      ...DEFAULT_SETTINGS,
      fontSizePx: 24,
      theme: 'default',
    });
  });

  it('reads the current version as it is, and an unversioned object as the first version', () => {
    const stored = {
      ...DEFAULT_SETTINGS,
      version: SETTINGS_VERSION,
      fontSizePx: 40,
      theme: 'dark',
    };
    expect(migrateSettings(stored)).toEqual({ ...DEFAULT_SETTINGS, fontSizePx: 40, theme: 'dark' });
    expect(migrateSettings({ fontSizePx: 40 })).toEqual({ ...DEFAULT_SETTINGS, fontSizePx: 40 });
  });
});

describe('the stored shapes of every version', () => {
  it('version 1 (font size and one "contrast" theme) comes out as the current settings', () => {
    expect(migrateSettings({ version: 1, fontSizePx: 28, theme: 'contrast' })).toEqual({
      ...DEFAULT_SETTINGS,
      fontSizePx: 28,
      theme: 'white-on-black',
    });
    expect(migrateSettings({ version: 1, fontSizePx: 28, theme: 'default' })).toEqual({
      ...DEFAULT_SETTINGS,
      fontSizePx: 28,
    });
  });
});

describe('per-site settings', () => {
  it('keep valid hosts with their flags and drop the rest', () => {
    expect(
      repairSettings({
        sites: {
          'www.ziyang.gov.cn': { autoOpen: true, hideEntryButton: 'yes' },
          'news.example.com': { hideEntryButton: true },
          'not a host': { autoOpen: true },
          'www.gov.cn': { autoOpen: false },
          'www.gov.hk': 'x',
        },
      }).sites,
    ).toEqual({
      'www.ziyang.gov.cn': { autoOpen: true },
      'news.example.com': { hideEntryButton: true },
    });
    expect(repairSettings({ sites: ['www.gov.cn'] }).sites).toEqual({});
  });

  it('change one site at a time, and a site with nothing set leaves the list', () => {
    const start = { ...DEFAULT_SETTINGS, sites: { 'a.gov.cn': { autoOpen: true } } };
    const added = withSite(start, 'b.gov.cn', { hideEntryButton: true });
    expect(added).toEqual({
      'a.gov.cn': { autoOpen: true },
      'b.gov.cn': { hideEntryButton: true },
    });
    expect(withSite({ ...start, sites: added }, 'a.gov.cn', { autoOpen: false })).toEqual({
      'b.gov.cn': { hideEntryButton: true },
    });
    expect(isHostName('www.ziyang.gov.cn')).toBe(true);
    expect(isHostName('WWW.x.cn')).toBe(false);
    expect(isHostName('-x.cn')).toBe(false);
  });
});

describe('pinyin settings', () => {
  it('come out of settings stored before pinyin as off, Jyutping for Hong Kong', () => {
    const stored = { version: 2, fontSizePx: 26, sites: { 'www.gov.hk': { script: 'hk' } } };
    const settings = migrateSettings(stored);
    expect(settings.pinyin).toBe('off');
    expect(settings.jyutpingForHongKong).toBe(true);
    expect(settings.sites).toEqual({ 'www.gov.hk': { script: 'hk' } });
  });

  it('keep a valid mode and a per-site "always" mode, and drop the rest', () => {
    const settings = repairSettings({
      pinyin: 'everything',
      sites: {
        'a.gov.cn': { pinyin: 'rare' },
        'b.gov.cn': { pinyin: 'off' },
        'c.gov.cn': { pinyin: 'all', autoOpen: true },
      },
    });
    expect(settings.pinyin).toBe('off');
    expect(settings.sites).toEqual({
      'a.gov.cn': { pinyin: 'rare' },
      'c.gov.cn': { pinyin: 'all', autoOpen: true },
    });
    expect(pinyinModeFor({ ...settings, pinyin: 'off' }, 'a.gov.cn')).toBe('rare');
    expect(pinyinModeFor({ ...settings, pinyin: 'all' }, 'x.gov.cn')).toBe('all');
    expect(withSite(settings, 'a.gov.cn', { pinyin: undefined })).toEqual({
      'c.gov.cn': { pinyin: 'all', autoOpen: true },
    });
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
    // The sites are items of their own since version 3.
    const { sites: _sites, ...withoutSites } = DEFAULT_SETTINGS;
    expect(stored[SETTINGS_STORAGE_KEY]).toEqual({
      ...withoutSites,
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
    await updateSettings({ theme: 'white-on-black' });
    unwatch();
    await updateSettings({ fontSizePx: 28 });
    expect(seen).toEqual([24, 24]);
    await expect(resetSettings()).resolves.toEqual(DEFAULT_SETTINGS);
  });
});

describe("the on-page button's control size", () => {
  beforeEach(() => fakeBrowser.reset());

  it('is read from the settings item as the schema reads it, and followed as it changes', async () => {
    const seen: string[] = [];
    await expect(watchControlSize((size) => seen.push(size))).resolves.toBe('normal');
    await updateSettings({ controlSize: 'xlarge' });
    await expect(watchControlSize(() => undefined)).resolves.toBe('xlarge');
    await fakeBrowser.storage.sync.set({
      [SETTINGS_STORAGE_KEY]: { version: SETTINGS_VERSION, controlSize: 'huge' },
    });
    expect(seen).toEqual(['xlarge', repairSettings({ controlSize: 'huge' }).controlSize]);
  });
});
