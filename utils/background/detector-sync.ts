/**
 * The detector follows the user's site list on the sites they have granted: registered again when
 * the list of hosts or the permissions change, not on every change of a setting.
 */
import { loadSettings, watchSettings } from '../settings-storage';
import type { BrowserEvent } from './apis';

export function startDetectorSync(deps: {
  permissions: { onAdded: BrowserEvent<() => void>; onRemoved: BrowserEvent<() => void> };
  /** Registers the detector on exactly these hosts where granted (utils/site-access.ts). */
  syncSiteDetector: (hosts: string[]) => Promise<unknown>;
}): Promise<void> {
  let syncedHosts: string | undefined;
  const sync = async (force = false) => {
    const hosts = Object.keys((await loadSettings()).sites).sort();
    if (!force && hosts.join(' ') === syncedHosts) return;
    syncedHosts = hosts.join(' ');
    await deps
      .syncSiteDetector(hosts)
      .catch((error) => console.warn('[yidu] cannot register the detector on added sites', error));
  };
  watchSettings(() => void sync());
  deps.permissions.onAdded.addListener(() => void sync(true));
  deps.permissions.onRemoved.addListener(() => void sync(true));
  return sync();
}
