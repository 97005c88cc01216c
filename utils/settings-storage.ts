/**
 * The storage adapter for the settings schema in `settings.ts`. Settings live in sync storage: the
 * settings item, and one item per site (`site:<host>`, see SITE_KEY_PREFIX). Every read is migrated
 * and repaired; changes reach every open page at once.
 *
 * Writes go through a scheduler (utils/write-scheduler.ts) that keeps inside sync's quotas: a burst
 * of changes is one write, a context keeps to its share of the per-minute and per-hour limits, and
 * a refused write is shown (`watchSaveStatus`) and retried with whatever changed since, never
 * dropped. Site entries are capped (oldest change out first) so that they can never fill the
 * storage the settings item needs.
 */
import { browser } from 'wxt/browser';
import {
  migrateSettings,
  repairSettings,
  type Settings,
  SITE_KEY_PREFIX,
  type SiteSettings,
  toStored,
} from './settings';
import { SETTINGS_STORAGE_KEY } from './settings-key';
import {
  createWriteScheduler,
  type WriteSchedulerOptions,
  type WriteStatus,
} from './write-scheduler';

/**
 * Sync allows 512 items and 102,400 bytes in all (the settings item at most 8,192 of them): site
 * entries stay under both, with room for the settings item and a few items more. 400 entries of
 * ordinary host names take about 45 KB; the byte budget is for long ones.
 */
export const MAX_SITE_ENTRIES = 400;
export const SITE_BYTES_BUDGET = 80_000;

/** A site's entry as stored: its choices and when they last changed (for oldest-first pruning). */
type StoredSite = SiteSettings & { at?: number };

type Items = Record<string, unknown>;

const siteKey = (host: string) => `${SITE_KEY_PREFIX}${host}`;

/** Bytes sync counts for an item: its key and its value as JSON, in UTF-8. */
export function itemBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

/** The settings in sync's items: the settings item with the site items as its `sites`. */
export function settingsOfItems(items: Items): Settings {
  const main = isRecord(items[SETTINGS_STORAGE_KEY]) ? items[SETTINGS_STORAGE_KEY] : {};
  // A version-2 item still holds its sites; site items (written since) come on top.
  const sites: Items = isRecord(main.sites) ? { ...main.sites } : {};
  for (const [key, value] of Object.entries(items))
    if (key.startsWith(SITE_KEY_PREFIX)) sites[key.slice(SITE_KEY_PREFIX.length)] = value;
  return migrateSettings({ ...main, sites });
}

/**
 * Whether a site's entry is unchanged: every field compared, so a field added to `SiteSettings`
 * is saved without touching this (a field-by-field list here once forgot two of them).
 */
function sameSite(a: SiteSettings = {}, b: SiteSettings = {}): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof SiteSettings)[]);
  for (const key of keys) if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) return false;
  return true;
}

/**
 * What to write and remove to bring sync from `items` to `next`: the settings item, the sites that
 * changed (stamped `now`), the sites gone, and the oldest entries beyond the cap.
 */
export function plannedWrite(
  items: Items,
  next: Settings,
  now: number,
): { set: Items; remove: string[] } {
  const current = settingsOfItems(items);
  const set: Items = { [SETTINGS_STORAGE_KEY]: toStored(next) };
  const remove = new Set<string>();
  for (const host of Object.keys(current.sites))
    if (!next.sites[host] && Object.hasOwn(items, siteKey(host))) remove.add(siteKey(host));
  const kept = new Map<string, { at: number; bytes: number }>();
  for (const [host, site] of Object.entries(next.sites)) {
    const key = siteKey(host);
    const stored = items[key] as StoredSite | undefined;
    const changed = !stored || !sameSite(current.sites[host], site);
    const value: StoredSite = changed ? { ...site, at: now } : stored;
    if (changed) set[key] = value;
    kept.set(key, {
      at: typeof value.at === 'number' ? value.at : 0,
      bytes: itemBytes(key, value),
    });
  }
  // Oldest first out (ties by name, so every page prunes alike) until under both limits.
  let bytes = 0;
  for (const { bytes: size } of kept.values()) bytes += size;
  const oldestFirst = [...kept].sort(
    ([keyA, a], [keyB, b]) => a.at - b.at || (keyA < keyB ? -1 : 1),
  );
  let count = kept.size;
  for (const [key, { bytes: size }] of oldestFirst) {
    if (count <= MAX_SITE_ENTRIES && bytes <= SITE_BYTES_BUDGET) break;
    count -= 1;
    bytes -= size;
    delete set[key];
    if (Object.hasOwn(items, key)) remove.add(key);
  }
  return { set, remove: [...remove] };
}

export function createSettingsStore(
  timing: Partial<WriteSchedulerOptions<Partial<Settings>>> = {},
) {
  const sync = () => browser.storage.sync;
  /** What sync held when this page last read it all (a page going away writes on top of it). */
  let lastItems: Items | undefined;
  const readAll = async (): Promise<Items> => {
    const items: Items = await sync().get(null);
    lastItems = items;
    return items;
  };

  async function writeChange(change: Partial<Settings>, urgent: boolean): Promise<void> {
    // A page going away (the popup closing) cannot wait for a read: its calls after this task
    // may never be made. It writes on top of what it last read, which watching keeps current.
    const items = urgent && lastItems ? lastItems : await readAll();
    const next = repairSettings({ ...settingsOfItems(items), ...change });
    const { set, remove } = plannedWrite(items, next, Date.now());
    // Space first: what is removed makes room for what is set (the calls run in order).
    const removed = remove.length > 0 ? sync().remove(remove) : undefined;
    const written = sync().set(set);
    await Promise.all([removed, written]);
  }

  const scheduler = createWriteScheduler<Partial<Settings>>({
    write: writeChange,
    merge: (earlier, later) => ({ ...earlier, ...later }),
    ...timing,
  });

  /** What storage holds with this page's unwritten changes on top (what the page shows). */
  const withPending = (settings: Settings) => {
    const pending = scheduler.pending();
    return pending ? repairSettings({ ...settings, ...pending }) : settings;
  };

  /** A version-2 settings item holds the sites: moves them into items of their own, once. */
  async function moveSitesOut(items: Items): Promise<void> {
    const main = items[SETTINGS_STORAGE_KEY];
    if (!isRecord(main) || !('sites' in main)) return;
    const settings = settingsOfItems(items);
    const { set, remove } = plannedWrite(items, settings, 0);
    try {
      if (remove.length > 0) await sync().remove(remove);
      await sync().set(set);
    } catch (error) {
      // Read as it is meanwhile; the next write (or reading) moves them.
      console.warn('[yidu] could not move site entries out of the settings item', error);
    }
  }

  async function loadSettings(): Promise<Settings> {
    const items = await readAll();
    await moveSitesOut(items);
    return withPending(settingsOfItems(items));
  }

  // A page that goes away writes what it has not written yet (the popup closes at once).
  if (typeof addEventListener === 'function')
    addEventListener('pagehide', () => void scheduler.flush());

  return {
    loadSettings,
    /**
     * Applies a change on top of what storage holds when it is written (so two pages changing
     * different fields both win); resolves once written, to the settings then.
     */
    async updateSettings(change: Partial<Settings>): Promise<Settings> {
      await scheduler.push(change);
      return loadSettings();
    },
    async resetSettings(): Promise<Settings> {
      // A change not written yet must not bring back what the reset took away.
      scheduler.discard();
      const keys = Object.keys(await sync().get(null)).filter(
        (key) => key === SETTINGS_STORAGE_KEY || key.startsWith(SITE_KEY_PREFIX),
      );
      await sync().remove(keys);
      return loadSettings();
    },
    /** Calls `listener` with the repaired settings whenever they change anywhere. */
    watchSettings(listener: (settings: Settings) => void): () => void {
      let latest = 0;
      const onChanged = (changes: Record<string, unknown>, area: string) => {
        if (area !== 'sync') return;
        const keys = Object.keys(changes);
        if (!keys.some((key) => key === SETTINGS_STORAGE_KEY || key.startsWith(SITE_KEY_PREFIX)))
          return;
        const ticket = ++latest;
        void readAll().then((items) => {
          if (ticket === latest && active) listener(withPending(settingsOfItems(items)));
        });
      };
      let active = true;
      browser.storage.onChanged.addListener(onChanged);
      return () => {
        active = false;
        browser.storage.onChanged.removeListener(onChanged);
      };
    },
    /** 'failed' while a write was refused and waits to be tried again (the page says so). */
    watchSaveStatus(listener: (status: WriteStatus) => void): () => void {
      return scheduler.subscribe(listener);
    },
    saveStatus: () => scheduler.status(),
    /** Writes what is pending as soon as the limits allow. */
    flush: () => scheduler.flush(),
  };
}

const store = createSettingsStore();
export const {
  loadSettings,
  updateSettings,
  resetSettings,
  watchSettings,
  watchSaveStatus,
  saveStatus,
} = store;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
