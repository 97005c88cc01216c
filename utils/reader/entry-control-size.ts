/**
 * The control size for the on-page button, read from the settings item alone. The button's script
 * loads on every article page, so it reads this one field (checked as the schema checks it, an
 * invalid or missing one being the default) rather than carry the whole schema and its storage
 * adapter: 0.4 KB gzipped instead of 3.5 KB.
 */
import { browser } from 'wxt/browser';
import { type ControlSize, isControlSize } from '../display/control-size';
import { SETTINGS_STORAGE_KEY } from '../settings-key';

function controlSizeIn(item: unknown): ControlSize {
  const size = (item as { controlSize?: unknown } | undefined)?.controlSize;
  return isControlSize(size) ? size : 'normal';
}

/** The control size now, and `listener` called with each new one as the settings change. */
export function watchControlSize(listener: (size: ControlSize) => void): Promise<ControlSize> {
  browser.storage.onChanged.addListener((changes, area) => {
    const change = changes[SETTINGS_STORAGE_KEY];
    if (area === 'sync' && change) listener(controlSizeIn(change.newValue));
  });
  return browser.storage.sync.get(SETTINGS_STORAGE_KEY).then(
    (items) => controlSizeIn(items[SETTINGS_STORAGE_KEY]),
    () => 'normal',
  );
}
