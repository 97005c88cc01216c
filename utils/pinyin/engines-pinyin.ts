/**
 * pinyin-pro (MIT) as a reading source of readings.ts. Imported only by the pinyin bundle
 * (entrypoints/pinyin-engine.ts), Node scripts and tests, never by the reader's first script or
 * the detector.
 */
import { addDict, pinyin, removeDict } from 'pinyin-pro';
import { MODERN_PHRASES } from './data/modern-phrases';
import type { Reading, ReadingSource } from './readings';

/**
 * pinyin-pro's bundled phrase data is trimmed: a polyphone in a phrase it lacks gets the
 * character's most frequent reading (重组 zhòng zǔ, 率先 lǜ xiān). The phrases of its author's fuller
 * "modern" dictionary that it reads otherwise (data/modern-phrases.ts, about 1,200) are added to
 * it before the first reading, so its own segmentation weighs them against their neighbours.
 */
const PHRASES_NAME = 'yidu-modern-phrases';
let phrasesAdded = false;

function addPhrases(): void {
  if (phrasesAdded) return;
  addDict(MODERN_PHRASES, PHRASES_NAME);
  phrasesAdded = true;
}

/**
 * Runs `read` with pinyin-pro as it comes, without our phrases (which pinyin-pro keeps in its one
 * global state): for the figures and tests of the library alone.
 */
export function withoutOurPhrases<T>(read: () => T): T {
  if (!phrasesAdded) return read();
  removeDict(PHRASES_NAME);
  phrasesAdded = false;
  try {
    return read();
  } finally {
    addPhrases();
  }
}

/**
 * Pinyin with tone marks, by phrase. Tones as the dictionaries give them (一 yī, 不 bù), not as
 * they change in speech: an annotation says which character it is, and 现代汉语词典 marks the
 * citation tone.
 */
export const pinyinSource: ReadingSource = (text) => {
  addPhrases();
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
