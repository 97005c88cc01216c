/**
 * The dictionaries we carry (utils/convert/data, compact-dictionary.ts): exactly opencc-js's entries,
 * in the order the lazy lookup of phrase-table.ts depends on, and exactly what
 * scripts/make-opencc-data.ts makes from the opencc-js installed now.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  decodeDictionary,
  encodeDictionary,
  expandValue,
  openccEntries,
} from '~/utils/convert/compact-dictionary';
import { DICTIONARY_NAMES } from '~/utils/convert/dictionaries';
import { dictionaryFile, loadNodeDictionaries } from '~/utils/convert/load-node';
import { CHARACTER_DICTIONARIES } from '~/utils/convert/plan';
import { openccDictionary } from '../../scripts/lib/opencc-data';

const codePoints = (text: string) => [...text].map((c) => c.codePointAt(0) as number);

/** Negative when a sorts before b by code points, as OpenCC sorts its keys. */
function order(a: number[], b: number[]): number {
  const differ = a.findIndex((cp, k) => cp !== b[k]);
  if (differ < 0 || differ >= b.length) return a.length - b.length;
  return (a[differ] as number) - (b[differ] as number);
}

describe('the dictionaries we carry', () => {
  it.each(DICTIONARY_NAMES)('%s holds exactly the entries of opencc-js', async (name) => {
    const ours = (await loadNodeDictionaries([name]))[name] ?? '';
    const theirs = openccEntries(await openccDictionary(name));
    expect(theirs.length).toBeGreaterThan(0);
    expect(decodeDictionary(ours)).toEqual(theirs);
  });

  it.each(DICTIONARY_NAMES)('%s is what make-opencc-data makes of it now', async (name) => {
    const made = encodeDictionary(openccEntries(await openccDictionary(name)));
    expect(
      readFileSync(dictionaryFile(name), 'utf8') === made,
      `rerun scripts/make-opencc-data.ts`,
    ).toBe(true);
  });

  it.each(DICTIONARY_NAMES)('%s is sorted by the code points of its keys', async (name) => {
    const ours = (await loadNodeDictionaries([name]))[name] ?? '';
    const keys = decodeDictionary(ours).map(([key]) => codePoints(key));
    for (let i = 1; i < keys.length; i += 1) {
      const [a, b] = [keys[i - 1] as number[], keys[i] as number[]];
      expect(order(a, b), `${name}: ${String.fromCodePoint(...a)}`).toBeLessThan(0);
    }
    if (CHARACTER_DICTIONARIES.has(name)) expect(keys.every((key) => key.length === 1)).toBe(true);
  });
});

describe('the compact form', () => {
  it('writes each first code point once and unchanged characters as dots', () => {
    const compact = encodeDictionary([
      ['一丝不挂', '一絲不掛'],
      ['一', '壹'],
      ['𠮷野', '𠮷野家'],
      ['㓦划', '㓦劃'],
    ]);
    expect(compact).toBe('㓦划 .劃\n一 壹|丝不挂 .絲.掛\n𠮷野 ..家');
    expect(decodeDictionary(compact)).toEqual([
      ['㓦划', '㓦劃'],
      ['一', '壹'],
      ['一丝不挂', '一絲不掛'],
      ['𠮷野', '𠮷野家'],
    ]);
  });

  it('refuses what it could not carry exactly', () => {
    expect(() => encodeDictionary([['a.b', 'c']])).toThrow();
    expect(() => encodeDictionary([['ab', 'c|d']])).toThrow();
    expect(() => encodeDictionary([['a b', 'c']])).toThrow();
    expect(() =>
      encodeDictionary([
        ['ab', 'c'],
        ['ab', 'd'],
      ]),
    ).toThrow();
  });

  it('expands dots from the key, astral code points included', () => {
    expect(expandValue('𠮷野', '.家')).toBe('𠮷家');
    expect(expandValue('头发', '頭髮')).toBe('頭髮');
  });
});
