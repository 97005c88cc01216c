import { JSDOM } from 'jsdom';
import { expect, describe as group, it } from 'vitest';
import { columnHeaderOf, describe, readableAt, textOf } from '~/utils/assist/describe';

const page = (body: string) =>
  new JSDOM(`<!DOCTYPE html><html><body>${body}</body></html>`).window.document;

/** What 指读 says for the element with id `id` under the pointer. */
function said(body: string, id: string) {
  const document = page(body);
  const found = readableAt(document.getElementById(id));
  return found ? describe(found).spoken : null;
}

group('what 指读 reads for the element under the pointer', () => {
  it('a word in a link reads the whole link, with 链接', () => {
    expect(said('<p>见 <a href="/x">关于<b id="w">开展</b>检查的通知</a></p>', 'w')).toBe(
      '链接，关于开展检查的通知',
    );
  });

  it('image-only links by their alt or aria-label, else 图片', () => {
    expect(said('<a href="/" id="a"><img src="x.png" alt="首页"></a>', 'a')).toBe('链接，首页');
    expect(said('<a href="/" aria-label="返回首页"><img id="i" src="x.png"></a>', 'i')).toBe(
      '链接，返回首页',
    );
    expect(said('<a href="/"><img id="i" src="x.png"></a>', 'i')).toBe('链接，图片');
    expect(said('<canvas id="c" aria-label="统计图"></canvas>', 'c')).toBe('统计图');
    expect(said('<canvas id="c"></canvas>', 'c')).toBe('图片');
  });

  it('text annotated with pinyin (the page’s, or ours over the page) reads its characters alone', () => {
    expect(
      said('<p id="p">请到银<ruby>行<rp>(</rp><rt>háng</rt><rp>)</rp></ruby>办理</p>', 'p'),
    ).toBe('请到银行办理');
    const document = page('<p id="p"><ruby>耄<rt>mào</rt>耋<rt>dié</rt></ruby>老人</p>');
    expect(textOf(document.getElementById('p') as Element)).toBe('耄耋老人');
  });

  it('buttons and form controls with their labels', () => {
    expect(said('<button id="b">搜索</button>', 'b')).toBe('按钮，搜索');
    expect(said('<input type="submit" id="s" value="提交">', 's')).toBe('按钮，提交');
    expect(said('<label for="q">关键词</label><input id="q">', 'q')).toBe('关键词');
    expect(said('<input id="q" placeholder="请输入">', 'q')).toBe('请输入');
    expect(said('<label><input type="checkbox" id="c" checked>同意</label>', 'c')).toBe(
      '同意，已选中',
    );
  });

  it('a table cell with its column header (colspans counted)', () => {
    const table = `<table><thead><tr><th colspan="2">项目</th><th>收费标准</th></tr></thead>
      <tbody><tr><td>1</td><td>名称</td><td id="c">每件 20 元</td></tr></tbody></table>`;
    expect(said(table, 'c')).toBe('收费标准，每件 20 元');
    const document = page(table);
    expect(columnHeaderOf(document.querySelector('th') as Element)).toBeNull();
  });

  it('headings and paragraphs by their text; a bare div of prose by its own text', () => {
    expect(said('<h2><span id="s">政务公开</span></h2>', 's')).toBe('政务公开');
    expect(said('<div><p id="p">第一句。\n  第二句。</p></div>', 'p')).toBe('第一句。第二句。');
    expect(said('<div id="d">没有段落标记的正文<span>内容</span></div>', 'd')).toBe(
      '没有段落标记的正文内容',
    );
    // A wrapper with a stray word and a page of boxes inside is not read whole.
    expect(
      said(`<div id="w">｜${'<div><span>栏目</span></div>'.repeat(100)}</div>`, 'w'),
    ).toBeNull();
  });

  it('reads through open shadow roots, and nothing inside our own host', () => {
    const document = page(
      '<x-card id="card"></x-card><yidu-assist id="ours"><p id="o">x</p></yidu-assist>',
    );
    const host = document.getElementById('card') as HTMLElement;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<a href="/n"><span id="in">办事指南</span></a>';
    const inner = shadow.getElementById('in');
    const found = readableAt(inner);
    expect(found && describe(found).spoken).toBe('链接，办事指南');
    expect(textOf(host)).toBe('办事指南');
    expect(readableAt(document.getElementById('o'), document.getElementById('ours'))).toBeNull();
  });

  it('skips scripts and hidden text, and reads at most a bounded amount of a huge block', () => {
    expect(said('<p id="p">可见<script>var x;</script><span hidden>隐藏</span>文字</p>', 'p')).toBe(
      '可见文字',
    );
    const document = page(`<p id="p">${'很长的段落。'.repeat(100_000)}</p>`);
    const text = textOf(document.getElementById('p') as Element, 300);
    expect(text.length).toBe(300);
  });

  it('looks only a few ancestors up, however deep the page', () => {
    const deep = `${'<div>'.repeat(200)}<span id="s">深处</span>${'</div>'.repeat(200)}`;
    const document = page(`<a href="/">${deep}</a>`);
    // The link is 200 levels up: too far to be what the pointer is on; the text is read instead.
    const found = readableAt(document.getElementById('s'));
    expect(found?.kind).toBe('text');
    expect(found && describe(found).spoken).toBe('深处');
  });
});
