/**
 * Dictionaries for Node (tests, `npm run inspect`, `npm run bench`): read from utils/convert/data,
 * each only when asked for. Plain files, not modules: nothing to compile, and no module loader (nor
 * tsx's hooks) between the bytes and the string. The extension cannot do this (its content scripts
 * are single files), see load-extension.ts.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { DictionaryData, DictionaryName } from './dictionaries';
import type { DictionaryLoader } from './load-converter';

/** The file that holds a dictionary's compact form (compact-dictionary.ts). */
export function dictionaryFile(name: DictionaryName): string {
  return fileURLToPath(new URL(`./data/${name}.txt`, import.meta.url));
}

export const loadNodeDictionaries: DictionaryLoader = async (names) => {
  const data: DictionaryData = {};
  await Promise.all(
    names.map(async (name) => {
      data[name] = await readFile(dictionaryFile(name), 'utf8');
    }),
  );
  return data;
};
