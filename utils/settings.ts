/**
 * The one settings schema. Defaults live in one object and the type derives from it; what storage
 * returns is migrated to the current version and then repaired field by field, so a corrupted or
 * unknown value falls back to its default without resetting the rest.
 */
import { FONT_SIZES_PX } from './display/font-size';
import { THEMES, type ThemeName } from './display/themes';

export const SETTINGS_VERSION = 1;

export const DEFAULT_SETTINGS = {
  /** Reader body text size. MIIT elder-friendly guidance wants at least 18 px; we start at 20. */
  fontSizePx: 20 as number,
  theme: 'default' as ThemeName,
};

export type Settings = typeof DEFAULT_SETTINGS;

/** Where settings live: sync storage, so a reader's choices follow them between their browsers. */
export const SETTINGS_STORAGE_KEY = 'settings';

type FieldRepair<T> = (value: unknown) => T | undefined;

const REPAIRS: { [K in keyof Settings]: FieldRepair<Settings[K]> } = {
  fontSizePx: (value) =>
    typeof value === 'number' && FONT_SIZES_PX.includes(value) ? value : undefined,
  theme: (value) =>
    typeof value === 'string' && (THEMES as Record<string, unknown>)[value] !== undefined
      ? (value as ThemeName)
      : undefined,
};

/** Keeps every valid field of `value` and puts the default in place of each invalid or missing one. */
export function repairSettings(value: unknown): Settings {
  const record = isRecord(value) ? value : {};
  const repaired = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(REPAIRS) as (keyof Settings)[]) {
    const fixed = REPAIRS[key](record[key]);
    if (fixed !== undefined) (repaired as Record<string, unknown>)[key] = fixed;
  }
  return repaired;
}

/**
 * Ordered migrations: `MIGRATIONS[n]` turns a stored object of version n into version n + 1.
 * Version 1 is the first stored shape, so there are none yet; add one here with every change of
 * shape, and a test that an object of the old version comes out right.
 */
export const MIGRATIONS: Record<
  number,
  (stored: Record<string, unknown>) => Record<string, unknown>
> = {};

/** What storage holds: the settings plus the version of their shape. */
export type StoredSettings = Settings & { version: number };

/** Brings a stored object of any earlier version up to `targetVersion`, then repairs it. */
export function migrateSettings(
  stored: unknown,
  migrations = MIGRATIONS,
  targetVersion = SETTINGS_VERSION,
): Settings {
  if (!isRecord(stored)) return { ...DEFAULT_SETTINGS };
  let current: Record<string, unknown> = stored;
  // An object without a version predates versioning: treat it as the first version.
  let version = typeof stored.version === 'number' && stored.version >= 1 ? stored.version : 1;
  while (version < targetVersion) {
    const migrate = migrations[version];
    if (migrate) current = migrate(current);
    version += 1;
  }
  return repairSettings(current);
}

export function toStored(settings: Settings): StoredSettings {
  return { ...settings, version: SETTINGS_VERSION };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
