/**
 * The scripts a reader can choose, named as OpenCC (and opencc-js) name them, and the BCP 47 tag each
 * one is shown under, so fonts, screen readers and speech follow the shown script (issue 5).
 */

/**
 * - `cn`: 简体 (mainland simplified)
 * - `t`: 繁體, OpenCC's standard traditional characters
 * - `tw`: 臺灣正體 (Taiwan character variants)
 * - `twp`: 臺灣正體 with Taiwan wording (软件 → 軟體)
 * - `hk`: 香港繁體 (Hong Kong character variants)
 */
export type Script = 'cn' | 't' | 'tw' | 'twp' | 'hk';

export const SCRIPTS: readonly Script[] = ['cn', 't', 'tw', 'twp', 'hk'];

export function isScript(value: unknown): value is Script {
  return typeof value === 'string' && (SCRIPTS as readonly string[]).includes(value);
}

/** The `lang` value for text shown in each script. */
export const LANG_TAG: Record<Script, string> = {
  cn: 'zh-Hans',
  t: 'zh-Hant',
  tw: 'zh-TW',
  twp: 'zh-TW',
  hk: 'zh-HK',
};
