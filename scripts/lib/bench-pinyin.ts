/**
 * Pinyin figures for `npm run bench` (issue 14), each beside pinyin-pro used bare in the same run:
 * the polyphone test set read right in simplified and in traditional, and the time to read a
 * 5,000-character simplified article. The Chromium figures (first use, annotating the reader)
 * are in scripts/bench-browser.ts.
 */
import { pinyin } from 'pinyin-pro';
import { JYUTPING_PHRASES, POLYPHONE_PHRASES } from '../../tests/fixtures/pinyin/polyphones';
import { loadConverter } from '../../utils/convert/load-converter';
import { loadNodeDictionaries } from '../../utils/convert/load-node';
import { jyutpingSource } from '../../utils/pinyin/engines-jyutping';
import { pinyinSource } from '../../utils/pinyin/engines-pinyin';
import { readText } from '../../utils/pinyin/readings';
import type { BenchRow } from '../bench-browser';
import { magicHtmlLabelled } from './corpus';

/** Issue 14: "the readings of a 5,000-character simplified article". */
const ARTICLE_LENGTH = 5_000;
const REPEATS = 9;

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
const ms = (value: number) => `${value.toFixed(2)} ms`;

function fastest(run: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < REPEATS; i += 1) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

const bare = (text: string, traditional = false) =>
  (pinyin(text, { type: 'array', toneSandhi: false, traditional }) as string[]).join(' ');

export async function pinyinRows(): Promise<BenchRow[]> {
  const toSimplified = await loadConverter('t', 'cn', loadNodeDictionaries);
  const hongKong = await loadConverter('hk', 'cn', loadNodeDictionaries);
  const right = (read: (phrase: string) => string, pairs: [string, string][]) =>
    pairs.filter(([phrase, expected]) => read(phrase) === expected).length / pairs.length;
  const simplified = POLYPHONE_PHRASES.map(([s, , r]) => [s, r] as [string, string]);
  const traditional = POLYPHONE_PHRASES.map(([, t, r]) => [t, r] as [string, string]);
  const ours = (converter: typeof toSimplified | null) => (phrase: string) =>
    readText(phrase, { mode: 'all', toSimplified: converter, source: pinyinSource }).join(' ');
  const jyutping = right(
    (phrase) =>
      readText(phrase, {
        mode: 'all',
        toSimplified: hongKong,
        source: jyutpingSource,
        romanization: 'jyutping',
      }).join(' '),
    JYUTPING_PHRASES.map(([t, r]) => [t, r]),
  );

  // A real article's text (the labelled magic-html pages, simplified), cut to 5,000 characters.
  const article = magicHtmlLabelled()
    .map((page) => page.content)
    .join('\n')
    .slice(0, ARTICLE_LENGTH);
  // Both warmed up first: pinyin-pro builds its phrase tables on its first call.
  bare(article);
  readText(article, { mode: 'all', toSimplified: null, source: pinyinSource });
  const anchorMs = fastest(() => pinyin(article, { type: 'array', toneSandhi: false }));
  const oursMs = fastest(() =>
    readText(article, { mode: 'all', toSimplified: null, source: pinyinSource }),
  );
  const set = `${POLYPHONE_PHRASES.length} phrases`;
  return [
    {
      figure: `pinyin: polyphone set read right, simplified (${set}, dictionary readings)`,
      ours: percent(right(ours(null), simplified)),
      anchor: `pinyin-pro ${percent(right((phrase) => bare(phrase), simplified))}`,
      ratio: '—',
      goal: '≥ 97%',
    },
    {
      figure: 'pinyin: polyphone set read right, traditional (繁體)',
      ours: percent(right(ours(toSimplified), traditional)),
      anchor: `pinyin-pro ${percent(right((phrase) => bare(phrase), traditional))}, with its traditional option ${percent(right((phrase) => bare(phrase, true), traditional))}`,
      ratio: '—',
      goal: '≥ 97%',
    },
    {
      figure: `pinyin: Jyutping for the Hong Kong subset (${JYUTPING_PHRASES.length} phrases)`,
      ours: percent(jyutping),
      anchor: '—',
      ratio: '—',
      goal: '—',
    },
    {
      figure: 'pinyin: readings of a 5,000-character simplified article, warm',
      ours: ms(oursMs),
      anchor: `pinyin-pro ${ms(anchorMs)}`,
      ratio: `${(oursMs / anchorMs).toFixed(2)}×`,
      goal: '≤ 1.2×',
    },
  ];
}

// On its own: `npx tsx scripts/lib/bench-pinyin.ts`.
if (import.meta.url === `file://${process.argv[1]}`) console.table(await pinyinRows());
