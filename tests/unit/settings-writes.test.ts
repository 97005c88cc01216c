/**
 * Issue 17: settings writes stay inside `storage.sync`'s quotas, and per-site entries cannot break
 * the rest. fakeBrowser has no quotas, so `enforceSyncQuotas` gives its sync area Chrome's
 * (QUOTA_BYTES_PER_ITEM 8,192, QUOTA_BYTES 102,400, MAX_ITEMS 512, and the write operations per
 * minute and per hour), refusing a write as Chrome does.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, SITE_KEY_PREFIX, withSite } from '~/utils/settings';
import { SETTINGS_STORAGE_KEY } from '~/utils/settings-key';
import {
  createSettingsStore,
  itemBytes,
  MAX_SITE_ENTRIES,
  SITE_BYTES_BUDGET,
} from '~/utils/settings-storage';
import { createWriteScheduler, SYNC_WRITE_LIMITS, type WriteStatus } from '~/utils/write-scheduler';

/** Chrome's sync quotas on fakeBrowser's sync area; counts the write operations it took. */
function enforceSyncQuotas({ rate = false } = {}) {
  const sync = fakeBrowser.storage.sync;
  const set = sync.set.bind(sync);
  const remove = sync.remove.bind(sync);
  const operations: number[] = [];
  const refused: string[] = [];
  const countOperation = () => {
    const now = Date.now();
    operations.push(now);
    if (!rate) return;
    const inMinute = operations.filter((time) => time > now - 60_000).length;
    const inHour = operations.filter((time) => time > now - 3_600_000).length;
    if (inMinute > SYNC_WRITE_LIMITS.perMinute) throw refuse('MAX_WRITE_OPERATIONS_PER_MINUTE');
    if (inHour > SYNC_WRITE_LIMITS.perHour) throw refuse('MAX_WRITE_OPERATIONS_PER_HOUR');
  };
  const refuse = (quota: string) => {
    refused.push(quota);
    return new Error(`${quota} quota exceeded.`);
  };
  vi.spyOn(sync, 'set').mockImplementation(async (items: Record<string, unknown>) => {
    countOperation();
    const after = { ...(await sync.get(null)), ...items };
    for (const [key, value] of Object.entries(items))
      if (itemBytes(key, value) > 8_192) throw refuse('QUOTA_BYTES_PER_ITEM');
    const entries = Object.entries(after);
    if (entries.length > 512) throw refuse('MAX_ITEMS');
    const total = entries.reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);
    if (total > 102_400) throw refuse('QUOTA_BYTES');
    return set(items);
  });
  vi.spyOn(sync, 'remove').mockImplementation(async (keys: string | string[]) => {
    countOperation();
    return remove(keys);
  });
  return { operations, refused };
}

const host = (n: number) => `www.county${String(n).padStart(4, '0')}.gov.cn`;
const siteKeys = async () =>
  Object.keys(await fakeBrowser.storage.sync.get(null)).filter((key) =>
    key.startsWith(SITE_KEY_PREFIX),
  );

/** A store that writes at once, so a test of many sites runs in no time. */
const quickStore = () =>
  createSettingsStore({ quietMs: 0, minGapMs: 0, perMinute: 1e9, perHour: 1e9 });

beforeEach(() => fakeBrowser.reset());

describe('per-site entries', () => {
  it('fill past the old single item’s 8,192 bytes, and every write still succeeds', async () => {
    const quotas = enforceSyncQuotas();
    const store = quickStore();
    let settings = await store.loadSettings();
    for (let n = 0; n < 300; n += 1)
      settings = await store.updateSettings({
        sites: withSite(settings, host(n), { hideEntryButton: true }),
      });
    settings = await store.updateSettings({ fontSizePx: 36 });
    expect(quotas.refused).toEqual([]);
    expect(store.saveStatus()).toBe('saved');
    const reloaded = await store.loadSettings();
    expect(reloaded.fontSizePx).toBe(36);
    expect(Object.keys(reloaded.sites)).toHaveLength(300);
    expect(reloaded.sites[host(0)]).toEqual({ hideEntryButton: true });
    const items = await fakeBrowser.storage.sync.get(null);
    expect(itemBytes(SETTINGS_STORAGE_KEY, items[SETTINGS_STORAGE_KEY])).toBeLessThan(1_000);
  }, 30_000);

  it('are capped, the oldest change out first, so the settings can always be written', async () => {
    const quotas = enforceSyncQuotas();
    const store = quickStore();
    let settings = await store.loadSettings();
    const total = MAX_SITE_ENTRIES + 20;
    for (let n = 0; n < total; n += 1) {
      vi.spyOn(Date, 'now').mockReturnValue(1_000_000 + n);
      settings = await store.updateSettings({
        sites: withSite(settings, host(n), { autoOpen: true }),
      });
    }
    const oldest = total - MAX_SITE_ENTRIES;
    expect(settings.sites[host(oldest - 1)]).toBeUndefined();
    // The oldest site changed again is the newest: the next site pushes out the one after it.
    vi.spyOn(Date, 'now').mockReturnValue(2_000_000);
    settings = await store.updateSettings({
      sites: withSite(settings, host(oldest), { script: 'tw' }),
    });
    vi.spyOn(Date, 'now').mockReturnValue(2_000_001);
    settings = await store.updateSettings({
      sites: withSite(settings, host(total), { autoOpen: true }),
    });
    await store.updateSettings({ theme: 'dark' });
    expect(quotas.refused).toEqual([]);
    const keys = await siteKeys();
    expect(keys).toHaveLength(MAX_SITE_ENTRIES);
    const reloaded = await store.loadSettings();
    expect(reloaded.theme).toBe('dark');
    expect(reloaded.sites[host(oldest)]).toEqual({ autoOpen: true, script: 'tw' });
    expect(reloaded.sites[host(oldest + 1)]).toBeUndefined();
    expect(reloaded.sites[host(total)]).toEqual({ autoOpen: true });
    expect(reloaded.sites[host(total - 1)]).toEqual({ autoOpen: true });
  }, 30_000);

  it("are written again when only a site's 辅助工具 change", async () => {
    const store = quickStore();
    let settings = await store.loadSettings();
    settings = await store.updateSettings({
      sites: withSite(settings, host(1), { autoOpen: true, assist: ['caption'] }),
    });
    await store.updateSettings({
      sites: withSite(settings, host(1), { assist: ['pointRead', 'caption'] }),
    });
    expect((await quickStore().loadSettings()).sites[host(1)]).toEqual({
      autoOpen: true,
      assist: ['pointRead', 'caption'],
    });
  });

  it("are written again when only a site's pinyin changes", async () => {
    const store = quickStore();
    let settings = await store.loadSettings();
    settings = await store.updateSettings({
      sites: withSite(settings, host(1), { autoOpen: true, pinyin: 'rare' }),
    });
    await store.updateSettings({ sites: withSite(settings, host(1), { pinyin: 'all' }) });
    expect((await quickStore().loadSettings()).sites[host(1)]).toEqual({
      autoOpen: true,
      pinyin: 'all',
    });
  });

  it('stay within the byte budget with the longest host names', async () => {
    const quotas = enforceSyncQuotas();
    const store = quickStore();
    let settings = await store.loadSettings();
    const long = (n: number) =>
      `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.x${n}.gov.cn`;
    for (let n = 0; n < 320; n += 1)
      settings = await store.updateSettings({
        sites: withSite(settings, long(n), { hideEntryButton: true, script: 'hk' }),
      });
    expect(quotas.refused).toEqual([]);
    const items = await fakeBrowser.storage.sync.get(null);
    const siteBytes = Object.entries(items)
      .filter(([key]) => key.startsWith(SITE_KEY_PREFIX))
      .reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);
    expect(siteBytes).toBeLessThanOrEqual(SITE_BYTES_BUDGET);
    expect((await store.loadSettings()).sites[long(319)]).toBeDefined();
  }, 30_000);

  it('a version-2 item holding its sites is moved into items of its own on reading', async () => {
    const sites = Object.fromEntries(
      Array.from({ length: 150 }, (_, n) => [host(n), { hideEntryButton: true }]),
    );
    await fakeBrowser.storage.sync.set({
      [SETTINGS_STORAGE_KEY]: { version: 2, fontSizePx: 28, theme: 'sepia', sites },
    });
    const store = quickStore();
    const loaded = await store.loadSettings();
    expect(loaded).toEqual({ ...DEFAULT_SETTINGS, fontSizePx: 28, theme: 'sepia', sites });
    const items = await fakeBrowser.storage.sync.get(null);
    expect(items[SETTINGS_STORAGE_KEY]).not.toHaveProperty('sites');
    expect(items[SETTINGS_STORAGE_KEY]).toMatchObject({ version: SETTINGS_VERSION });
    expect(await siteKeys()).toHaveLength(150);
    await expect(store.loadSettings()).resolves.toEqual(loaded);
    // Removing a site removes its item.
    await store.updateSettings({ sites: withSite(loaded, host(3), { hideEntryButton: false }) });
    expect(await siteKeys()).toHaveLength(149);
  });
});

describe('writes within the rate limits', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a burst of size changes is one write, of the last size', async () => {
    vi.useFakeTimers();
    const quotas = enforceSyncQuotas({ rate: true });
    const store = createSettingsStore();
    const written: Promise<unknown>[] = [];
    for (const size of [21, 22, 24, 26, 28, 30, 32, 36, 40, 44])
      written.push(store.updateSettings({ fontSizePx: size }));
    await vi.advanceTimersByTimeAsync(2_000);
    await Promise.all(written);
    expect(quotas.operations).toHaveLength(1);
    expect((await store.loadSettings()).fontSizePx).toBe(44);
  });

  it('150 clicks on 大字 and hours of steady changes never exceed a limit, and nothing is lost', async () => {
    vi.useFakeTimers();
    const quotas = enforceSyncQuotas({ rate: true });
    const store = createSettingsStore();
    const sizes = [20, 21, 22, 24, 26, 28];
    let last = 0;
    // 150 clicks one every 100 ms, then a change every 1.5 s for two hours.
    for (let n = 0; n < 150; n += 1) {
      last = sizes[n % sizes.length] as number;
      void store.updateSettings({ fontSizePx: last });
      await vi.advanceTimersByTimeAsync(100);
    }
    for (let n = 0; n < 4_800; n += 1) {
      last = sizes[n % sizes.length] as number;
      void store.updateSettings({ fontSizePx: last });
      await vi.advanceTimersByTimeAsync(1_500);
    }
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(quotas.refused).toEqual([]);
    expect(store.saveStatus()).toBe('saved');
    expect((await store.loadSettings()).fontSizePx).toBe(last);
    expect(quotas.operations.length).toBeLessThanOrEqual(SYNC_WRITE_LIMITS.perHour * 2 + 1);
  });

  it('a refused write is shown, kept with later changes, and retried until it is written', async () => {
    vi.useFakeTimers();
    const store = createSettingsStore();
    const statuses: WriteStatus[] = [];
    store.watchSaveStatus((status) => statuses.push(status));
    const sync = fakeBrowser.storage.sync;
    const set = sync.set.bind(sync);
    let refusals = 2;
    vi.spyOn(sync, 'set').mockImplementation(async (items) => {
      if (refusals > 0) {
        refusals -= 1;
        throw new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded.');
      }
      return set(items);
    });
    const first = store.updateSettings({ fontSizePx: 36 });
    await vi.advanceTimersByTimeAsync(500);
    expect(store.saveStatus()).toBe('failed');
    // A change while failed is kept too, and shows at once over what storage holds.
    void store.updateSettings({ theme: 'dark' });
    expect(await store.loadSettings()).toMatchObject({ fontSizePx: 36, theme: 'dark' });
    await vi.advanceTimersByTimeAsync(60_000);
    await first;
    expect(store.saveStatus()).toBe('saved');
    expect(statuses).toEqual(['pending', 'failed', 'saved']);
    const stored = (await sync.get(SETTINGS_STORAGE_KEY))[SETTINGS_STORAGE_KEY];
    expect(stored).toMatchObject({ fontSizePx: 36, theme: 'dark' });
  });
});

describe('a page going away', () => {
  it('starts writing what it has not written before its last task ends (the popup closes)', async () => {
    const store = createSettingsStore();
    await store.loadSettings();
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    void store.updateSettings({ fontSizePx: 40 });
    expect(set).not.toHaveBeenCalled();
    void store.flush();
    // No await in between: a closing page's later tasks never run.
    expect(set).toHaveBeenCalledTimes(1);
    await vi.waitFor(async () =>
      expect(
        (await fakeBrowser.storage.sync.get(SETTINGS_STORAGE_KEY))[SETTINGS_STORAGE_KEY],
      ).toMatchObject({
        fontSizePx: 40,
      }),
    );
  });
});

describe('reset', () => {
  it('drops a change not yet written, so it cannot come back after the reset', async () => {
    vi.useFakeTimers();
    try {
      const store = createSettingsStore();
      const first = store.updateSettings({ theme: 'dark' });
      await vi.advanceTimersByTimeAsync(1_000);
      await first;
      expect((await store.loadSettings()).theme).toBe('dark');
      void store.updateSettings({ fontSizePx: 40 });
      await store.resetSettings();
      await vi.advanceTimersByTimeAsync(5_000);
      expect(await store.loadSettings()).toEqual(DEFAULT_SETTINGS);
      expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('createWriteScheduler', () => {
  it('keeps to its share of each limit, whatever the pace of changes', async () => {
    let time = 0;
    const timers: { at: number; run: () => void }[] = [];
    const writes: number[] = [];
    const scheduler = createWriteScheduler<number>({
      write: async () => void writes.push(time),
      merge: (_a, b) => b,
      now: () => time,
      setTimer: (run, ms) => {
        const timer = { at: time + ms, run };
        timers.push(timer);
        return timer;
      },
      clearTimer: (timer) => timers.splice(timers.indexOf(timer as never), 1),
    });
    for (let n = 0; n < 5_000; n += 1) {
      void scheduler.push(n);
      time += 500;
      for (;;) {
        const due = timers.filter((timer) => timer.at <= time).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers.splice(timers.indexOf(due), 1);
        due.run();
        await Promise.resolve();
      }
    }
    for (const at of writes) {
      expect(writes.filter((w) => w > at - 60_000 && w <= at).length).toBeLessThanOrEqual(60);
      expect(writes.filter((w) => w > at - 3_600_000 && w <= at).length).toBeLessThanOrEqual(900);
    }
  });
});
