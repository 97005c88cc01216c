// npx tsx scripts/make-opencc-data.ts
// Writes utils/convert/data/<dictionary>.txt, the compact form of each OpenCC dictionary we use
// (utils/convert/compact-dictionary.ts), from opencc-js's own modules. Rerun when opencc-js changes;
// a unit test (tests/unit/convert-data.test.ts) fails while the files differ from what this makes.
import { writeFileSync } from 'node:fs';
import { encodeDictionary, openccEntries } from '../utils/convert/compact-dictionary';
import { DICTIONARY_NAMES } from '../utils/convert/dictionaries';
import { dictionaryFile } from '../utils/convert/load-node';
import { openccDictionary } from './lib/opencc-data';

for (const name of DICTIONARY_NAMES) {
  const source = await openccDictionary(name);
  const compact = encodeDictionary(openccEntries(source));
  writeFileSync(dictionaryFile(name), compact);
  const bytes = (text: string) => Buffer.byteLength(text);
  console.log(`${name}: ${bytes(source)} → ${bytes(compact)} bytes`);
}
