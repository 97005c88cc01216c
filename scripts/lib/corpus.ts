/**
 * The shared test corpus (../shared/corpus, see its README): which files are Chinese article pages,
 * which are list pages, and the human-labelled main text of the magic-html pages.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Script } from '../../utils/convert/scripts';

export const CORPUS_DIR = resolve(
  process.env.YIDU_CORPUS ?? join(import.meta.dirname, '../../../shared/corpus'),
);

export interface CorpusPage {
  path: string;
  kind: 'article' | 'list';
  gov: boolean;
  url: string;
}

export function corpusAvailable(): boolean {
  return existsSync(join(CORPUS_DIR, 'MANIFEST.tsv'));
}

/** The corpus's MANIFEST.tsv as records: column name → value (empty when missing). */
export function manifestRows(): Record<string, string>[] {
  const [header, ...rows] = readFileSync(join(CORPUS_DIR, 'MANIFEST.tsv'), 'utf8')
    .trim()
    .split('\n');
  const columns = (header ?? '').split('\t');
  return rows.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(columns.map((name, index) => [name, cells[index] ?? '']));
  });
}

export function corpusPages(): CorpusPage[] {
  return manifestRows().flatMap((row): CorpusPage[] => {
    const category = row.category ?? '';
    const kind = /^article page \(Chinese|^gov\.cn article page/.test(category)
      ? 'article'
      : /^non-gov list\/index page/.test(category)
        ? 'list'
        : undefined;
    if (!kind) return [];
    const url = row.url ?? '';
    return [
      {
        path: join(CORPUS_DIR, row.local_path ?? ''),
        kind,
        gov: category.startsWith('gov.cn'),
        url: URL.canParse(url) ? url : 'about:blank',
      },
    ];
  });
}

/** The labelled magic-html pages: file path, URL and the human-labelled main text. */
export function magicHtmlLabelled(): { path: string; url: string; content: string }[] {
  const dir = join(CORPUS_DIR, 'magic-html/benchmark/data/article');
  const labels: Record<string, { url: string; content: string }> = JSON.parse(
    readFileSync(join(dir, 'base.json'), 'utf8'),
  );
  return Object.entries(labels).map(([name, { url, content }]) => ({
    path: join(dir, 'htmls', `${name}.html`),
    url,
    content,
  }));
}

/**
 * Character-level F1 of extracted text against labelled text: both as bags of characters, with
 * whitespace ignored (the labels' line breaks and the extractor's differ; the words do not).
 */
export function characterF1(extracted: string, truth: string): number {
  const count = (text: string) => {
    const bag = new Map<string, number>();
    for (const character of text.replace(/\s+/g, ''))
      bag.set(character, (bag.get(character) ?? 0) + 1);
    return bag;
  };
  const got = count(extracted);
  const want = count(truth);
  let overlap = 0;
  for (const [character, n] of got) overlap += Math.min(n, want.get(character) ?? 0);
  const gotTotal = [...got.values()].reduce((a, b) => a + b, 0);
  const wantTotal = [...want.values()].reduce((a, b) => a + b, 0);
  if (overlap === 0) return 0;
  const precision = overlap / gotTotal;
  const recall = overlap / wantTotal;
  return (2 * precision * recall) / (precision + recall);
}

export interface OpenccTestCase {
  id: string;
  input: string;
  /** OpenCC configuration name (s2t, tw2sp, …) → expected output. */
  expected: Record<string, string>;
}

/** The OpenCC configurations of issue 5's test cases → our scripts (from, to). */
export const OPENCC_CONFIGS: Record<string, [Script, Script]> = {
  s2t: ['cn', 't'],
  s2tw: ['cn', 'tw'],
  s2twp: ['cn', 'twp'],
  s2hk: ['cn', 'hk'],
  t2s: ['t', 'cn'],
  tw2s: ['tw', 'cn'],
  tw2sp: ['twp', 'cn'],
  hk2s: ['hk', 'cn'],
};

/** OpenCC's own conversion test cases. The file has trailing commas: they are dropped first. */
export function openccTestCases(): OpenccTestCase[] {
  const raw = readFileSync(join(CORPUS_DIR, 'opencc/test/testcases/testcases.json'), 'utf8');
  return JSON.parse(raw.replace(/,(\s*[}\]])/g, '$1')).cases;
}
