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
