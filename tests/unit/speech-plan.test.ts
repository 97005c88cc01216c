import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { loadPages } from '../../scripts/fixture-server.mjs';
import { extractArticle } from '../../utils/extract/extract-article';
import { createSanitizer } from '../../utils/extract/sanitize';
import { MAX_CHUNK_CHARACTERS } from '../../utils/speech/chunk';
import { speechChunksOf, speechPlanOf } from '../../utils/speech/plan';

/** An article element shaped like the reader's: header card, body, attachment list. */
function readerArticle(body: string) {
  const { window } = new JSDOM(`<div class="yd-reader" lang="zh-Hans">
    <div role="toolbar"><button>朗读</button><span>字号</span></div>
    <article class="yd-article">
      <header class="yd-card">
        <h1>关于开展涉企收费专项清理的通知</h1>
        <p class="yd-meta">资阳市人民政府 · 发布时间：2021-03-02 · 来源：市发展改革委</p>
      </header>
      <div class="yd-content">${body}</div>
      <section class="yd-attachments"><h2>附件</h2>
        <ul><li><a href="https://x.gov.cn/1.pdf">收费目录清单.pdf</a></li></ul>
      </section>
    </article></div>`);
  const article = window.document.querySelector('article');
  if (!article) throw new Error('no article');
  return article;
}

function spokenWithBlocks(article: Element) {
  const plan = speechPlanOf(article);
  return plan.chunks.map((chunk) => [chunk.spoken, plan.blocks[chunk.block]?.tagName]);
}

describe('speechPlanOf (the reader article)', () => {
  it('reads the header card first, then the body in order, then the attachments, announced', () => {
    const article = readerArticle(
      '<p>各区县人民政府：</p><h2>一、工作目标</h2><p>全面清理。严格执行！</p><ol><li>加强领导；</li><li>落实责任。</li></ol>',
    );
    expect(spokenWithBlocks(article)).toEqual([
      ['关于开展涉企收费专项清理的通知', 'H1'],
      ['资阳市人民政府，发布时间：2021年3月2日，来源：市发展改革委', 'P'],
      ['各区县人民政府：', 'P'],
      ['一、工作目标', 'H2'],
      ['全面清理。', 'P'],
      ['严格执行！', 'P'],
      ['加强领导；', 'LI'],
      ['落实责任。', 'LI'],
      ['附件', 'H2'],
      ['收费目录清单.pdf', 'LI'],
    ]);
    expect(speechPlanOf(article).lang).toBe('zh-Hans');
  });

  it('never reads ruby annotations, hidden text or controls, and not the toolbar outside the article', () => {
    const article = readerArticle(
      '<p><ruby>资<rp>(</rp><rt>zī</rt><rp>)</rp></ruby><ruby>阳<rt>yáng</rt></ruby>市<span hidden>隐藏</span><button>复制</button>通知。</p><script>var a="脚本";</script>',
    );
    const spoken = speechPlanOf(article).chunks.map((chunk) => chunk.spoken);
    expect(spoken).toContain('资阳市通知。');
    expect(spoken.join('')).not.toMatch(/zī|yáng|隐藏|复制|脚本|朗读|字号|\(/);
  });

  it('reads a table row by row, cells in order with pauses', () => {
    const article = readerArticle(
      '<table><thead><tr><th>序号</th><th>项目</th><th>标准</th></tr></thead><tbody><tr><td>1</td><td>工本费</td><td>10元</td></tr><tr><td>2</td><td>检验费</td><td>免收</td></tr></tbody></table>',
    );
    const rows = spokenWithBlocks(article).filter(([, tag]) => tag === 'TR');
    expect(rows).toEqual([
      ['序号，项目，标准，', 'TR'],
      ['1，工本费，10元，', 'TR'],
      ['2，检验费，免收，', 'TR'],
    ]);
  });

  it('splits text between <br>s and beside nested blocks into blocks of their own element', () => {
    const article = readerArticle('<div>第一行<br>第二行<p>段落</p>尾句</div>');
    expect(spokenWithBlocks(article).slice(2, 6)).toEqual([
      ['第一行', 'DIV'],
      ['第二行', 'DIV'],
      ['段落', 'P'],
      ['尾句', 'DIV'],
    ]);
  });

  it('gives each chunk of a long paragraph the paragraph as its block', () => {
    const long = '为进一步优化营商环境，切实减轻企业负担，'.repeat(8);
    const article = readerArticle(`<p id="long">${long}</p>`);
    const plan = speechPlanOf(article);
    const chunks = plan.chunks.filter((chunk) => plan.blocks[chunk.block]?.id === 'long');
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.map((chunk) => chunk.spoken).join('')).toBe(long);
    for (const chunk of chunks)
      expect(chunk.spoken.length).toBeLessThanOrEqual(MAX_CHUNK_CHARACTERS);
  });
});

describe('speechChunksOf (Node, for inspect --json)', () => {
  it('says the golden Hanweb notice in order: title, header line, body, attachments', () => {
    const golden = loadPages().find((page) => page.slug === 'hanweb-notice');
    if (!golden) throw new Error('no hanweb-notice golden page');
    const { window } = new JSDOM(golden.html, { url: golden.url });
    const doc = window.document;
    const article = extractArticle(doc, createSanitizer(window));
    if (!article) throw new Error('no article');
    const chunks = speechChunksOf(article, doc);
    expect(chunks[0]).toBe(article.title);
    expect(chunks[1]).toContain('发布时间：');
    expect(chunks[1]).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    if (article.attachments.length > 0) {
      const heading = chunks.lastIndexOf('附件');
      expect(heading).toBeGreaterThan(1);
      expect(chunks.length - heading - 1).toBeGreaterThanOrEqual(article.attachments.length);
    }
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(MAX_CHUNK_CHARACTERS);
    // The body's lines are all said (punctuation and pauses aside).
    const bare = (text: string) => text.replace(/[\s\p{P}]/gu, '');
    const said = bare(chunks.join(''));
    for (const line of article.textContent.split('\n')) {
      const sample = bare(line).slice(0, 6);
      if (sample && !/\d/.test(sample)) expect(said).toContain(sample);
    }
  });
});
