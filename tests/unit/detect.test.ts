import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectArticlePage } from '~/utils/detect/detect-article-page';
import { readGovMetadata } from '~/utils/detect/gov-metadata';
import { goldenPages } from './golden-pages';

const documentOf = (head: string) =>
  new JSDOM(`<html><head>${head}</head><body></body></html>`).window.document;

describe.each(goldenPages())('golden page $slug', ({ dom, url, expected }) => {
  it(`is ${expected.isArticle ? '' : 'not '}an article`, () => {
    const status = detectArticlePage(url, dom.window.document);
    expect(status.kind === 'article').toBe(expected.isArticle);
    if (expected.siteName) expect(status.siteName).toBe(expected.siteName);
  });
});

describe('government metadata', () => {
  it('reads names in any case and attributes in any order, ignoring empty tags', () => {
    const doc = documentOf(`
      <meta content="" name="ArticleTitle">
      <meta content="标题" name="articletitle">
      <META NAME="SITEIDCODE" CONTENT="5120000001">
      <meta name="PubDate" content=" 2021-03-02 ">`);
    expect(readGovMetadata(doc)).toEqual({
      articleTitle: '标题',
      siteIdCode: '5120000001',
      pubDate: '2021-03-02',
    });
  });

  it('needs ArticleTitle together with SiteIDCode or SiteName', () => {
    const article = (head: string) => detectArticlePage('about:blank', documentOf(head)).kind;
    expect(article('<meta name="ArticleTitle" content="通知">')).toBe('not-article');
    expect(
      article(
        '<meta name="SiteName" content="某市政府"><meta name="ColumnName" content="通知公告">',
      ),
    ).toBe('not-article');
    expect(
      article('<meta name="ArticleTitle" content="通知"><meta name="SiteName" content="某市政府">'),
    ).toBe('article');
    expect(
      article(
        '<meta name="ArticleTitle" content="通知"><meta name="SiteIDCode" content="bm01000001">',
      ),
    ).toBe('article');
  });
});
