import { useCallback, useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { loadSettings, updateSettings, watchSettings } from './settings-storage';

/**
 * The settings as Preact state: loaded from storage, kept live as other pages change them, and
 * written back by `change`. `loaded` is false until storage has answered.
 */
export function useSettings() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    let active = true;
    void loadSettings().then((value) => {
      if (active) {
        setSettings(value);
        setLoaded(true);
      }
    });
    const unwatch = watchSettings(setSettings);
    return () => {
      active = false;
      unwatch();
    };
  }, []);
  const change = useCallback(async (patch: Partial<Settings>) => {
    setSettings(await updateSettings(patch));
  }, []);
  return { settings, loaded, change };
}
