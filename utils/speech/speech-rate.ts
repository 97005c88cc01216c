/**
 * The reading-aloud speed: 0.5–2.0 on a 0.1 grid, 1 being the voice's normal speed. The one
 * definition the settings, the messages, the controllers and the toolbar's slower/faster use.
 */
export const MIN_RATE = 0.5;
export const MAX_RATE = 2;
export const RATE_STEP = 0.1;

/** True for a number within the range (messages are checked with it; on the grid or not). */
export function isSpeechRate(value: unknown): value is number {
  return typeof value === 'number' && value >= MIN_RATE && value <= MAX_RATE;
}

/** A rate within 0.5–2.0 on the 0.1 grid (settings and messages may carry anything). */
export function snapRate(rate: number): number {
  if (!Number.isFinite(rate)) return 1;
  const snapped = Math.round(rate / RATE_STEP) * RATE_STEP;
  return Math.min(MAX_RATE, Math.max(MIN_RATE, Number(snapped.toFixed(1))));
}

/** One step slower (-1) or faster (1), within the range. */
export function stepRate(rate: number, direction: 1 | -1): number {
  return snapRate(rate + direction * RATE_STEP);
}

/** Every rate on the grid, slowest first (the options page offers them all). */
export const SPEECH_RATES: readonly number[] = Array.from(
  { length: Math.round((MAX_RATE - MIN_RATE) / RATE_STEP) + 1 },
  (_, index) => Number((MIN_RATE + index * RATE_STEP).toFixed(1)),
);
