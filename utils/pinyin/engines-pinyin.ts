/**
 * pinyin-pro (MIT) as a reading source of readings.ts. Imported only by the pinyin bundle
 * (entrypoints/pinyin-engine.ts), Node scripts and tests, never by the reader's first script or
 * the detector.
 */
import { pinyin } from 'pinyin-pro';
import type { Reading, ReadingSource } from './readings';

/**
 * Pinyin with tone marks, by phrase. Tones as the dictionaries give them (一 yī, 不 bù), not as
 * they change in speech: an annotation says which character it is, and 现代汉语词典 marks the
 * citation tone.
 */
export const pinyinSource: ReadingSource = (text) => {
  const readings: Reading[] = pinyin(text, { type: 'array', toneSandhi: false }) as string[];
  if (readings.length === codePointCount(text)) return readings;
  // pinyin-pro gives one entry per character; should a version group characters, read
  // character by character rather than put readings over the wrong ones.
  return Array.from(
    text,
    (character) => (pinyin(character, { type: 'array' }) as string[])[0] ?? null,
  );
};

function codePointCount(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) count -= 1;
  }
  return count;
}
