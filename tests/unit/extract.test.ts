import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { describeArticle } from '~/utils/extract/article-header';
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

    it('finds the date, source, script and attachments the page gives', () => {
      // null in page.json: the page shows none, so neither may the header card.
      if (expected.publishedAt !== undefined)
        expect(article?.publishedAt).toBe(expected.publishedAt ?? undefined);
      if (expected.source !== undefined) expect(article?.source).toBe(expected.source ?? undefined);
      if (expected.dateFrom !== undefined)
        expect(article?.dateFrom).toBe(expected.dateFrom ?? undefined);
      if (expected.sourceFrom !== undefined)
        expect(article?.sourceFrom).toBe(expected.sourceFrom ?? undefined);
      if (expected.docNumber !== undefined)
        expect(article?.docNumber).toBe(expected.docNumber ?? undefined);
      if (expected.lang !== undefined) expect(article?.lang).toBe(expected.lang);
      if (expected.attachments !== undefined)
        expect(article?.attachments).toHaveLength(expected.attachments);
    });

    it("gives the popup's details the same title, date, source and 文号, each from the same place", () => {
      // The popup reads the live page (entrypoints/page-description.content.ts), the reader the
      // extractor's parse of it: one reading of the header, so the two never disagree.
      const described = describeArticle(dom.window.document);
      expect(described).toEqual({
        title: article?.title,
        ...(article?.publishedAt && {
          publishedAt: article.publishedAt,
          dateFrom: article.dateFrom,
        }),
        ...(article?.source && { source: article.source, sourceFrom: article.sourceFrom }),
        ...(article?.docNumber && { docNumber: article.docNumber }),
      });
      if (expected.docNumber) expect(described.docNumber).toBe(expected.docNumber);
      expect(dom.serialize()).toBe(before);
    });

    it('leaves the page itself untouched', () => {
      expect(dom.serialize()).toBe(before);
    });
  },
);

const paragraph = '这是一段足够长的正文，用来让正文提取认出文章。'.repeat(8);
const extract = (html: string, url = 'http://www.example.gov.cn/art/2021/3/2/art_1_2.html') => {
  const dom = new JSDOM(html, { url });
  return extractArticle(dom.window.document, createSanitizer(dom.window));
};

describe('extractArticle', () => {
  it('carries the government metadata: title without suffix, site, column, date, source', () => {
    const article = extract(`<html lang="zh-CN"><head><title>通知_通知公告_某市人民政府</title>
      <meta name="ArticleTitle" content="关于开展安全检查的通知"><meta name="SiteName" content="某市人民政府">
      <meta name="ColumnName" content="通知公告">
      <meta name="PubDate" content="2026-05-18 10:19"><meta name="ContentSource" content="市应急管理局">
      </head><body><div><p>${paragraph}</p><p>${paragraph}</p></div></body></html>`);
    expect(article).toMatchObject({
      title: '关于开展安全检查的通知',
      siteName: '某市人民政府',
      column: '通知公告',
      publishedAt: '2026-05-18T10:19',
      source: '市应急管理局',
      lang: 'zh-Hans',
      attachments: [],
    });
  });

  it('without metadata, reads the heading, the visible meta line, and drops the chrome', () => {
    // Everything in one container with the body, as short notices are laid out: Readability
    // alone keeps every line of it.
    const article = extract(`<html><head><title>关于停水的通知 - 某县人民政府</title></head><body>
      <div class="article">
        <div class="crumb-line">当前位置：<a href="/">首页</a> &gt; <a href="/tzgg/">通知公告</a></div>
        <h1>关于停水的通知</h1>
        <p>发布时间：2021年3月2日 09:30 &nbsp; 来源：县水务局 &nbsp; 浏览次数：128</p>
        <p>【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】 <a href="#">打印</a> <a href="#">关闭</a></p>
        <p>${paragraph}</p>
        <p>停水时间：2021年3月5日8时至18时。</p>
        <p>${paragraph}</p>
        <p>县水务局</p><p>2021年3月2日</p>
        <p>分享到：<a href="#">微信</a> <a href="#">微博</a></p>
        <p>扫一扫在手机打开当前页</p>
        <div class="links"><h3>相关链接</h3><ul><li><a href="/a.html">另一则通知</a></li></ul></div>
      </div></body></html>`);
    expect(article).toMatchObject({
      title: '关于停水的通知',
      publishedAt: '2021-03-02T09:30',
      source: '县水务局',
    });
    const text = article?.textContent ?? '';
    // The notice's own lines, signature and date stay...
    expect(text).toContain('停水时间：2021年3月5日8时至18时。');
    expect(text).toContain('县水务局\n2021年3月2日');
    // ...the chrome goes, and the title is in the header card, not repeated in the body.
    expect(text).not.toContain('关于停水的通知');
    for (const chrome of [
      '当前位置',
      '发布时间',
      '浏览次数',
      '字体',
      '打印',
      '分享到',
      '扫一扫',
      '相关链接',
    ])
      expect(text).not.toContain(chrome);
  });

  it('takes the heading out of a <title> with a site suffix when there is no ArticleTitle', () => {
    const article =
      extract(`<html><head><title>天宫一号任务新闻发布会_中国载人航天官方网站</title></head>
      <body><div class="title">天宫一号任务新闻发布会</div><div><p>${paragraph}</p><p>${paragraph}</p></div></body></html>`);
    expect(article?.title).toBe('天宫一号任务新闻发布会');
  });

  it('drops ruby annotations a pinyin toolbar added, keeping real parentheses', () => {
    const ruby = (character: string, pinyin: string) =>
      `<ruby>${character}<rp>(</rp><rt>${pinyin}</rt><rp>)</rp></ruby>`;
    const article =
      extract(`<html><body><article><p>${ruby('統', 'tǒng')}${ruby('一', 'yī')}部署，各縣(區)黨委參加會議。${paragraph}</p>
      <p>${paragraph}</p></article></body></html>`);
    expect(article?.textContent).toContain('統一部署，各縣(區)黨委參加會議。');
    expect(article?.textContent).not.toMatch(/tǒng|yī|\(tǒng\)/);
    expect(article?.contentHtml).not.toMatch(/<rt|<rp/);
  });

  it('tells traditional from simplified by the lang attribute, else by the text', () => {
    const traditional = '這是為了說明國家發展的時候，我們對這個問題會有不同的看法。'.repeat(6);
    const page = (lang: string, text: string) =>
      `<html${lang}><body><article><p>${text}</p><p>${text}</p></article></body></html>`;
    expect(extract(page(' lang="zh-HK"', paragraph))?.lang).toBe('zh-Hant');
    expect(extract(page(' lang="zh-Hans-CN"', traditional))?.lang).toBe('zh-Hans');
    expect(extract(page('', traditional))?.lang).toBe('zh-Hant');
    expect(extract(page(' lang="zh"', paragraph))?.lang).toBe('zh-Hans');
  });

  it('lists the attachments of the article area once, with absolute http(s) URLs', () => {
    const article = extract(`<html><body>
      <div class="side"><a href="/guide.pdf">政府信息公开指南</a></div>
      <div class="content">
        <div id="zoom"><p>${paragraph}</p><p>${paragraph}</p>
          <p>附件：<a href="./P0202103.pdf">1.名单</a></p></div>
        <div class="files">
          <a href="/files/%E5%90%8D%E5%8D%95.XLSX?v=2"></a>
          <a href="./P0202103.pdf">名单（重复）</a>
          <a href="/download.jsp?filename=a.docx">下载表格</a>
          <a href="javascript:open('x.doc')">假附件</a>
          <a href="ftp://example.gov.cn/x.zip">FTP</a>
          <a href="/page.html">另一页</a>
        </div>
      </div></body></html>`);
    expect(article?.attachments).toEqual([
      { name: '1.名单', url: 'http://www.example.gov.cn/art/2021/3/2/P0202103.pdf' },
      { name: '名单.XLSX', url: 'http://www.example.gov.cn/files/%E5%90%8D%E5%8D%95.XLSX?v=2' },
      { name: '下载表格', url: 'http://www.example.gov.cn/download.jsp?filename=a.docx' },
    ]);
    // The attachment link in the body survives sanitization, opening beside the reader.
    expect(article?.contentHtml).toMatch(
      /<a href="http:\/\/www\.example\.gov\.cn\/art\/2021\/3\/2\/P0202103\.pdf"[^>]*target="_blank"/,
    );
  });

  it('removes script, event handlers and javascript: links from the body', () => {
    const html =
      extract(`<html><body><article>
      <p>${paragraph}<img src="x.png" alt="图" onerror="window.pwned=1"></p>
      <p onclick="window.pwned=1">${paragraph}<a href="javascript:window.pwned=1">链接</a></p>
      <script>window.pwned=1</script></article></body></html>`)?.contentHtml ?? '';
    expect(html).toContain('alt="图"');
    expect(html).not.toMatch(/onerror|onclick|javascript:|<script/i);
  });

  it('reads an article a platform hides until its script runs (WeChat)', () => {
    const text = '7月29日上午，绥德县在县消防救援大队举行双拥文艺汇演暨首届表彰大会。'.repeat(6);
    const dom = new JSDOM(`<html><body><div id="js_content" style="visibility: hidden;">
      <p>${text}</p><p>${text}</p></div></body></html>`);
    const article = extractArticle(dom.window.document, createSanitizer(dom.window));
    expect(article?.textContent).toContain('绥德县在县消防救援大队');
    // The page itself keeps its style.
    expect(dom.window.document.getElementById('js_content')?.getAttribute('style')).toBe(
      'visibility: hidden;',
    );
  });

  // A feed of other articles, each a linked headline and a summary as long as a paragraph:
  // Readability scores the summaries like the article's own paragraphs.
  const teaser = (n: number) =>
    `<li><h4><a href="/n${n}.html">另一篇新闻的标题第${n}条</a></h4><p>${'这是另一篇新闻的摘要，讲的是别的事情，与本文无关。'.repeat(4)}</p></li>`;
  const feed = [1, 2, 3, 4, 5, 6].map(teaser).join('');
  const shortBody =
    '<p>本报讯，市政府今天召开常务会议，研究部署近期重点工作，要求各部门抓好落实。</p>'.repeat(3);

  it('reads a known CMS body wrapper alone, without the portal feed beside it (TRS)', () => {
    const article = extract(`<html><head><title>会议召开_新闻_某市</title></head><body>
      <div class="page_left"><div class="page_k2"><div class="TRS_Editor">${shortBody}</div></div>
      <div class="rdwz"><ul>${feed}</ul></div></div></body></html>`);
    expect(article?.textContent).toContain('研究部署近期重点工作');
    expect(article?.textContent).not.toContain('另一篇新闻');
  });

  it('drops recommended and "more stories" feeds however long they are', () => {
    const article = extract(`<html><body><main>
      <article><h1>会议召开</h1><div class="body">${shortBody}<p>${paragraph}</p></div></article>
      <div id="module-moreStories"><ul>${feed}</ul></div>
      <div class="detail__recommend"><h1>另一篇新闻的标题</h1><p>${paragraph.replace(/正文/g, '别文')}</p></div>
      </main></body></html>`);
    expect(article?.textContent).toContain('研究部署近期重点工作');
    expect(article?.textContent).not.toMatch(/另一篇新闻|别文/);
  });

  it('ends the article at a self-media platform notice', () => {
    const article = extract(`<html><body><div class="content">
      <p>${paragraph}</p><p>${paragraph}</p>
      <p>特别声明：以上内容为自媒体平台用户上传并发布，本平台仅提供信息存储服务。</p>
      <div><p>${'泰国榴莲满大街卖不出去，水果商贩怒斥。'.repeat(5)}</p><p>前沿科技学习分享圈 2024-05-23</p></div>
      </div></body></html>`);
    expect(article?.textContent).toContain('用来让正文提取认出文章');
    expect(article?.textContent).not.toMatch(/本平台|榴莲|前沿科技/);
  });

  it('keeps an article sentence about 无障碍 or 适老化, dropping only the toolbar labels', () => {
    const article =
      extract(`<html><body><div class="top"><a href="#">无障碍浏览</a> | <a href="#">关怀版</a> | <a href="#">繁體</a></div>
      <div class="content"><p>${paragraph}</p><p>一、省级政务网站年底前完成无障碍改造。</p><p>二、开展适老化评测。</p><p>${paragraph}</p></div></body></html>`);
    expect(article?.textContent).toContain('一、省级政务网站年底前完成无障碍改造。');
    expect(article?.textContent).toContain('二、开展适老化评测。');
    expect(article?.textContent).not.toMatch(/无障碍浏览|关怀版|繁體/);
  });

  it('finds attachments beside the outermost of nested body wrappers', () => {
    const article = extract(`<html><body><div class="main"><div class="con">
      <div class="TRS_Editor"><div class="Custom_UnionStyle"><p>${paragraph}</p><p>${paragraph}</p></div></div>
      <div class="fj"><a href="./P0201.pdf">名单.pdf</a></div></div>
      <div class="side"><a href="/guide.pdf">政府信息公开指南</a>${'<p>其他栏目的一段很长的介绍文字，与本文无关。</p>'.repeat(8)}</div></div></body></html>`);
    expect(article?.attachments.map((attachment) => attachment.name)).toEqual(['名单.pdf']);
  });

  it('drops a heading the running text block opens with, when it says the title', () => {
    const article =
      extract(`<html lang="zh-HK"><head><title>長者醫療券計劃新增服務</title></head><body>
      <div id="contentBody"><h1>長者醫療券計劃新增服務</h1><span>　　${paragraph}<br><br>　　${paragraph}<br><br>完</span></div></body></html>`);
    expect(article?.title).toBe('長者醫療券計劃新增服務');
    expect(article?.textContent).not.toContain('長者醫療券計劃新增服務');
  });

  it('answers null for a page with no article text', () => {
    expect(extract('<html><body><nav><a href="/">首页</a></nav></body></html>')).toBeNull();
  });
});
