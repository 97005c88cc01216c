import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { judgeArticlePage } from '~/utils/detect/detect-article-page';
import { extractArticle } from '~/utils/extract/extract-article';
import { createSanitizer } from '~/utils/extract/sanitize';
import { dateOfUrl, normalizePublishedAt } from '~/utils/page/published-date';

const paragraph =
  '为进一步做好城乡居民基本医疗保险工作，现将有关事项通知如下，请认真贯彻执行。'.repeat(4);
const extract = (html: string, url = 'http://www.example.gov.cn/a/b/c.html') => {
  const dom = new JSDOM(
    `<html><head>${html.split('<body>')[0]}</head><body>${html.split('<body>')[1] ?? ''}</body></html>`,
    { url },
  );
  return extractArticle(dom.window.document, createSanitizer(dom.window));
};
const meta = (name: string, content: string, attribute = 'name') =>
  `<meta ${attribute}="${name}" content="${content}">`;

describe('header card: what the page shows wins', () => {
  it('takes the visible publish line over PubDate, and says so', () => {
    const article = extract(
      `${meta('PubDate', '2026-06-01 03:12')}<body><h1>关于停水的通知</h1><div>发布时间：2026-05-18  来源：市水务局</div><p>${paragraph}</p>`,
    );
    expect(article).toMatchObject({
      publishedAt: '2026-05-18',
      dateFrom: 'page:发布时间',
      source: '市水务局',
      sourceFrom: 'page:来源',
    });
  });

  it('keeps the metadata time when it names the day the page shows', () => {
    const article = extract(
      `${meta('PubDate', '2026-05-18 10:19')}<body><h1>关于停水的通知</h1><div>日期：2026-05-18</div><p>${paragraph}</p>`,
    );
    expect(article).toMatchObject({ publishedAt: '2026-05-18T10:19', dateFrom: 'page:日期' });
  });

  it('falls back to PubDate, then firstpublishedtime and the others, then the URL', () => {
    const body = `<body><h1>关于停水的通知</h1><p>${paragraph}</p>`;
    expect(extract(`${meta('PubDate', '2026-05-18 10:19')}${body}`)).toMatchObject({
      publishedAt: '2026-05-18T10:19',
      dateFrom: 'meta:PubDate',
    });
    expect(extract(`${meta('firstpublishedtime', '2007-08-20-23:59:59')}${body}`)).toMatchObject({
      publishedAt: '2007-08-20T23:59',
      dateFrom: 'meta:firstpublishedtime',
    });
    expect(
      extract(`${meta('article:published_time', '2024-05-09T10:00:00+08:00', 'property')}${body}`),
    ).toMatchObject({ publishedAt: '2024-05-09T10:00', dateFrom: 'meta:article:published_time' });
    expect(
      extract(body, 'http://www.example.gov.cn/zwgk/202312/t20231219_83454.htm'),
    ).toMatchObject({ publishedAt: '2023-12-19', dateFrom: 'url' });
  });

  it('never takes a date from a related list or the footer after the text', () => {
    const article = extract(
      `<body><h1>关于停水的通知</h1><p>${paragraph}</p><div class="xg"><h3>相关文章</h3><ul><li><a href="/1">另一则通知</a> 日期：2020-01-02</li></ul></div><footer>版权所有 2019-2026 时间：2019-01-01</footer>`,
      'http://www.example.gov.cn/a/b/c.html',
    );
    expect(article?.publishedAt).toBeUndefined();
  });

  it('takes the visible 来源 over an abbreviated ContentSource', () => {
    const article = extract(
      `${meta('ContentSource', '浙江')}<body><h1>关于停水的通知</h1><div>时间：2026-05-18 来源：浙江监管局</div><p>${paragraph}</p>`,
    );
    expect(article).toMatchObject({ source: '浙江监管局', sourceFrom: 'page:来源' });
  });

  it('takes the headline shown over a different ArticleTitle', () => {
    const article = extract(
      `${meta('ArticleTitle', '关于停水的通知')}<title>某市水务局</title><body><div class="article-title">关于5月20日部分区域停水的通知</div><p>${paragraph}</p>`,
    );
    expect(article?.title).toBe('关于5月20日部分区域停水的通知');
  });
});

describe('信息公开 header tables', () => {
  const table = (rows: string) =>
    `<body><table class="xxgk">${rows}</table><h1>关于印发实施办法的通知</h1><p>${paragraph}</p>`;

  it('gives 发布日期, 发布机构 and 文号 to the header card, and leaves the body', () => {
    const article = extract(
      `${meta('PubDate', '2026-03-12 08:00')}${table(
        '<tr><td>索引号：</td><td>000014349/2026-00012</td><td>主题分类：</td><td>城乡建设</td></tr><tr><td>发布机构：</td><td>某市住房和城乡建设局</td><td>成文日期：</td><td>2026-03-06</td></tr><tr><td>文号：</td><td>某建〔2026〕5号</td><td>发布日期：</td><td>2026-03-10</td></tr>',
      )}`,
    );
    expect(article).toMatchObject({
      publishedAt: '2026-03-10',
      dateFrom: 'page:发布日期',
      source: '某市住房和城乡建设局',
      sourceFrom: 'page:发布机构',
      docNumber: '某建〔2026〕5号',
    });
    expect(article?.textContent).not.toContain('索引号');
    expect(article?.textContent).not.toContain('000014349');
  });

  it('takes 成文日期 only without a 发布日期; reads spaced-out labels in a list', () => {
    const article = extract(
      `<body><ul class="index_box"><li>索&ensp;引&ensp;号：<font>PZ00101-0900-2015-00074</font></li><li>发文机关：<font>福建平潭</font></li><li>成文日期：<font>2015-10-29</font></li><li>发文字号：<font>岚综管综〔2015〕213号</font></li></ul><h1>关于同意街路命名的批复</h1><p>${paragraph}</p>`,
    );
    expect(article).toMatchObject({
      publishedAt: '2015-10-29',
      dateFrom: 'page:成文日期',
      source: '福建平潭',
      docNumber: '岚综管综〔2015〕213号',
    });
    expect(article?.textContent).not.toContain('PZ00101');
  });
});

describe('dates', () => {
  it('reads the day in an article URL, never a month alone', () => {
    expect(dateOfUrl('https://www.gov.cn/zhengce/content/2023-12/01/content_1.htm')).toBe(
      '2023-12-01',
    );
    expect(dateOfUrl('http://www.moe.gov.cn/a/202110/t20211011_1.html')).toBe('2021-10-11');
    expect(dateOfUrl('https://www.zj.gov.cn/art/2021/3/2/art_1_2.html')).toBe('2021-03-02');
    expect(dateOfUrl('http://www.he.news.cn/20230518/abc/c.html')).toBe('2023-05-18');
    expect(dateOfUrl('https://www.pingtan.gov.cn/zwgk/gsgg/202312/')).toBeUndefined();
    expect(dateOfUrl('https://www.example.gov.cn/a/20231399/')).toBeUndefined();
  });

  it("reads www.gov.cn's firstpublishedtime form", () => {
    expect(normalizePublishedAt('2007-08-20-23:59:59')).toBe('2007-08-20T23:59');
  });
});

describe('body boilerplate', () => {
  it('drops 上一篇/下一篇 and a 免责声明 box, keeps 责任编辑 and the signature', () => {
    const article = extract(
      `<body><h1>关于停水的通知</h1><div class="content"><p>${paragraph}</p><p>某市水务局</p><p>2026年5月18日</p><p>（责任编辑：张三）</p></div><div class="pn"><p>上一篇：<a href="/1">关于停电的通知</a></p><p>下一篇：<a href="/2">关于停气的通知</a></p></div><div class="disclaimer"><h4>版权与免责声明</h4><p>凡本网注明“来源：某市水务局”的所有作品，版权均属于某市水务局，未经授权不得转载、摘编或利用其它方式使用上述作品。</p></div>`,
    );
    expect(article?.textContent).toContain('2026年5月18日');
    expect(article?.textContent).toContain('责任编辑：张三');
    for (const chrome of ['上一篇', '下一篇', '关于停电的通知', '免责声明', '未经授权'])
      expect(article?.textContent).not.toContain(chrome);
  });
});

describe('front pages', () => {
  const section = (name: string) =>
    `<div class="box"><div class="hd"><h3>${name}</h3><a href="/more">更多</a></div><ul>${Array.from(
      { length: 6 },
      (_, i) =>
        `<li><a href="/${name}/${i}">${name}第${i}条消息的标题文字</a><span>2026-05-1${i}</span></li>`,
    ).join('')}</ul></div>`;
  const home = `<html><head><title>某市人民政府</title></head><body>${section('要闻动态')}<div class="intro"><h3>市情简介</h3><p>${paragraph}</p></div>${section('通知公告')}${section('政策文件')}</body></html>`;

  it('are not articles, whatever paragraph they hold, at the root or an index path', () => {
    for (const url of [
      'http://www.example.gov.cn/',
      'http://www.example.gov.cn/zwgk/',
      'http://www.example.gov.cn/index.jsp',
    ]) {
      const status = judgeArticlePage(url, new JSDOM(home, { url }).window.document);
      expect(status, url).toMatchObject({ kind: 'not-article', reasons: ['home-page'] });
    }
  });

  it('are told by their path: the same page at an article path is read', () => {
    const url = 'http://www.example.gov.cn/art/2026/5/18/art_1_2.html';
    expect(judgeArticlePage(url, new JSDOM(home, { url }).window.document).kind).toBe('article');
  });
});
