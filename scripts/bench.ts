// npm run bench: speed, size and quality, each beside the bare library it builds on, measured in
// the same run and given as a ratio (this machine is noisy; absolute times drift). Not a test: it
// prints a table and writes bench-results/latest.json.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { gzipSync } from 'node:zlib';
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { build } from 'esbuild';
import { judgeArticlePage } from '../utils/detect/detect-article-page';
import { extractArticle } from '../utils/extract/extract-article';
import { createSanitizer } from '../utils/extract/sanitize';
import { benchBrowser } from './bench-browser';
import { conversionRows } from './lib/bench-convert';
import { pinyinRows } from './lib/bench-pinyin';
import { characterF1, corpusPages, magicHtmlLabelled } from './lib/corpus';
import { inspectPage, loadDocument } from './lib/inspect-page';
import { median } from './lib/timing';

/** Each page is timed this many times and the fastest run kept: the least disturbed by the rest of the machine. */
const REPEATS = 5;

function fastest(run: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < REPEATS; i += 1) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const ratio = (ours: number, anchor: number) => `${(ours / anchor).toFixed(2)}×`;
const ms = (value: number) => `${value.toFixed(3)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const rows: { figure: string; ours: string; anchor: string; ratio: string; goal: string }[] = [];

// Detector and extraction per page, on the labelled magic-html pages (jsdom).
const detect = { ours: [] as number[], anchor: [] as number[] };
const extract = { ours: [] as number[], anchor: [] as number[] };
for (const page of magicHtmlLabelled()) {
  const { dom } = loadDocument(readFileSync(page.path), page.url);
  const document = dom.window.document;
  const sanitize = createSanitizer(dom.window);
  // What every page pays on load (the popup looks the title up only when it opens).
  detect.ours.push(fastest(() => judgeArticlePage(page.url, document)));
  detect.anchor.push(fastest(() => isProbablyReaderable(document)));
  extract.ours.push(fastest(() => extractArticle(document, sanitize)));
  extract.anchor.push(fastest(() => new Readability(document.cloneNode(true) as Document).parse()));
  dom.window.close();
}
rows.push({
  figure: 'detector, per page, median',
  ours: ms(median(detect.ours)),
  anchor: `isProbablyReaderable ${ms(median(detect.anchor))}`,
  ratio: ratio(median(detect.ours), median(detect.anchor)),
  goal: '≤ 1.0×',
});
rows.push({
  figure: 'detector, per page, worst',
  ours: ms(Math.max(...detect.ours)),
  anchor: `isProbablyReaderable ${ms(Math.max(...detect.anchor))}`,
  ratio: ratio(Math.max(...detect.ours), Math.max(...detect.anchor)),
  goal: '≤ 1.0×',
});
rows.push({
  figure: 'extraction, per page, median',
  ours: ms(median(extract.ours)),
  anchor: `Readability.parse ${ms(median(extract.anchor))}`,
  ratio: ratio(median(extract.ours), median(extract.anchor)),
  goal: '≤ 1.5×',
});

// Bundle sizes: the built extension (run `npm run build` first) beside Readability minified.
const gz = (path: string) => gzipSync(readFileSync(path)).length;
const readabilityMin = await build({
  entryPoints: ['node_modules/@mozilla/readability/Readability.js'],
  bundle: true,
  minify: true,
  write: false,
  format: 'esm',
});
const readabilityGz = gzipSync(readabilityMin.outputFiles[0]?.contents ?? new Uint8Array()).length;
const detectorGz = gz('.output/chrome-mv3/content-scripts/detector.js');
const readerGz = gz('.output/chrome-mv3/content-scripts/reader.js');
rows.push({
  figure: 'always-loaded content script (gzip)',
  ours: kb(detectorGz),
  anchor: '—',
  ratio: '—',
  goal: '≤ 8 KB',
});
rows.push({
  figure: 'reader script (gzip)',
  ours: kb(readerGz),
  anchor: `Readability minified ${kb(readabilityGz)}`,
  ratio: ratio(readerGz, readabilityGz),
  goal: '≤ 2.5×',
});
// Not injected into any page: the extension's extractor document (Chrome's offscreen document),
// where the reader's page is parsed and its article extracted (Readability, DOMPurify, ours).
const extractorChunk = readdirSync('.output/chrome-mv3/chunks').find((name) =>
  name.startsWith('extractor-'),
);
rows.push({
  figure: 'extraction, in the extension’s extractor document, not the page (gzip)',
  ours: extractorChunk ? kb(gz(`.output/chrome-mv3/chunks/${extractorChunk}`)) : 'not built',
  anchor: `Readability minified ${kb(readabilityGz)}`,
  ratio: extractorChunk
    ? ratio(gz(`.output/chrome-mv3/chunks/${extractorChunk}`), readabilityGz)
    : '—',
  goal: '—',
});
// Injected into the reader's tab after it has painted (utils/bundles.ts): the conversion engine on
// first use, reading aloud once the page is idle.
rows.push({
  figure: 'after the reader paints: conversion engine / reading aloud (gzip, dictionaries apart)',
  ours: `${kb(gz('.output/chrome-mv3/convert-engine.js'))} / ${kb(gz('.output/chrome-mv3/reader-speech.js'))}`,
  anchor: '—',
  ratio: '—',
  goal: '—',
});

// Injected only into a tab where one of the 辅助工具 is on (issue 15); pages with none pay nothing.
rows.push({
  figure: '辅助工具 bundle (指读, caption bar, guides, ruler, large pointer), on demand (gzip)',
  ours: kb(gz('.output/chrome-mv3/assist.js')),
  anchor: '—',
  ratio: '—',
  goal: 'reported',
});

// Quality, so speed and quality are read together.
const tally = { found: 0, articles: 0, listsTaken: 0, lists: 0, anchorFound: 0, anchorLists: 0 };
for (const page of corpusPages()) {
  const { dom } = loadDocument(readFileSync(page.path), page.url);
  const ours = judgeArticlePage(page.url, dom.window.document).kind === 'article';
  const anchor = isProbablyReaderable(dom.window.document);
  dom.window.close();
  if (page.kind === 'article') {
    tally.articles += 1;
    tally.found += Number(ours);
    tally.anchorFound += Number(anchor);
  } else {
    tally.lists += 1;
    tally.listsTaken += Number(ours);
    tally.anchorLists += Number(anchor);
  }
}
rows.push({
  figure: 'corpus articles found',
  ours: `${tally.found} / ${tally.articles}`,
  anchor: `isProbablyReaderable ${tally.anchorFound}`,
  ratio: ratio(tally.found, tally.anchorFound),
  goal: '≥ 136, > 2× anchor',
});
rows.push({
  figure: 'corpus list pages taken for articles',
  ours: `${tally.listsTaken} / ${tally.lists}`,
  anchor: `isProbablyReaderable ${tally.anchorLists}`,
  ratio: '—',
  goal: '0',
});
const f1 = { ours: [] as number[], anchor: [] as number[] };
for (const page of magicHtmlLabelled()) {
  const bytes = readFileSync(page.path);
  f1.ours.push(characterF1(inspectPage(bytes, page.url).article?.text ?? '', page.content));
  const { dom } = loadDocument(bytes, page.url);
  f1.anchor.push(
    characterF1(new Readability(dom.window.document).parse()?.textContent ?? '', page.content),
  );
  dom.window.close();
}
rows.push({
  figure: 'extraction mean character F1 (magic-html)',
  ours: mean(f1.ours).toFixed(3),
  anchor: `Readability ${mean(f1.anchor).toFixed(3)}`,
  ratio: ratio(mean(f1.ours), mean(f1.anchor)),
  goal: '≥ 0.92',
});
rows.push({
  figure: 'pages at F1 ≥ 0.9',
  ours: `${f1.ours.filter((v) => v >= 0.9).length} / ${f1.ours.length}`,
  anchor: `Readability ${f1.anchor.filter((v) => v >= 0.9).length}`,
  ratio: '—',
  goal: '≥ 52',
});

// Simplified↔traditional conversion (issue 5).
rows.push(...(await conversionRows()));

// Pinyin (issue 14): the polyphone set and reading speed beside pinyin-pro alone.
rows.push(...(await pinyinRows()));

// Chromium figures (reader opening, the detector on 10 MB pages): scripts/bench-browser.ts.
rows.push(...(await benchBrowser()));

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;
const taken = new Date().toISOString();
console.log(`Benchmarks, ${taken}, ${machine}, jsdom for DOM work unless a row says Chromium\n`);
console.table(rows);
mkdirSync('bench-results', { recursive: true });
writeFileSync(
  'bench-results/latest.json',
  `${JSON.stringify({ taken, machine, rows }, null, 2)}\n`,
);
console.log('Wrote bench-results/latest.json');
