/**
 * The reading sources of readings.ts over the engines: pinyin-pro (MIT) for Mandarin, to-jyutping
 * (BSD-2-Clause) for Cantonese. Imported only by the pinyin bundle (entrypoints/pinyin-engine.ts)
 * and by Node scripts and tests, never by the reader's first script or the detector.
 */
import { pinyin } from 'pinyin-pro';
import { getJyutpingList } from 'to-jyutping';
import type { Reading, ReadingSource } from './readings';

/**
 * Pinyin with tone marks, by phrase. Tones as the dictionaries give them (一 yī, 不 bù), not as
 * they change in speech: an annotation says which character it is, and 现代汉语词典 marks the
 * citation tone.
 */
export const pinyinSource: ReadingSource = (text) => {
  const readings = pinyin(text, { type: 'array', toneSandhi: false }) as string[];
  if (readings.length === codePoints(text).length) return readings.map(lowerOrNull);
  // pinyin-pro gives one entry per character; should a version group characters, read
  // character by character rather than put readings over the wrong ones.
  return codePoints(text).map((character) =>
    lowerOrNull((pinyin(character, { type: 'array' }) as string[])[0]),
  );
};

/** Jyutping with tone numbers (to-jyutping reads traditional phrases as written). */
export const jyutpingSource: ReadingSource = (text) => {
  const pairs = getJyutpingList(text);
  if (pairs.length === codePoints(text).length) return pairs.map(([, reading]) => reading);
  return codePoints(text).map((character) => getJyutpingList(character)[0]?.[1] ?? null);
};

function lowerOrNull(value: string | undefined): Reading {
  return value ? value.toLowerCase() : null;
}

function codePoints(text: string): string[] {
  return Array.from(text);
}
