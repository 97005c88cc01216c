import { describe, expect, it } from 'vitest';
import { contrastRatio } from '~/utils/display/contrast';
import {
  FONT_SIZES_PX,
  MAX_FONT_SIZE_PX,
  MIN_FONT_SIZE_PX,
  stepFontSize,
} from '~/utils/display/font-size';
import { THEMES } from '~/utils/display/themes';

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
  ])(`%s reaches ${minimum}:1`, (_part, foreground, background) => {
    expect(contrastRatio(foreground, background)).toBeGreaterThanOrEqual(minimum);
  });
});
