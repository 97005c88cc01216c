import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '~/utils/extract/extract-article';
import { createSanitizer } from '~/utils/extract/sanitize';
import { goldenPages } from './golden-pages';

describe.each(goldenPages().filter((page) => page.expected.bodyIncludes))(
  'extracting golden page $slug',
  ({ dom, expected }) => {
    const before = dom.serialize();
    const article = extractArticle(dom.window.document, createSanitizer(dom.window));

    it('finds the title and the whole body, without the portal chrome', () => {
      expect(article?.title).toBe(expected.title);
      for (const text of expected.bodyIncludes ?? []) expect(article?.textContent).toContain(text);
      for (const text of expected.bodyExcludes ?? [])
        expect(article?.textContent).not.toContain(text);
    });

    it('leaves the page itself untouched', () => {
      expect(dom.serialize()).toBe(before);
    });
  },
);

describe('extractArticle', () => {
  const paragraph = '这是一段足够长的正文，用来让正文提取认出文章。'.repeat(8);

  it('carries the government metadata: title without suffix, site, date, source', () => {
    const dom = new JSDOM(`<html lang="zh-CN"><head><title>通知_通知公告_某市人民政府</title>
      <meta name="ArticleTitle" content="关于开展安全检查的通知"><meta name="SiteName" content="某市人民政府">
      <meta name="PubDate" content="2026-05-18 10:19"><meta name="ContentSource" content="市应急管理局">
      </head><body><div><p>${paragraph}</p><p>${paragraph}</p></div></body></html>`);
    expect(extractArticle(dom.window.document, createSanitizer(dom.window))).toMatchObject({
      title: '关于开展安全检查的通知',
      siteName: '某市人民政府',
      publishedAt: '2026-05-18 10:19',
      source: '市应急管理局',
      lang: 'zh-CN',
    });
  });

  it('removes script, event handlers and javascript: links from the body', () => {
    const dom = new JSDOM(`<html><body><article>
      <p>${paragraph}<img src="x.png" alt="图" onerror="window.pwned=1"></p>
      <p onclick="window.pwned=1">${paragraph}<a href="javascript:window.pwned=1">链接</a></p>
      <script>window.pwned=1</script></article></body></html>`);
    const html =
      extractArticle(dom.window.document, createSanitizer(dom.window))?.contentHtml ?? '';
    expect(html).toContain('alt="图"');
    expect(html).not.toMatch(/onerror|onclick|javascript:|<script/i);
  });

  it('answers null for a page with no article text', () => {
    const dom = new JSDOM('<html><body><nav><a href="/">首页</a></nav></body></html>');
    expect(extractArticle(dom.window.document, createSanitizer(dom.window))).toBeNull();
  });
});
