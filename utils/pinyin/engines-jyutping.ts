/**
 * to-jyutping (BSD-2-Clause) as a reading source of readings.ts, for Hong Kong text. A bundle of
 * its own (entrypoints/jyutping-engine.ts): its 390 KB load only for Hong Kong text.
 */
import { getJyutpingList } from 'to-jyutping';
import type { ReadingSource } from './readings';

/** Jyutping with tone numbers; to-jyutping reads traditional phrases as written. */
export const jyutpingSource: ReadingSource = (text) => {
  const pairs = getJyutpingList(text);
  const characters = Array.from(text);
  if (pairs.length === characters.length) return pairs.map(([, reading]) => reading);
  return characters.map((character) => getJyutpingList(character)[0]?.[1] ?? null);
};
