// npm run corpus-report: detection and extraction quality on ../shared/corpus, each beside what
// Readability does with its defaults (isProbablyReaderable; new Readability(doc).parse()).
import { readFileSync } from 'node:fs';
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { characterF1, corpusAvailable, corpusPages, magicHtmlLabelled } from './lib/corpus';
import { inspectPage, loadDocument } from './lib/inspect-page';

if (!corpusAvailable()) {
  console.error('No corpus at ../shared/corpus (set YIDU_CORPUS to its folder).');
  process.exit(1);
}
const verbose = process.argv.includes('--verbose');
// jsdom frees a closed window's memory only once the event loop turns: without a pause between
// pages, the two passes over the corpus run out of heap.
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const pages = corpusPages();
const tally = {
  article: { ours: 0, readability: 0, total: 0 },
  list: { ours: 0, readability: 0, total: 0 },
  gov: { ours: 0, total: 0 },
};
for (const page of pages) {
  await settle();
  const bytes = readFileSync(page.path);
  const ours = inspectPage(bytes, page.url).isArticle;
  const { dom } = loadDocument(bytes, page.url);
  const theirs = isProbablyReaderable(dom.window.document);
  dom.window.close();
  const row = tally[page.kind];
  row.total += 1;
  if (ours) row.ours += 1;
  if (theirs) row.readability += 1;
  if (page.gov) {
    tally.gov.total += 1;
    if (ours) tally.gov.ours += 1;
  }
  if (verbose && ours !== (page.kind === 'article'))
    console.log(`detection miss (${page.kind}): ${page.path}`);
}

const f1 = { ours: [] as number[], readability: [] as number[] };
for (const page of magicHtmlLabelled()) {
  await settle();
  const bytes = readFileSync(page.path);
  const ours = inspectPage(bytes, page.url).article?.text ?? '';
  const { dom } = loadDocument(bytes, page.url);
  const theirs = new Readability(dom.window.document).parse()?.textContent ?? '';
  dom.window.close();
  f1.ours.push(characterF1(ours, page.content));
  f1.readability.push(characterF1(theirs, page.content));
  if (verbose && (f1.ours.at(-1) ?? 0) < 0.9)
    console.log(`F1 ${(f1.ours.at(-1) ?? 0).toFixed(3)}: ${page.path}`);
}
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const atLeast = (values: number[], bar: number) => values.filter((value) => value >= bar).length;

const report = {
  detection: {
    articlesFound: `${tally.article.ours} of ${tally.article.total} (Readability: ${tally.article.readability})`,
    listsTakenForArticles: `${tally.list.ours} of ${tally.list.total} (Readability: ${tally.list.readability})`,
    govArticlesFound: `${tally.gov.ours} of ${tally.gov.total}`,
  },
  extraction: {
    meanF1: `${mean(f1.ours).toFixed(3)} (Readability: ${mean(f1.readability).toFixed(3)})`,
    pagesAtLeast0_9: `${atLeast(f1.ours, 0.9)} of ${f1.ours.length} (Readability: ${atLeast(f1.readability, 0.9)})`,
  },
};
console.log(JSON.stringify(report, null, 2));
