/**
 * The modern phrases we add to pinyin-pro (utils/pinyin/data/modern-phrases.ts): exactly what
 * scripts/make-pinyin-data.ts makes from the @pinyin-pro/data and pinyin-pro installed now, each a
 * phrase of two or more characters with one toned syllable per character.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODERN_PHRASES } from '~/utils/pinyin/data/modern-phrases';
import {
  MODERN_PHRASES_FILE,
  modernPhraseFixes,
  modernPhrasesModule,
} from '../../scripts/lib/pinyin-data';

describe('the modern phrases', () => {
  it('are what make-pinyin-data makes of the data installed now', () => {
    const made = modernPhrasesModule(modernPhraseFixes());
    expect(
      readFileSync(MODERN_PHRASES_FILE, 'utf8') === made,
      'rerun scripts/make-pinyin-data.ts',
    ).toBe(true);
  }, 60_000);

  it('are phrases of two or more characters, one toned syllable for each', () => {
    const entries = Object.entries(MODERN_PHRASES);
    expect(entries.length).toBeGreaterThan(1000);
    for (const [phrase, [reading, probability]] of entries) {
      const syllables = reading.split(' ');
      expect(Array.from(phrase).length).toBeGreaterThanOrEqual(2);
      expect(syllables).toHaveLength(Array.from(phrase).length);
      expect(probability).toBeGreaterThan(0);
    }
    expect(MODERN_PHRASES.重组?.[0]).toBe('chóng zǔ');
  });
});
