/**
 * Stepping along a sorted scale of values (text sizes, page zoom factors): the one way the
 * larger/smaller buttons and shortcuts move.
 */

/** How close two values must be to count as the same step (zoom factors come back as floats). */
const SAME_STEP = 0.001;

/**
 * The next value of `scale` above (1) or below (-1) `current`; undefined past the scale's end. A
 * value off the scale moves to its nearest neighbour in that direction.
 */
export function nextOnScale(
  scale: readonly number[],
  current: number,
  direction: 1 | -1,
): number | undefined {
  if (direction === 1) return scale.find((step) => step > current + SAME_STEP);
  return scale.findLast((step) => step < current - SAME_STEP);
}
