/**
 * The pure core of pinyin (issue 14): text in, one reading (or none) per character out, for the
 * script the text is written in and the mode the reader chose. No DOM, no extension API, and no
 * engine of its own: the engine (pinyin-pro, or to-jyutping for Hong Kong text) is handed in, so
 * the engine's code and data travel only in the on-demand bundle (entrypoints/pinyin-engine.ts).
 *
 * Polyphones are read by phrase (银行行长 yín háng háng zhǎng). pinyin-pro's phrase data is
 * simplified, so traditional text is first mapped to simplified character for character through
 * our own OpenCC converter (phrase-aware: 乾燥 → 干燥, 幹部 → 干部), read there, and each reading is
 * put back over the original character.
 */
import type { Script } from '../convert/scripts';
import type { TextConverter } from '../convert/text-converter';
import { FIRST_TIER_CHARACTERS } from './data/first-tier';
import { PHRASE_FIXES } from './data/phrase-fixes';
import type { PinyinMode } from './modes';

export { isPinyinMode, PINYIN_MODES, type PinyinMode } from './modes';

/** Mandarin pinyin with tone marks, or Cantonese Jyutping (offered for Hong Kong text). */
export type Romanization = 'pinyin' | 'jyutping';

/** A reading for one character, or null where none is shown. */
export type Reading = string | null;

/**
 * Reads a string: one entry per code point of `text`, in order (a reading, or null for a
 * character it has none for). Implemented over pinyin-pro and to-jyutping in engines.ts.
 */
export type ReadingSource = (text: string) => Reading[];

export interface ReadOptions {
  mode: PinyinMode;
  /**
   * Converts the text's script to simplified (`cn`), or null for simplified text. Only its
   * character-for-character part is used (see `simplifiedAligned`).
   */
  toSimplified: TextConverter | null;
  /** Reads simplified text (pinyin), or the original text as written (Jyutping). */
  source: ReadingSource;
  /**
   * `pinyin` (the default) reads the simplified text and corrects it with the phrase fixes;
   * `jyutping` reads the original characters (to-jyutping knows traditional phrases itself).
   */
  romanization?: Romanization;
}

/**
 * One reading per UTF-16 unit of `text`: the reading of the character that starts there, or null
 * (for the second unit of a surrogate pair, and for every character with no reading shown).
 * Only CJK ideographs of the Basic Multilingual Plane get a reading: Latin, digits, punctuation,
 * 〇 and characters outside the BMP never do, nor does any character the engine does not know.
 */
export function readText(text: string, options: ReadOptions): Reading[] {
  const readings: Reading[] = new Array(text.length).fill(null);
  if (options.mode === 'off' || !hasIdeograph(text)) return readings;
  const simplified = options.toSimplified ? simplifiedAligned(text, options.toSimplified) : text;
  const pinyin = options.romanization !== 'jyutping';
  const fromSource = pinyin ? readPinyin(simplified, options.source) : options.source(text);
  let unit = 0;
  let point = 0;
  while (unit < text.length) {
    const code = text.charCodeAt(unit);
    if (isIdeograph(code)) {
      const reading = fromSource[point];
      if (
        isReading(reading) &&
        (options.mode === 'all' || !isFirstTier(simplified[unit] as string))
      )
        readings[unit] = reading;
    }
    unit += isHighSurrogate(code) && unit + 1 < text.length ? 2 : 1;
    point += 1;
  }
  return readings;
}

/**
 * `text` in simplified characters, code point for code point: where the converter turns one
 * character into exactly one character (乾 → 干 in 乾燥, 著 → 着 in 著急) the simplified one takes its
 * place; anywhere else (a phrase that changes length, a variant it cannot place) the original
 * character stays. The result has the same UTF-16 length as `text`, so offsets carry over.
 */
export function simplifiedAligned(text: string, converter: TextConverter): string {
  if (converter.identity) return text;
  const aligned = converter.convertAligned(text);
  let output = '';
  let unit = 0;
  let from = aligned.outputOffset(0);
  while (unit < text.length) {
    const width = isHighSurrogate(text.charCodeAt(unit)) && unit + 1 < text.length ? 2 : 1;
    const to = aligned.outputOffset(unit + width);
    const piece = aligned.text.slice(from, to);
    output +=
      piece.length === width && codePointCount(piece) === 1
        ? piece
        : text.slice(unit, unit + width);
    from = to;
    unit += width;
  }
  return output;
}

/**
 * Characters that stay as they are in traditional→simplified conversion but stand for another
 * simplified character in some phrases: 著 is 著 in 显著 (zhù) and 着 in 著急 (zháo), and OpenCC's
 * traditional→simplified phrases do not list every such phrase.
 */
const SIMPLIFIED_ALTERNATIVES: Readonly<Record<string, string>> = { 著: '着' };

/**
 * Pinyin of simplified text, one entry per code point: the source's readings, where a character
 * with a simplified alternative takes the alternative's reading if that one is read as part of a
 * phrase (著急 read as 着急: zháo), then the phrase fixes.
 */
function readPinyin(simplified: string, source: ReadingSource): Reading[] {
  const readings = source(simplified);
  if (simplified.includes('著')) {
    const points = Array.from(simplified);
    const alternative = points.map((character) => SIMPLIFIED_ALTERNATIVES[character] ?? character);
    const alternativeReadings = source(alternative.join(''));
    points.forEach((character, index) => {
      const replacement = SIMPLIFIED_ALTERNATIVES[character];
      if (!replacement) return;
      const reading = alternativeReadings[index];
      // Read on its own, the alternative has its everyday reading (着 zhe): a different one means
      // a phrase of the engine matched.
      if (reading && reading !== source(replacement)[0]) readings[index] = reading;
    });
  }
  applyPhraseFixes(simplified, readings);
  return readings;
}

/**
 * Puts the dictionary's reading over every phrase of PHRASE_FIXES, longest match first. Walks the
 * text by UTF-16 unit (the keys are all in the BMP) and counts code points for `readings`; only a
 * character that starts a phrase is looked at further, against its own phrases.
 */
function applyPhraseFixes(text: string, readings: Reading[]): void {
  let point = 0;
  for (let unit = 0; unit < text.length; unit += 1, point += 1) {
    const code = text.charCodeAt(unit);
    if (isHighSurrogate(code)) {
      unit += 1;
      continue;
    }
    if (fixStarts[code] !== 1) continue;
    const candidates = fixesByStart.get(text[unit] as string);
    if (!candidates) continue;
    for (const [phrase, syllables] of candidates) {
      if (!text.startsWith(phrase, unit)) continue;
      for (let offset = 0; offset < syllables.length; offset += 1)
        readings[point + offset] = syllables[offset] as string;
      unit += phrase.length - 1;
      point += phrase.length - 1;
      break;
    }
  }
}

/** The script whose conversion to simplified keeps the characters' words (軟體 stays 軟體, not 软件). */
export function readingScript(script: Script): Script {
  return script === 'twp' ? 'tw' : script;
}

/** Jyutping for Hong Kong text, pinyin for everything else. */
export function romanizationFor(script: Script, preferJyutping: boolean): Romanization {
  return script === 'hk' && preferJyutping ? 'jyutping' : 'pinyin';
}

/** `[character, reading]` pairs in order, one per code point (for `npm run inspect --json`). */
export function readingPairs(text: string, readings: readonly Reading[]): [string, Reading][] {
  const pairs: [string, Reading][] = [];
  let unit = 0;
  while (unit < text.length) {
    const width = isHighSurrogate(text.charCodeAt(unit)) && unit + 1 < text.length ? 2 : 1;
    pairs.push([text.slice(unit, unit + width), readings[unit] ?? null]);
    unit += width;
  }
  return pairs;
}

const firstTier = new Set(FIRST_TIER_CHARACTERS);
/**
 * The phrase fixes by their first character, longest first, each with its syllables: most
 * characters start none, and are passed at once.
 */
const fixesByStart = new Map<string, [string, string[]][]>();
/** 1 at the code unit of every first character of a phrase fix (a lookup that makes no string). */
const fixStarts = new Uint8Array(0x10000);
for (const [phrase, reading] of Object.entries(PHRASE_FIXES)) {
  const first = phrase[0] as string;
  fixStarts[first.charCodeAt(0)] = 1;
  const list = fixesByStart.get(first) ?? [];
  list.push([phrase, reading.split(' ')]);
  list.sort(([a], [b]) => b.length - a.length);
  fixesByStart.set(first, list);
}

/** True for the 3,500 characters of the first tier of 《通用规范汉字表》. */
export function isFirstTier(character: string): boolean {
  return firstTier.has(character);
}

/** CJK Unified Ideographs, Extension A and the compatibility block: the BMP's Han characters. */
export function isIdeograph(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff)
  );
}

function hasIdeograph(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (isIdeograph(text.charCodeAt(i))) return true;
  return false;
}

/**
 * A reading is Latin letters with tone marks (pinyin) or with a tone digit (Jyutping): it starts
 * below the CJK blocks. An engine that does not know a character gives the character back (or
 * nothing): no reading.
 */
function isReading(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.charCodeAt(0) < 0x2e80;
}

function codePointCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += isHighSurrogate(text.charCodeAt(i)) ? 2 : 1) count += 1;
  return count;
}

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
