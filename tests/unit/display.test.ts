import { describe, expect, it } from 'vitest';
import { contrastRatio } from '~/utils/display/contrast';
import {
  FONT_SIZES_PX,
  MAX_FONT_SIZE_PX,
  MIN_FONT_SIZE_PX,
  stepFontSize,
} from '~/utils/display/font-size';
import { THEME_NAMES, THEMES, themeStylesheet } from '~/utils/display/themes';
import {
  CONTENT_WIDTHS,
  ELDER_FRIENDLY_MINIMUMS,
  ELDER_PRESET,
  FONT_FAMILIES,
  fontStack,
  LINE_HEIGHTS,
  typographyDeclarations,
} from '~/utils/display/typography';
import { DEFAULT_SETTINGS, repairSettings } from '~/utils/settings';

describe('text sizes', () => {
  it('run from 16 px to 64 px in increasing steps, with finer steps at small sizes', () => {
    expect(FONT_SIZES_PX[0]).toBe(MIN_FONT_SIZE_PX);
    expect(FONT_SIZES_PX.at(-1)).toBe(MAX_FONT_SIZE_PX);
    const steps = FONT_SIZES_PX.slice(1).map((size, index) => size - (FONT_SIZES_PX[index] ?? 0));
    expect(steps.every((step) => step > 0)).toBe(true);
    expect(Math.max(...steps.slice(0, 5))).toBe(1);
  });

  it('step up and down, stopping at the ends, and snap sizes off the scale', () => {
    expect(stepFontSize(20, 1)).toBe(21);
    expect(stepFontSize(20, -1)).toBe(19);
    expect(stepFontSize(64, 1)).toBe(64);
    expect(stepFontSize(16, -1)).toBe(16);
    expect(stepFontSize(23, 1)).toBe(24);
    expect(stepFontSize(23, -1)).toBe(22);
  });
});

describe('contrastRatio', () => {
  it('matches WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});

describe.each(Object.entries(THEMES))('theme %s', (_name, theme) => {
  const minimum = theme.highContrast ? 7 : 4.5;
  it.each([
    ['text', theme.text, theme.background],
    ['secondary text', theme.muted, theme.background],
    ['links', theme.link, theme.background],
    ['focus ring', theme.focus, theme.background],
    ['button text', theme.buttonText, theme.buttonBackground],
    // A pressed button swaps text and ground.
    ['pressed button text', theme.background, theme.text],
  ])(`%s reaches ${minimum}:1`, (_part, foreground, background) => {
    expect(contrastRatio(foreground, background)).toBeGreaterThanOrEqual(minimum);
  });
  // WCAG 1.4.11: the edges of controls and the focus ring against what is around them.
  it.each([
    ['button border on the page', theme.border, theme.background],
    ['button border on the button', theme.border, theme.buttonBackground],
    ['focus ring on a button', theme.focus, theme.buttonBackground],
  ])('%s reaches 3:1', (_part, foreground, background) => {
    expect(contrastRatio(foreground, background)).toBeGreaterThanOrEqual(3);
  });
});

describe('themes', () => {
  it('offer the six palettes of the issue and "follow the system", three of them high contrast', () => {
    expect(THEME_NAMES).toEqual([
      'default',
      'sepia',
      'dark',
      'black-on-white',
      'white-on-black',
      'yellow-on-black',
      'system',
    ]);
    expect(Object.values(THEMES).filter((theme) => theme.highContrast)).toHaveLength(3);
  });

  it('give dark grounds a heavier body weight, so CJK strokes stay crisp', () => {
    expect(themeStylesheet('.x', 'white-on-black')).toContain('--yd-body-weight:500');
    expect(themeStylesheet('.x', 'default')).toContain('--yd-body-weight:400');
  });

  it('"follow the system" answers dark mode, more contrast and forced colours', () => {
    const css = themeStylesheet('.x', 'system');
    expect(css).toContain('@media (prefers-color-scheme: dark)');
    expect(css).toContain('@media (prefers-contrast: more)');
    expect(css).toMatch(
      /@media \(forced-colors: active\)\{\.x\{--yd-text:CanvasText;--yd-bg:Canvas/,
    );
  });
});

describe('typography', () => {
  it('line heights run from 1.5 to 2.2 with the default about 1.8', () => {
    expect(LINE_HEIGHTS[0]).toBe(1.5);
    expect(LINE_HEIGHTS.at(-1)).toBe(2.2);
    expect(DEFAULT_SETTINGS.lineHeight).toBe(1.8);
  });

  it('关怀模式 meets the MIIT elder-friendly numbers and is a valid setting', () => {
    expect(ELDER_PRESET.fontSizePx).toBeGreaterThanOrEqual(ELDER_FRIENDLY_MINIMUMS.fontSizePx);
    expect(ELDER_PRESET.lineHeight).toBeGreaterThanOrEqual(ELDER_FRIENDLY_MINIMUMS.lineHeight);
    expect(MAX_FONT_SIZE_PX).toBeGreaterThanOrEqual(ELDER_FRIENDLY_MINIMUMS.largestFontSizePx);
    expect(repairSettings({ ...DEFAULT_SETTINGS, ...ELDER_PRESET })).toEqual({
      ...DEFAULT_SETTINGS,
      ...ELDER_PRESET,
    });
  });

  it("puts the article script's fonts first and ends with a generic family", () => {
    for (const family of FONT_FAMILIES) {
      const hans = fontStack(family, 'zh-Hans');
      const hant = fontStack(family, 'zh-Hant');
      expect(hans).toMatch(/^"[^"]+SC"|^"(KaiTi|Kaiti SC)"/);
      expect(hant.split(',')[0]).toMatch(/TC|BiauKai/);
      expect(hans).toMatch(/(sans-serif|serif)$/);
    }
    expect(fontStack('sans', 'zh-HK').split(',')[0]).toContain('TC');
    expect(fontStack('kai', undefined)).toContain('"KaiTi"');
  });

  it("turns settings into the reader's CSS variables, in px", () => {
    const css = typographyDeclarations({
      fontSizePx: 32,
      lineHeight: 2,
      letterSpacingEm: 0.05,
      contentWidth: 'narrow',
      fontFamily: 'serif',
    });
    expect(css).toContain('--yd-font-size:32px');
    expect(css).toContain('--yd-line-height:2');
    expect(css).toContain('--yd-letter-spacing:0.05em');
    expect(css).toContain(`--yd-content-width:${CONTENT_WIDTHS.narrow}em`);
    expect(css).toContain('--yd-font-family:"Noto Serif CJK SC"');
    expect(typographyDeclarations({ ...DEFAULT_SETTINGS, contentWidth: 'full' })).toContain(
      '--yd-content-width:none',
    );
  });
});
