import { useCallback, useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, repairSettings, type Settings } from './settings';
import {
  loadSettings,
  saveStatus,
  updateSettings,
  watchSaveStatus,
  watchSettings,
} from './settings-storage';

/**
 * The settings as Preact state: loaded from storage, kept live as other pages change them, and
 * written back by `change` (shown at once; storage gets it when the write scheduler writes it).
 * `loaded` is false until storage has answered; `saveFailed` is true while a write was refused and
 * waits to be tried again, which the page tells the user.
 */
export function useSettings() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [loaded, setLoaded] = useState(false);
  const [saveFailed, setSaveFailed] = useState(saveStatus() === 'failed');
  useEffect(() => {
    let active = true;
    void loadSettings().then((value) => {
      if (active) {
        setSettings(value);
        setLoaded(true);
      }
    });
    const unwatch = watchSettings(setSettings);
    const unwatchStatus = watchSaveStatus((status) => setSaveFailed(status === 'failed'));
    return () => {
      active = false;
      unwatch();
      unwatchStatus();
    };
  }, []);
  const change = useCallback(async (patch: Partial<Settings>) => {
    setSettings((current) => repairSettings({ ...current, ...patch }));
    await updateSettings(patch);
  }, []);
  return { settings, loaded, change, saveFailed };
}
