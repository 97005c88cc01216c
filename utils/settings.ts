/**
 * The one settings schema. Defaults live in one object and the type derives from it; what storage
 * returns is migrated to the current version and then repaired field by field, so a corrupted or
 * unknown value falls back to its default without resetting the rest.
 */

import {
  type AssistTool,
  CAPTION_POSITIONS,
  CAPTION_SIZES_PX,
  type CaptionPosition,
  CURSOR_COLOURS,
  CURSOR_SIZES_PX,
  type CursorColour,
  DWELL_MS_CHOICES,
  toolList,
} from './assist/tools';
import type { ScriptChoice, SourceChoice } from './convert/script-view';
import { isScript, type Script } from './convert/scripts';
import { type ControlSize, isControlSize } from './display/control-size';
import { FONT_SIZES_PX } from './display/font-size';
import { isThemeName, type ThemeName } from './display/themes';
import {
  CONTENT_WIDTHS,
  type ContentWidth,
  FONT_FAMILIES,
  type FontFamily,
  LETTER_SPACINGS_EM,
  LINE_HEIGHTS,
} from './display/typography';
import { isPinyinMode, type PinyinMode } from './pinyin/modes';
import { snapRate } from './speech/speech-rate';

export const SETTINGS_VERSION = 3;

/** What a reader can set for one site (keyed by host name in `sites`). */
export interface SiteSettings {
  /** Open the reader by itself on this site's article pages. */
  autoOpen?: boolean;
  /** Do not show the on-page "阅读模式" button on this site. */
  hideEntryButton?: boolean;
  /** Always show this site in this script: the reader and the page itself. */
  script?: Script;
  /** 辅助工具 always on in this site's tabs ("always on this site"). */
  assist?: AssistTool[];
  /** Always show pinyin on this site (the reader and the page itself), in this mode. */
  pinyin?: Exclude<PinyinMode, 'off'>;
}

export const DEFAULT_SETTINGS = {
  /** Reader body text size. MIIT elder-friendly guidance wants at least 18 px; we start at 20. */
  fontSizePx: 20 as number,
  lineHeight: 1.8 as number,
  letterSpacingEm: 0 as number,
  contentWidth: 'medium' as ContentWidth,
  fontFamily: 'sans' as FontFamily,
  theme: 'default' as ThemeName,
  /** The script the reader shows articles in ('original': as published). */
  script: 'original' as ScriptChoice,
  /** What the articles are written in: detected from the text, or the user's word. */
  sourceScript: 'auto' as SourceChoice,
  /** Reading-aloud speed, 0.5 to 2.0 in steps of 0.1. */
  speechRate: 1 as number,
  /** The chosen voice's name; empty for the best voice for the text. */
  speechVoice: '' as string,
  /** 辅助工具 on in every tab the user has not set them in (utils/assist/tools.ts). */
  assistDefaults: [] as AssistTool[],
  /** 指读: how long the pointer rests on an element before it is read. */
  pointReadDwellMs: 300 as number,
  /** 大字幕: type size and where the bar sits. */
  captionSizePx: 40 as number,
  captionPosition: 'bottom' as CaptionPosition,
  /** 大鼠标: fill colour (the edge is the other one) and size. */
  cursorColour: 'black' as CursorColour,
  cursorSizePx: 48 as number,
  /** Our own controls' size (labels and targets): normal, large, extra large. */
  controlSize: 'normal' as ControlSize,
  /** Pinyin over the reader's text: off, uncommon characters only, or every character. */
  pinyin: 'off' as PinyinMode,
  /** Hong Kong text is annotated in Jyutping (Cantonese) rather than pinyin. */
  jyutpingForHongKong: true as boolean,
  /** Per-site choices, by host name ("www.ziyang.gov.cn"). */
  sites: {} as Record<string, SiteSettings>,
};

export type Settings = typeof DEFAULT_SETTINGS;

/**
 * Since version 3 each site's entry is a sync item of its own, `site:<host>`, beside the settings
 * item (which holds everything else): sync allows 8,192 bytes an item, which about 170 entries
 * filled, after which every write of the settings failed. Apart, they are kept under a cap by
 * settings-storage.ts (oldest change first out), so neither can break the other.
 */
export const SITE_KEY_PREFIX = 'site:';

type FieldRepair<T> = (value: unknown) => T | undefined;

const REPAIRS: { [K in keyof Settings]: FieldRepair<Settings[K]> } = {
  fontSizePx: (value) =>
    typeof value === 'number' && FONT_SIZES_PX.includes(value) ? value : undefined,
  lineHeight: (value) =>
    typeof value === 'number' && LINE_HEIGHTS.includes(value) ? value : undefined,
  letterSpacingEm: (value) =>
    typeof value === 'number' && LETTER_SPACINGS_EM.includes(value) ? value : undefined,
  contentWidth: (value) =>
    typeof value === 'string' && Object.hasOwn(CONTENT_WIDTHS, value)
      ? (value as ContentWidth)
      : undefined,
  fontFamily: (value) =>
    typeof value === 'string' && (FONT_FAMILIES as readonly string[]).includes(value)
      ? (value as FontFamily)
      : undefined,
  theme: (value) => (isThemeName(value) ? value : undefined),
  script: (value) => (value === 'original' || isScript(value) ? value : undefined),
  sourceScript: (value) =>
    value === 'auto' || (isScript(value) && value !== 'twp') ? (value as SourceChoice) : undefined,
  speechRate: (value) =>
    typeof value === 'number' && Number.isFinite(value) && snapRate(value) === value
      ? value
      : undefined,
  speechVoice: (value) => (typeof value === 'string' && value.length <= 200 ? value : undefined),
  assistDefaults: (value) => toolList(value),
  pointReadDwellMs: (value) => oneOf(DWELL_MS_CHOICES, value),
  captionSizePx: (value) => oneOf(CAPTION_SIZES_PX, value),
  captionPosition: (value) => oneOf(CAPTION_POSITIONS, value),
  cursorColour: (value) => oneOf(CURSOR_COLOURS, value),
  cursorSizePx: (value) => oneOf(CURSOR_SIZES_PX, value),
  controlSize: (value) => (isControlSize(value) ? value : undefined),
  pinyin: (value) => (isPinyinMode(value) ? value : undefined),
  jyutpingForHongKong: (value) => (typeof value === 'boolean' ? value : undefined),
  sites: (value) => (isRecord(value) ? repairSites(value) : undefined),
};

/** `value` when it is one of `choices`. */
function oneOf<T extends string | number>(choices: readonly T[], value: unknown): T | undefined {
  return (choices as readonly unknown[]).includes(value) ? (value as T) : undefined;
}

/** A host name as the site list keys it: lower case, letters, digits, dots and hyphens. */
export function isHostName(value: string): boolean {
  return /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/.test(
    value,
  );
}

/** Keeps the sites with a valid host name and their valid flags; a site with no flag left is dropped. */
function repairSites(value: Record<string, unknown>): Record<string, SiteSettings> {
  const sites: Record<string, SiteSettings> = {};
  for (const [host, entry] of Object.entries(value)) {
    if (!isHostName(host) || !isRecord(entry)) continue;
    const site: SiteSettings = {};
    if (entry.autoOpen === true) site.autoOpen = true;
    if (entry.hideEntryButton === true) site.hideEntryButton = true;
    if (isScript(entry.script)) site.script = entry.script;
    const assist = toolList(entry.assist);
    if (assist && assist.length > 0) site.assist = assist;
    if (entry.pinyin === 'rare' || entry.pinyin === 'all') site.pinyin = entry.pinyin;
    if (Object.keys(site).length > 0) sites[host] = site;
  }
  return sites;
}

/** The pinyin mode for a site: its own "always" mode, else the reader's. */
export function pinyinModeFor(settings: Settings, host: string | undefined): PinyinMode {
  return (host && settings.sites[host]?.pinyin) || settings.pinyin;
}

/** The settings with one site's entry changed (an entry with no flag set is removed). */
export function withSite(
  settings: Settings,
  host: string,
  change: SiteSettings,
): Settings['sites'] {
  const merged: SiteSettings = { ...settings.sites[host], ...change };
  const site: SiteSettings = {};
  if (merged.autoOpen) site.autoOpen = true;
  if (merged.hideEntryButton) site.hideEntryButton = true;
  if (merged.script) site.script = merged.script;
  if (merged.assist && merged.assist.length > 0) site.assist = merged.assist;
  if (merged.pinyin) site.pinyin = merged.pinyin;
  const { [host]: _old, ...others } = settings.sites;
  return Object.keys(site).length > 0 ? { ...others, [host]: site } : others;
}

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
 * Add one here with every change of shape, and a test that an object of the old version comes out
 * right. Fields that are only added need no migration: repair gives them their defaults.
 */
export const MIGRATIONS: Record<
  number,
  (stored: Record<string, unknown>) => Record<string, unknown>
> = {
  // Version 1 had one high-contrast theme, "contrast" (white on black); version 2 names each theme.
  1: (stored) => (stored.theme === 'contrast' ? { ...stored, theme: 'white-on-black' } : stored),
  // Version 3 keeps `sites` out of the settings item, one sync item per site: the entries are the
  // same, so the object is too; settings-storage.ts moves a version-2 item's sites out on reading
  // it (see SITE_KEY_PREFIX).
  2: (stored) => stored,
};

/** What the settings item holds: the settings but the sites (items of their own), and the version. */
export type StoredSettings = Omit<Settings, 'sites'> & { version: number };

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
  const { sites: _sites, ...rest } = settings;
  return { ...rest, version: SETTINGS_VERSION };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
