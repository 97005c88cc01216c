/**
 * `npm run inspect -- page.html --pinyin all|rare --json` (issue 14): the article's text, title
 * first then the body, as [character, reading or null] pairs, read as the reader reads it.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const PAGE = 'tests/fixtures/pages/polyphone-notice/source.html';

function inspect(mode: string): {
  article: { title: string; text: string };
  pinyin: [string, string | null][];
} {
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/inspect.ts', PAGE, '--json', '--pinyin', mode],
    { encoding: 'utf8' },
  );
  return JSON.parse(output);
}

describe('inspect --pinyin', () => {
  it('gives every character of title and body in order, with its reading or null', () => {
    const { article, pinyin } = inspect('all');
    expect(pinyin.map(([character]) => character).join('')).toBe(
      `${article.title}\n${article.text}`,
    );
    expect(pinyin.slice(2, 6)).toEqual([
      ['银', 'yín'],
      ['行', 'háng'],
      ['行', 'háng'],
      ['长', 'zhǎng'],
    ]);
    expect(pinyin.find(([character]) => character === '：')).toEqual(['：', null]);
    expect(pinyin.some(([, reading]) => reading === 'undefined')).toBe(false);
  }, 30_000);

  it('in rare mode, gives no reading to the 3,500 common characters', () => {
    const { pinyin } = inspect('rare');
    expect(pinyin.length).toBeGreaterThan(100);
    expect(pinyin.filter(([, reading]) => reading !== null)).toEqual([]);
  }, 30_000);
});
