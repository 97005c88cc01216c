/**
 * What the detector reads of a page's text: all of it on any real article page, only its start
 * and end on a huge one, where the footer's filing numbers still count.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { judgeArticlePage } from '~/utils/detect/detect-article-page';
import { readPageText, readParagraphs } from '~/utils/detect/page-text';
import { countCjk, reachesCjk } from '~/utils/page/cjk';

const FOOTER = '<footer><p>网站标识码：5120000001　蜀ICP备05003300号</p></footer>';
const PARAGRAPH =
  '<div>　　会议强调，要深入推进城乡建设，做好民生保障工作，确保各项任务落到实处。</div>';

function bodyOf(html: string) {
  return new JSDOM(`<!DOCTYPE html><html><head><title>t</title></head><body>${html}</body></html>`)
    .window.document.body;
}

describe('the text the detector reads', () => {
  it('is the whole text, exactly as textContent, on an ordinary page', () => {
    const body = bodyOf(
      `<h1>关于做好2021年城乡建设工作的通知</h1><p>发布时间：2021-03-02</p>${PARAGRAPH.repeat(40)}<script>var a = 1;</script>${FOOTER}`,
    );
    const page = readPageText(body);
    expect(page.text).toBe(body.textContent);
    expect(page.allCharacters).toBe(countCjk(body.textContent ?? ''));
  });

  it('counts the text in links and navigation apart from the running text', () => {
    const body = bodyOf(
      `<nav><a href="/">首页</a></nav><div>正文<a href="/x">链接文字</a>结束</div><footer>网站标识码</footer>`,
    );
    const page = readPageText(body);
    expect(page.contentCharacters).toBe(4);
    expect(page.allCharacters).toBe(2 + 4 + 4 + 5);
    expect(page.longestBlock).toBe(4);
  });

  it('on a huge page is its start and its end, the footer included, and no more', () => {
    const body = bodyOf(
      `<p>发布时间：2021-03-02</p>${PARAGRAPH.repeat(10_000)}<div>正文最后一段。</div>${FOOTER}`,
    );
    const whole = body.textContent ?? '';
    const { text } = readPageText(body);
    expect(whole.length).toBeGreaterThan(300_000);
    expect(text.length).toBeLessThanOrEqual(220_001);
    expect(text.startsWith(whole.slice(0, 1000))).toBe(true);
    expect(text.endsWith(whole.slice(-1000))).toBe(true);
    expect(text).toContain('网站标识码');
  });

  it('cuts a single huge text node too', () => {
    const body = bodyOf(`<pre>${'城乡建设'.repeat(200_000)}</pre>`);
    expect(readPageText(body).text.length).toBeLessThanOrEqual(220_001);
  });

  it('still lets a huge article page be found, footer and publish line counted', () => {
    const doc = bodyOf(
      `<h1>关于做好2021年城乡建设工作的通知</h1><p>发布时间：2021-03-02</p>${PARAGRAPH.repeat(10_000)}${FOOTER}`,
    ).ownerDocument;
    const status = judgeArticlePage('http://www.example.gov.cn/bench/huge.html', doc);
    expect(status.kind).toBe('article');
    expect(status.reasons).toEqual(expect.arrayContaining(['publish-line', 'gov-footer']));
  });
});

describe('the running paragraph that settles a page', () => {
  const LONG =
    '会议强调，要深入推进城乡建设，做好民生保障工作，确保各项任务落到实处，切实提高人民群众的获得感、幸福感和安全感，推动经济社会高质量发展。';
  const find = (html: string) => readParagraphs(bodyOf(html), 40).running?.id;

  it('is the first paragraph with enough Chinese outside links', () => {
    expect(find(`<p id="short">短句。</p><p id="long">${LONG}</p><p id="later">${LONG}</p>`)).toBe(
      'long',
    );
    expect(find(`<pre id="pre">${LONG}</pre>`)).toBe('pre');
  });

  it('is never in navigation, a header or a footer, nor mostly a link', () => {
    expect(find(`<footer><p>${LONG}</p></footer><nav><div><p>${LONG}</p></div></nav>`)).toBe(
      undefined,
    );
    expect(find(`<p><a href="/a">${LONG}</a>。</p>`)).toBe(undefined);
    expect(find(`<p id="mixed"><a href="/a">链接</a>${LONG}</p>`)).toBe('mixed');
  });

  it('when no paragraph is long enough, counts the shorter ones that are article text', () => {
    const sentence = '本周六上午九时至十一时，市民服务中心将暂停办理不动产登记业务。'; // 29 CJK
    const body = bodyOf(
      `<nav><p>${sentence}</p></nav><p>${sentence}</p><p><a href="/a">${sentence}</a>见附件。</p><p>短句。</p><pre>${sentence}</pre>`,
    );
    expect(readParagraphs(body, 40)).toEqual({ characters: 58, count: 2 });
  });

  it('is never the summary of an entry in a list of headlines', () => {
    const entry = `<li><a href="/n">标题</a><p>${LONG}</p></li>`;
    expect(find(`<ul>${entry.repeat(5)}</ul>`)).toBe(undefined);
    expect(find(`<ul>${entry.repeat(5)}</ul><p id="body">${LONG}</p>`)).toBe('body');
  });
});

describe('counting Chinese characters', () => {
  it('counts CJK ideographs and Extension A, not punctuation, kana, Latin or digits', () => {
    expect(countCjk('政府网站，2021年：㐀abcかな')).toBe(6);
    expect(countCjk('')).toBe(0);
  });

  it('tells whether a text reaches a number of them, as counting would', () => {
    for (const text of ['政府网站，2021年：㐀abcかな', '', 'abc', '政府'.repeat(50)])
      for (const enough of [0, 1, 6, 7, 100])
        expect(reachesCjk(text, enough), `${text} ${enough}`).toBe(countCjk(text) >= enough);
  });
});
