/**
 * Pinyin's modes, apart from the engine and its data so settings, the popup and the reader's first
 * script can name them without carrying anything else of pinyin.
 */

/** Off, uncommon characters only (outside the first tier of 《通用规范汉字表》), or every character. */
export type PinyinMode = 'off' | 'rare' | 'all';

export const PINYIN_MODES: readonly PinyinMode[] = ['off', 'rare', 'all'];

export function isPinyinMode(value: unknown): value is PinyinMode {
  return value === 'off' || value === 'rare' || value === 'all';
}

/** One annotation as the pinyin view recorded it (performance.now() times). */
export interface PinyinRun {
  start: number;
  duration: number;
}

/**
 * Where the reader keeps its record of each time pinyin was put on (from the request to the last
 * ruby, the bundle's loading included the first time): a global of the content scripts' own world,
 * which the page cannot read (a performance.measure would tell every page the extension is
 * there). `npm run bench` reads it through the DevTools protocol.
 */
export const PINYIN_RUNS_GLOBAL = 'yiduPinyinRuns';
