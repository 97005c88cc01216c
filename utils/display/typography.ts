/**
 * Reader typography as data and pure functions: line heights, letter spacing, content widths, the
 * three Chinese type styles with per-OS fallbacks, and the elder-friendly preset (关怀模式).
 */

/** Line height, as a multiple of the font size: 1.5 to 2.2. */
export const LINE_HEIGHTS: readonly number[] = [1.5, 1.6, 1.7, 1.8, 1.9, 2.0, 2.2];

/** Extra space between characters, in em. */
export const LETTER_SPACINGS_EM: readonly number[] = [0, 0.05, 0.1, 0.15];

/** Content width in characters (em): short lines are easier to follow at large sizes. */
export const CONTENT_WIDTHS = { narrow: 26, medium: 34, wide: 44, full: 0 } as const;
export type ContentWidth = keyof typeof CONTENT_WIDTHS;

/**
 * Chinese type styles, each a list of families the major systems ship (Windows, macOS, ChromeOS
 * and Linux's Noto/AR PL packages), simplified or traditional first by the article's script.
 */
export const FONT_FAMILIES = ['sans', 'serif', 'kai'] as const;
export type FontFamily = (typeof FONT_FAMILIES)[number];

const FONT_STACKS: Record<FontFamily, { hans: string[]; hant: string[]; generic: string }> = {
  sans: {
    hans: [
      'Noto Sans CJK SC',
      'Source Han Sans SC',
      'PingFang SC',
      'Microsoft YaHei',
      'Hiragino Sans GB',
      'WenQuanYi Micro Hei',
    ],
    hant: [
      'Noto Sans CJK TC',
      'Source Han Sans TC',
      'PingFang TC',
      'Microsoft JhengHei',
      'Noto Sans CJK HK',
    ],
    generic: 'sans-serif',
  },
  serif: {
    hans: [
      'Noto Serif CJK SC',
      'Source Han Serif SC',
      'Songti SC',
      'STSong',
      'SimSun',
      'AR PL UMing CN',
    ],
    hant: [
      'Noto Serif CJK TC',
      'Source Han Serif TC',
      'Songti TC',
      'PMingLiU',
      'MingLiU',
      'AR PL UMing TW',
    ],
    generic: 'serif',
  },
  kai: {
    hans: ['Kaiti SC', 'STKaiti', 'KaiTi', 'KaiTi_GB2312', 'AR PL UKai CN', 'LXGW WenKai'],
    hant: ['Kaiti TC', 'BiauKai', 'DFKai-SB', 'AR PL UKai TW', 'TW-Kai'],
    // With no Kai font installed, a serif (宋体) is the nearest in feel.
    generic: 'serif',
  },
};

/** The CSS font-family list for a style, with the article's script first. */
export function fontStack(family: FontFamily, lang: string | undefined): string {
  const stack = FONT_STACKS[family];
  const traditional = /^zh-(Hant|TW|HK|MO)/i.test(lang ?? '');
  const names = traditional ? [...stack.hant, ...stack.hans] : [...stack.hans, ...stack.hant];
  return [...names.map((name) => `"${name}"`), stack.generic].join(', ');
}

/**
 * The MIIT 2021 elder-friendly design rules for websites (《互联网网站适老化通用设计规范》): main text
 * at least 18 px with a way to enlarge it to at least 30 px, and line spacing at least 1.3.
 */
export const ELDER_FRIENDLY_MINIMUMS = { fontSizePx: 18, largestFontSizePx: 30, lineHeight: 1.3 };

/** 关怀模式: one tap to large, well-spaced, plain type. */
export const ELDER_PRESET = {
  fontSizePx: 26,
  lineHeight: 2.0,
  letterSpacingEm: 0.05,
  contentWidth: 'narrow' as ContentWidth,
  fontFamily: 'sans' as FontFamily,
};

export interface TypographySettings {
  fontSizePx: number;
  lineHeight: number;
  letterSpacingEm: number;
  contentWidth: ContentWidth;
  fontFamily: FontFamily;
}

/** The reader's typography as CSS custom properties (px and unitless: rem follows the page). */
export function typographyDeclarations(settings: TypographySettings, lang?: string): string {
  const width = CONTENT_WIDTHS[settings.contentWidth];
  return [
    `--yd-font-size:${settings.fontSizePx}px`,
    `--yd-line-height:${settings.lineHeight}`,
    `--yd-letter-spacing:${settings.letterSpacingEm}em`,
    `--yd-content-width:${width === 0 ? 'none' : `${width}em`}`,
    `--yd-font-family:${fontStack(settings.fontFamily, lang)}`,
  ].join(';');
}
