/**
 * Conversion figures for `npm run bench`, each beside opencc-js used bare in the same run: cold first
 * conversion and heap (fresh processes), warm throughput, and converting a whole page in jsdom.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import * as OpenCC from 'opencc-js';
import { convertPage } from '../../utils/convert/dom-convert';
import { loadConverter } from '../../utils/convert/load-converter';
import { loadNodeDictionaries } from '../../utils/convert/load-node';
import type { Script } from '../../utils/convert/scripts';
import type { BenchRow } from '../bench-browser';
import { magicHtmlLabelled } from './corpus';
import { fastestOf, median } from './timing';

/** Fresh processes per cold figure; the fastest time and the median heap are kept. */
const COLD_RUNS = 5;
const REPEATS = 5;
/** Issue 5: "the first conversion of a 5,000-character article". */
const ARTICLE_LENGTH = 5_000;
/** Issue 5: "converting a 200,000-character original page". */
const PAGE_LENGTH = 200_000;

const ms = (value: number) => `${value.toFixed(1)} ms`;
const ratio = (ours: number, anchor: number) => `${(ours / anchor).toFixed(2)}×`;

function cold(which: 'ours' | 'anchor', from: Script, to: Script, file: string) {
  const runs = Array.from({ length: COLD_RUNS }, () => {
    const output = execFileSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', 'scripts/bench-convert-cold.ts', which, from, to, file],
      { encoding: 'utf8' },
    );
    return JSON.parse(output.trim().split('\n').pop() ?? '{}') as { ms: number; heapMB: number };
  });
  return {
    ms: Math.min(...runs.map((run) => run.ms)),
    heapMB: median(runs.map((run) => run.heapMB)),
  };
}

const fastest = (run: () => void) => fastestOf(run, REPEATS);

export async function conversionRows(): Promise<BenchRow[]> {
  const corpus = magicHtmlLabelled()
    .map((page) => page.content)
    .join('\n');
  const article = corpus.slice(0, ARTICLE_LENGTH);
  const file = join(mkdtempSync(join(tmpdir(), 'yidu-bench-')), 'article.txt');
  writeFileSync(file, article);

  const rows: BenchRow[] = [];
  const coldOurs = cold('ours', 'cn', 'tw', file);
  const coldAnchor = cold('anchor', 'cn', 'tw', file);
  rows.push({
    figure: 'first conversion cn→tw, 5,000 chars, dictionaries included',
    ours: ms(coldOurs.ms),
    anchor: `opencc-js ${ms(coldAnchor.ms)}`,
    ratio: ratio(coldOurs.ms, coldAnchor.ms),
    goal: '≤ 0.4×, ≤ 60 ms',
  });
  const heapOurs = cold('ours', 'cn', 't', file);
  const heapAnchor = cold('anchor', 'cn', 't', file);
  rows.push({
    figure: 'heap growth, first conversion cn→t (s2t)',
    ours: `${heapOurs.heapMB.toFixed(1)} MB`,
    anchor: `opencc-js ${heapAnchor.heapMB.toFixed(1)} MB`,
    ratio: ratio(heapOurs.heapMB, heapAnchor.heapMB),
    goal: '≤ 0.5×, ≤ 20 MB',
  });

  const ours = await loadConverter('cn', 'tw', loadNodeDictionaries);
  const anchor = OpenCC.Converter({ from: 'cn', to: 'tw' });
  ours.convert(corpus);
  anchor(corpus);
  const warmOurs = fastest(() => ours.convert(corpus));
  const warmAnchor = fastest(() => anchor(corpus));
  const throughput = (time: number) => `${Math.round(corpus.length / time)} chars/ms`;
  rows.push({
    figure: `warm throughput cn→tw (${corpus.length.toLocaleString('en')} chars)`,
    ours: throughput(warmOurs),
    anchor: `opencc-js ${throughput(warmAnchor)}`,
    ratio: ratio(warmAnchor, warmOurs),
    goal: '≥ 1.0×',
  });

  // A long page: the corpus articles as paragraphs, with inline tags, until 200,000 characters.
  const paragraphs: string[] = [];
  let length = 0;
  for (let i = 0; length < PAGE_LENGTH; i += 1) {
    const line = corpus.split('\n')[i % 500] ?? '';
    const cut = Math.floor(line.length / 3);
    paragraphs.push(
      `<p>${line.slice(0, cut)}<b>${line.slice(cut, 2 * cut)}</b>${line.slice(2 * cut)}</p>`,
    );
    length += line.length;
  }
  const html = `<html><body lang="zh-CN">${paragraphs.join('')}</body></html>`;
  const pageTimes = { ours: [] as number[], anchor: [] as number[] };
  // Only the conversion is timed, not parsing the page; each run converts a freshly parsed page.
  for (let i = 0; i < REPEATS; i += 1) {
    const first = new JSDOM(html).window;
    let started = performance.now();
    convertPage(first.document, ours, { observe: false });
    pageTimes.ours.push(performance.now() - started);
    first.close();
    const second = new JSDOM(html).window;
    // opencc-js's HTMLConverter reads the global `Node`, which only a browser has.
    (globalThis as { Node?: unknown }).Node = second.Node;
    started = performance.now();
    OpenCC.HTMLConverter(anchor, second.document.body, 'zh-CN', 'zh-TW').convert();
    pageTimes.anchor.push(performance.now() - started);
    second.close();
  }
  rows.push({
    figure: `convert a ${Math.round(length / 1000)}k-char page cn→tw (jsdom)`,
    ours: ms(Math.min(...pageTimes.ours)),
    anchor: `opencc-js HTMLConverter ${ms(Math.min(...pageTimes.anchor))}`,
    ratio: ratio(Math.min(...pageTimes.ours), Math.min(...pageTimes.anchor)),
    goal: '≤ 150 ms',
  });
  return rows;
}
