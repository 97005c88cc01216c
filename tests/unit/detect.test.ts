import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { judgeArticlePage } from '~/utils/detect/detect-article-page';
import { describeArticle } from '~/utils/extract/article-header';
import { readGovMetadata } from '~/utils/page/gov-metadata';
import { goldenPages } from './golden-pages';

const documentOf = (head: string) =>
  new JSDOM(`<html><head>${head}</head><body></body></html>`).window.document;

describe.each(goldenPages())('golden page $slug', ({ dom, url, expected }) => {
  it(`is ${expected.isArticle ? '' : 'not '}an article`, () => {
    const status = judgeArticlePage(url, dom.window.document);
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
    const article = (head: string) => judgeArticlePage('about:blank', documentOf(head)).kind;
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

describe('judgeArticlePage signals', () => {
  const notice = (paragraphs: string[]) =>
    new JSDOM(
      `<html><head><title>关于停水的通知_通知公告_某县人民政府</title></head><body>
      <nav><a href="/">首页</a><a href="/tzgg/">通知公告</a></nav>
      <h1>关于停水的通知</h1><p>发布时间：2026-05-18 来源：县水务局</p>
      ${paragraphs.map((text) => `<p>${text}</p>`).join('')}
      <footer>网站标识码：5120000001 蜀ICP备05007295号-1</footer></body></html>`,
    ).window.document;
  const shortParagraphs = [
    '因供水管网改造，我县城区部分区域将暂停供水。',
    '停水时间：5月20日8时至18时。',
    '停水范围：城东片区、河西片区。',
    '请广大用户提前做好储水准备，给您带来不便，敬请谅解。',
    '咨询电话：0832-1234567。',
  ];

  it('takes a notice of short paragraphs on a portal article URL for an article, with reasons', () => {
    const doc = notice(shortParagraphs);
    const status = judgeArticlePage(
      'http://www.example.gov.cn/tzgg/202605/t20260518_1234567.html',
      doc,
    );
    expect(status.kind).toBe('article');
    expect(status.reasons).toEqual(
      expect.arrayContaining(['article-url-shape', 'publish-line', 'gov-footer']),
    );
    expect(describeArticle(doc).title).toBe('关于停水的通知');
  });

  it('gives the popup the PubDate as an ISO date, whatever way the portal writes it', () => {
    const dated = (pubDate: string) =>
      describeArticle(
        documentOf(
          `<meta name="ArticleTitle" content="通知"><meta name="SiteName" content="某市政府"><meta name="PubDate" content="${pubDate}">`,
        ),
      );
    expect(dated('2020年08月02日')).toMatchObject({
      publishedAt: '2020-08-02',
      dateFrom: 'meta:PubDate',
    });
    expect(dated('2026.09.19')).toMatchObject({ publishedAt: '2026-09-19' });
    expect(dated('2026-05-18 10:19:33')).toMatchObject({ publishedAt: '2026-05-18T10:19' });
  });

  it('gives the popup the date and source the page shows under the title over the metadata', () => {
    const doc = documentOf(
      `<meta name="ArticleTitle" content="关于停水的通知"><meta name="SiteName" content="某市政府">
       <meta name="PubDate" content="2026-05-20 03:00"><meta name="ContentSource" content="水务">
       <h1>关于停水的通知</h1><div>时间：2026-05-18 来源：市水务局 浏览量：12</div>
       <p>因管网改造，5月20日停水。时间：2026-05-20 8时至18时。</p>`,
    );
    expect(judgeArticlePage('http://www.example.gov.cn/a/1', doc).kind).toBe('article');
    expect(describeArticle(doc)).toEqual({
      title: '关于停水的通知',
      publishedAt: '2026-05-18',
      dateFrom: 'page:时间',
      source: '市水务局',
      sourceFrom: 'page:来源',
    });
  });

  it('says no to list, index and search URLs whatever the page holds', () => {
    const doc = notice(shortParagraphs);
    for (const url of [
      'http://www.example.gov.cn/tzgg/index_2.html',
      'https://www.example.gov.cn/col/col1229492731/index.html',
      'https://www.example.gov.cn/search?q=%E5%81%9C%E6%B0%B4',
    ]) {
      expect(judgeArticlePage(url, doc)).toMatchObject({
        kind: 'not-article',
        reasons: ['list-url-shape'],
      });
    }
  });

  it('says no to a page of links, and yes to running text on an unknown URL', () => {
    const links = Array.from(
      { length: 40 },
      (_, i) => `<li><a href="/a/${i}">第${i}条新闻标题在这里</a></li>`,
    );
    const listPage = new JSDOM(`<html><body><ul>${links.join('')}</ul></body></html>`).window
      .document;
    expect(judgeArticlePage('https://news.example.com/', listPage).kind).toBe('not-article');
    const longParagraph = '从下个月起，市内十二家社区图书馆将在周六和周日延长开放时间。'.repeat(4);
    expect(judgeArticlePage('https://news.example.com/a/1', notice([longParagraph])).kind).toBe(
      'article',
    );
  });

  it('says no to a list whose entries carry summaries as long as paragraphs (a forum thread list)', () => {
    const summary =
      '据报道，某地警方通报称，近日在自然保护区发现失联人员，目前调查仍在进行之中，详情请见正文。';
    const entries = Array.from(
      { length: 12 },
      (_, i) =>
        `<li><div class="title"><a href="/p/${i}">第${i}个热议话题</a></div><div class="abs">${summary.repeat(2)}</div><span>回复 ${i}</span></li>`,
    );
    const threadList = new JSDOM(
      `<html><body><ul class="threads">${entries.join('')}</ul></body></html>`,
    ).window.document;
    expect(judgeArticlePage('https://tieba.example.com/f?kw=1', threadList).kind).toBe(
      'not-article',
    );
    // The same long paragraphs as an article's body, one list item being the whole article: yes.
    const article = new JSDOM(
      `<html><body><ul class="layout"><li><a href="/">首页</a></li><li><a href="/n">新闻</a></li><li><a href="/g">公告</a></li>
      <li><p>${summary.repeat(3)}</p><p>${summary.repeat(3)}</p><p>${summary.repeat(3)}</p><p>${summary.repeat(3)}</p></li></ul></body></html>`,
    ).window.document;
    expect(judgeArticlePage('https://news.example.com/a/1', article).kind).toBe('article');
  });

  it('takes short paragraphs for an article however many links surround them, but not summaries in a headline list', () => {
    const sentence = '本周六上午九时至十一时，市民服务中心将暂停办理不动产登记业务。';
    const menu = Array.from(
      { length: 300 },
      (_, i) => `<li><a href="/c/${i}">第${i}个栏目的名称</a></li>`,
    ).join('');
    const underMenu = new JSDOM(
      `<html><body><ul class="menu">${menu}</ul><div class="text">${`<p>${sentence}</p>`.repeat(5)}</div></body></html>`,
    ).window.document;
    expect(judgeArticlePage('https://news.example.com/a/3', underMenu)).toMatchObject({
      kind: 'article',
      reasons: ['some-running-text'],
    });
    const entries = Array.from(
      { length: 12 },
      (_, i) => `<li><a href="/n/${i}">第${i}条新闻</a><p>${sentence}</p></li>`,
    ).join('');
    const headlines = new JSDOM(`<html><body><ul class="news">${entries}</ul></body></html>`).window
      .document;
    expect(judgeArticlePage('https://news.example.com/news/', headlines).kind).toBe('not-article');
  });

  it('takes five one-sentence paragraphs for a short notice', () => {
    const sentence = '本周六上午九时至十一时，市民服务中心将暂停办理不动产登记业务。';
    expect(
      judgeArticlePage(
        'https://news.example.com/a/2',
        notice([sentence, sentence, sentence, sentence, sentence]),
      ).kind,
    ).toBe('article');
  });
});

describe('a home page built to be slow to tell', () => {
  /**
   * An index page whose link lists sit side by side in one box after a box of as much text: each
   * list climbs to that box's heading, which is no heading (too long). The front-page check must
   * read each heading only a few characters deep, not the whole box once per list.
   */
  const hostileFront = (lists: number) => {
    const noise = '<span>通知公告</span>'.repeat(lists * 4);
    const list =
      '<ul><li><a href="/a">条目</a></li><li><a href="/b">条目</a></li><li><a href="/c">条目</a></li></ul>';
    return new JSDOM(
      `<html><body><div>${noise}</div><div>${list.repeat(lists)}</div></body></html>`,
      { url: 'https://www.example.gov.cn/' },
    ).window.document;
  };
  const timeOf = (doc: Document) => {
    const times: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      const start = performance.now();
      judgeArticlePage(doc.URL, doc);
      times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b)[1] ?? 0;
  };

  it('takes time that grows about linearly with the page', () => {
    const small = timeOf(hostileFront(250));
    const large = timeOf(hostileFront(1_000));
    // Four times the page: linear work takes about 4×; the quadratic check took about 16×.
    expect(large / Math.max(small, 1)).toBeLessThan(10);
  }, 60_000);
});
