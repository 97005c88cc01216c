/**
 * Where settings live: sync storage, so a reader's choices follow them between their browsers.
 * A module of its own, with no imports, so a script that reads one setting (the on-page button's
 * control size) does not carry the schema's modules with it.
 */
export const SETTINGS_STORAGE_KEY = 'settings';
