// npx tsx scripts/make-script-hints.ts
// Prints the character lists utils/convert/script-hints.ts is made of: the characters that most
// often tell simplified from traditional text, and Taiwan from Hong Kong forms. Derived from
// OpenCC's character dictionaries (via opencc-js) and the shared corpus; rerun and paste when either
// changes. Kept small on purpose: the reader carries these lists, never the dictionaries.
// Only two of the labelled magic-html articles are traditional (2681ee…, b5b26f…, zh-Hant in the
// corpus MANIFEST.tsv); the htmldate and pixnet pages are the rest of the real traditional text.
import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { openccEntries } from '../utils/convert/compact-dictionary';
import { corpusPages, magicHtmlLabelled } from './lib/corpus';
import { loadDocument } from './lib/inspect-page';
import { openccDictionary } from './lib/opencc-data';

/** How many characters each of the simplified and traditional lists keeps. */
const HINTS_PER_SCRIPT = 160;

/**
 * Simplified forms that are also traditional characters in their own right (干涉, 北斗, 幺么, 皇后,
 * 台灣, 鄰里, 麵 vs 面): opencc-js keeps one candidate per character, so the dictionary cannot say so.
 */
const ALSO_TRADITIONAL = new Set('干斗么后台里面余云只准叶舍');

const st = new Map(openccEntries(await openccDictionary('STCharacters')));
const ts = new Map(openccEntries(await openccDictionary('TSCharacters')));

// Real text of each script: the labelled articles, by the script the corpus manifest gives them.
const hant = new Set(['2681ee', 'b5b26f']);
const articles = magicHtmlLabelled();
const simplifiedText = articles
  .filter((page) => !hant.has(page.path.split('/').pop()?.slice(0, 6) ?? ''))
  .map((page) => page.content)
  .join('\n');
const realTraditional = [
  ...articles
    .filter((page) => hant.has(page.path.split('/').pop()?.slice(0, 6) ?? ''))
    .map((p) => p.content),
  ...corpusPages()
    .filter((page) => /htmldate|pixnet/.test(page.path))
    .map((page) => {
      const { dom } = loadDocument(readFileSync(page.path), page.url);
      const text = dom.window.document.body?.textContent ?? '';
      dom.window.close();
      return text;
    }),
].join('\n');
const traditionalText = OpenCC.Converter({ from: 'cn', to: 't' })(simplifiedText) + realTraditional;

const frequency = (text: string) => {
  const counts = new Map<string, number>();
  for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  return counts;
};
const inSimplified = frequency(simplifiedText);
const inTraditional = frequency(realTraditional);
const byFrequency = (counts: Map<string, number>, keep: (c: string) => boolean) =>
  [...counts]
    .filter(([c]) => keep(c))
    .sort((a, b) => b[1] - a[1])
    .slice(0, HINTS_PER_SCRIPT)
    .map(([c]) => c)
    .join('');

const inTraditionalOrConverted = frequency(traditionalText);
/**
 * A hint may turn up in the other script's text (a quotation, a name, one mixed page), but at most
 * at a fifth of the rate it has in its own script's text.
 */
const RARITY = 5;
const rare = (
  c: string,
  own: Map<string, number>,
  other: Map<string, number>,
  otherSize: number,
  ownSize: number,
) => ((other.get(c) ?? 0) / otherSize) * RARITY <= (own.get(c) ?? 0) / ownSize;
const simplified = byFrequency(
  inSimplified,
  (c) =>
    st.has(c) &&
    st.get(c) !== c &&
    !ALSO_TRADITIONAL.has(c) &&
    rare(c, inSimplified, inTraditional, realTraditional.length, simplifiedText.length),
);
const traditional = byFrequency(
  inTraditionalOrConverted,
  (c) =>
    ts.has(c) &&
    ts.get(c) !== c &&
    rare(c, inTraditionalOrConverted, inSimplified, simplifiedText.length, traditionalText.length),
);
console.log(`export const SIMPLIFIED_HINTS = '${simplified}';`);
console.log(`export const TRADITIONAL_HINTS = '${traditional}';`);
