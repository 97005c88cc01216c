// One cold conversion in a fresh process, for `npm run bench` (scripts/lib/bench-convert.ts runs it):
//   node --expose-gc --import tsx scripts/bench-convert-cold.ts <ours|anchor> <from> <to> <text file>
// Prints {"ms": …, "heapMB": …}: the time from loading the dictionaries to the end of the first
// conversion, and how much the heap grew meanwhile (garbage included: nothing is collected between).
import { readFileSync } from 'node:fs';
import { loadConverter } from '../utils/convert/load-converter';
import { loadNodeDictionaries } from '../utils/convert/load-node';
import { isScript } from '../utils/convert/scripts';

const [which, from, to, file] = process.argv.slice(2);
if (!isScript(from) || !isScript(to) || !file)
  throw new Error('usage: <ours|anchor> <from> <to> <file>');
const text = readFileSync(file, 'utf8');
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const started = performance.now();
let output: string;
if (which === 'ours') {
  output = (await loadConverter(from, to, loadNodeDictionaries)).convert(text);
} else {
  // opencc-js as its README shows it, with the preset that holds this direction's dictionaries.
  const OpenCC = await import(from === 'cn' ? 'opencc-js/cn2t' : 'opencc-js/t2cn');
  output = OpenCC.Converter({ from, to })(text);
}
const ms = performance.now() - started;
const heapMB = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
console.log(JSON.stringify({ ms, heapMB, length: output.length }));
