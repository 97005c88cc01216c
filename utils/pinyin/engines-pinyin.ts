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
  const readings = pinyin(text, { type: 'array', toneSandhi: false }) as string[];
  const characters = Array.from(text);
  if (readings.length === characters.length) return readings.map(lowerOrNull);
  // pinyin-pro gives one entry per character; should a version group characters, read
  // character by character rather than put readings over the wrong ones.
  return characters.map((character) =>
    lowerOrNull((pinyin(character, { type: 'array' }) as string[])[0]),
  );
};

function lowerOrNull(value: string | undefined): Reading {
  return value ? value.toLowerCase() : null;
}
