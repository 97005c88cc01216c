/** Detecting the script of a page's text (utils/convert/detect-script.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectScript } from '~/utils/convert/detect-script';
import { decodeHtml } from '~/utils/decode-html';
import { CORPUS_DIR, manifestRows } from '../../scripts/lib/corpus';

/** Pages of the corpus with the script MANIFEST.tsv gives them (zh-Hans or zh-Hant). */
function pagesByScript(): { path: string; script: string }[] {
  return manifestRows()
    .filter(
      (row) => /^zh-Han[st]$/.test(row.script ?? '') && (row.local_path ?? '').endsWith('.html'),
    )
    .map((row) => ({
      path: join(CORPUS_DIR, row.local_path ?? ''),
      script: row.script ?? '',
    }));
}

/** A page's visible text, near enough: markup, scripts and styles dropped. */
function textOf(path: string): string {
  return decodeHtml(readFileSync(path))
    .text.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ');
}

describe('detectScript', () => {
  it('tells simplified from traditional on every Chinese page of the corpus', () => {
    const pages = pagesByScript();
    expect(pages.length).toBeGreaterThan(140);
    const wrong = pages.filter((page) => {
      const guess = detectScript(textOf(page.path)).script;
      return page.script === 'zh-Hans' ? guess !== 'cn' : guess === 'cn' || guess === null;
    });
    expect(wrong.map((page) => page.path)).toEqual([]);
  });

  it.each([
    ['simplified', '这个国家的经济发展', null, 'cn'],
    ['traditional, no region', '這個國家的經濟發展', null, 't'],
    ['traditional, Taiwan by lang', '這個國家的經濟發展', 'zh-TW', 'tw'],
    ['traditional, Taiwan by lang with script', '這個國家的經濟發展', 'zh-Hant-TW', 'tw'],
    ['traditional, Hong Kong by lang', '這個國家的經濟發展', 'zh-HK', 'hk'],
    ['traditional, Macao by lang', '這個國家的經濟發展', 'zh-MO', 'hk'],
    ['traditional, Taiwan by its forms', '這裡有著很多啟示，那裡也有', null, 'tw'],
    ['traditional, Hong Kong by its forms', '他説這個節目很温馨，令人喜悦', null, 'hk'],
    ['simplified with a lying lang', '这个国家的经济发展', 'zh-TW', 'cn'],
    ['no Chinese', 'The economy of this country', null, null],
    ['Japanese kanji only', '東京都', 'ja', null],
  ] as const)('%s', (_label, text, lang, expected) => {
    expect(detectScript(text, lang).script).toBe(expected);
  });
});
