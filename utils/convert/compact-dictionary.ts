/**
 * The form the extension and Node carry OpenCC's dictionaries in (utils/convert/data/*.txt, made by
 * scripts/make-opencc-data.ts from opencc-js's own modules, never edited by hand). opencc-js
 * serializes a dictionary as `key value|key value|…`; this form holds the same entries in about two
 * thirds of the bytes, and is laid out for the lazy lookup of phrase-table.ts:
 *
 * - one line per first code point of the keys, lines sorted by that code point: the code point, then
 *   the entries whose key starts with it, joined by `|`, sorted by the code points of the rest of the
 *   key;
 * - an entry is the rest of the key (empty for the key that is the code point alone, which comes first),
 *   a space, and the value;
 * - in the value, a `.` stands for the key's code point at the same position (一丝不挂 → 一絲不掛 is
 *   `丝不挂 .絲.掛` on the line of 一): 60% of the phrase characters are unchanged by a conversion.
 *
 * No key or value of OpenCC has `.`, `|`, a line break, or a space in a key (`encodeDictionary`
 * refuses otherwise).
 */

/** Stands in a value for the key's code point at the same position. */
export const SAME = '.';

/** One entry of an OpenCC dictionary. */
export type DictionaryEntry = readonly [key: string, value: string];

const compareCodePoints = (a: string, b: string): number => {
  const [x, y] = [[...a], [...b]];
  for (let i = 0; i < Math.min(x.length, y.length); i += 1) {
    const d = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
};

/** The entries of opencc-js's serialized form, in its order. */
export function openccEntries(serialized: string): DictionaryEntry[] {
  if (serialized === '') return [];
  return serialized.split('|').map((entry) => {
    const space = entry.indexOf(' ');
    if (space <= 0) throw new Error(`not an OpenCC entry: ${entry}`);
    return [entry.slice(0, space), entry.slice(space + 1)] as const;
  });
}

/** The compact form of some entries (see above); throws on entries it could not carry exactly. */
export function encodeDictionary(entries: readonly DictionaryEntry[]): string {
  const seen = new Set<string>();
  for (const [key, value] of entries) {
    if (key === '' || /[ |\n.]/u.test(key) || /[|\n.]/u.test(value))
      throw new Error(`cannot carry the entry ${JSON.stringify([key, value])}`);
    if (seen.has(key)) throw new Error(`duplicate key ${key}`);
    seen.add(key);
  }
  const sorted = [...entries].sort((a, b) => compareCodePoints(a[0], b[0]));
  const lines: string[] = [];
  let line: string[] = [];
  let first = '';
  for (const [key, value] of sorted) {
    const keyPoints = [...key];
    const head = keyPoints[0] as string;
    if (head !== first) {
      if (line.length > 0) lines.push(`${first}${line.join('|')}`);
      first = head;
      line = [];
    }
    const shortened = [...value].map((c, i) => (c === keyPoints[i] ? SAME : c)).join('');
    line.push(`${keyPoints.slice(1).join('')} ${shortened}`);
  }
  if (line.length > 0) lines.push(`${first}${line.join('|')}`);
  return lines.join('\n');
}

/** The value an entry stands for, given its whole key and its value as written. */
export function expandValue(key: string, written: string): string {
  if (!written.includes(SAME)) return written;
  // A plain loop over UTF-16 units (the converter calls this while it converts its first text).
  let value = '';
  let at = 0;
  for (let i = 0; i < written.length; i += 1) {
    const keyWidth = isHighSurrogate(key.charCodeAt(at)) ? 2 : 1;
    const unit = written.charCodeAt(i);
    if (unit === DOT) value += key.slice(at, at + keyWidth);
    else if (isHighSurrogate(unit)) {
      value += written.slice(i, i + 2);
      i += 1;
    } else value += written[i];
    at += keyWidth;
  }
  return value;
}

const DOT = SAME.charCodeAt(0);
const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;

/** Every entry of the compact form, in its order (for tests and tools; the converter reads lazily). */
export function decodeDictionary(compact: string): DictionaryEntry[] {
  if (compact === '') return [];
  return compact.split('\n').flatMap((line) => {
    const first = String.fromCodePoint(line.codePointAt(0) as number);
    return line
      .slice(first.length)
      .split('|')
      .map((entry) => {
        const space = entry.indexOf(' ');
        const key = first + entry.slice(0, space);
        return [key, expandValue(key, entry.slice(space + 1))] as const;
      });
  });
}
