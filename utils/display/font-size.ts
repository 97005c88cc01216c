import { nextOnScale } from './scale';

/**
 * Reader text sizes, in px. Finer steps at small sizes, where one pixel shows, and larger ones
 * above 30 px (the MIIT elder-friendly guidance's largest-size minimum). 16 px to 64 px.
 */
export const FONT_SIZES_PX: readonly number[] = [
  16, 17, 18, 19, 20, 21, 22, 24, 26, 28, 30, 32, 36, 40, 44, 48, 56, 64,
];

export const MIN_FONT_SIZE_PX = 16;
export const MAX_FONT_SIZE_PX = 64;

/** The next size up (or down) from `current`; a size off the scale moves to its nearest neighbour. */
export function stepFontSize(current: number, direction: 1 | -1): number {
  return (
    nextOnScale(FONT_SIZES_PX, current, direction) ??
    (direction === 1 ? MAX_FONT_SIZE_PX : MIN_FONT_SIZE_PX)
  );
}
