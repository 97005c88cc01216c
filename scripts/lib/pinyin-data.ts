/**
 * The phrases of pinyin-pro's own "modern" dictionary (@pinyin-pro/data, the library author's data
 * for present-day Chinese; ISC licence) that pinyin-pro's bundled, trimmed data reads otherwise:
 * the source of utils/pinyin/data/modern-phrases.ts (scripts/make-pinyin-data.ts), and what a test
 * checks that file against. The whole dictionary is 1.9 MB and its 59,000 entries take pinyin-pro
 * about 150 ms to take in; the phrases it reads differently are about 1,200.
 *
 * A phrase's reading is the dictionary's, syllable by syllable, except where the dictionary gives a
 * neutral tone (no tone mark) or a changed tone of 一 or 不 (一丁 yì dīng): there the bundled
 * reading stays, for our annotation gives citation tones (engines-pinyin.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pinyin } from 'pinyin-pro';
import { withoutOurPhrases } from '../../utils/pinyin/engines-pinyin';

export const MODERN_PHRASES_FILE = new URL(
  '../../utils/pinyin/data/modern-phrases.ts',
  import.meta.url,
).pathname;

/** [reading, the dictionary's probability for the phrase] (pinyin-pro's `addDict` entry). */
export type PhraseEntry = [string, number];

const TONE_MARK = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]/;

export function modernPhraseFixes(): Record<string, PhraseEntry> {
  const path = createRequire(import.meta.url).resolve('@pinyin-pro/data/modern.json');
  const modern = JSON.parse(readFileSync(path, 'utf8')) as Record<string, [string, number]>;
  return withoutOurPhrases(() => {
    const fixes: Record<string, PhraseEntry> = {};
    for (const [phrase, [reading, probability]] of Object.entries(modern)) {
      const characters = Array.from(phrase);
      const syllables = reading.split(' ');
      if (characters.length < 2 || syllables.length !== characters.length) continue;
      const bundled = pinyin(phrase, { type: 'array', toneSandhi: false }) as string[];
      const fixed = syllables.map((syllable, index) =>
        !TONE_MARK.test(syllable) || characters[index] === '一' || characters[index] === '不'
          ? (bundled[index] as string)
          : syllable,
      );
      if (fixed.join(' ') !== bundled.join(' ')) fixes[phrase] = [fixed.join(' '), probability];
    }
    return fixes;
  });
}

/** The module utils/pinyin/data/modern-phrases.ts, as make-pinyin-data writes it. */
export function modernPhrasesModule(fixes: Record<string, PhraseEntry>): string {
  const lines = Object.entries(fixes).map(
    ([phrase, [reading, probability]]) => `  ${phrase}: ['${reading}', ${probability}],`,
  );
  return `/**
 * Made by scripts/make-pinyin-data.ts: do not edit. The ${lines.length} phrases of pinyin-pro's "modern"
 * dictionary (@pinyin-pro/data 1.3.1, https://github.com/chinese-data/pinyin-pro-data, ISC licence)
 * that pinyin-pro's bundled data reads otherwise, with that dictionary's reading (citation tones
 * kept where it gives a neutral or changed tone) and probability. See scripts/lib/pinyin-data.ts.
 */
export const MODERN_PHRASES: Readonly<Record<string, [string, number]>> = {
${lines.join('\n')}
};
`;
}
