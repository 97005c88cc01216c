/**
 * Converting the DOM (utils/convert/dom-convert.ts) in jsdom: phrases across inline tags, what is
 * never touched, exact restore, and the observer on the original page.
 */
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertPage, convertSubtree } from '~/utils/convert/dom-convert';
import { loadConverter } from '~/utils/convert/load-converter';
import { loadNodeDictionaries } from '~/utils/convert/load-node';
import type { Script } from '~/utils/convert/scripts';
import type { TextConverter } from '~/utils/convert/text-converter';
import { magicHtmlLabelled, OPENCC_CONFIGS, openccTestCases } from '../../scripts/lib/corpus';
import { loadDocument } from '../../scripts/lib/inspect-page';

let toTaiwan: TextConverter;
beforeAll(async () => {
  toTaiwan = await loadConverter('cn', 'tw', loadNodeDictionaries);
});

function dom(body: string, head = '') {
  return new JSDOM(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`);
}

/** Runs the observer's deferred work by hand, so tests decide when the page "yields". */
function manualSchedule() {
  const queue: (() => void)[] = [];
  return {
    schedule: (work: () => void) => queue.push(work),
    get waiting() {
      return queue.length;
    },
    /** jsdom delivers mutation records in a microtask: let them arrive, then run the work. */
    async flush() {
      await Promise.resolve();
      while (queue.length > 0) {
        queue.shift()?.();
        await Promise.resolve();
      }
    },
  };
}

describe('a phrase split by inline tags', () => {
  it.each([
    ['<p>头<b>发</b></p>', '<p>頭<b>髮</b></p>'],
    ['<p>理<a href="#">发</a>店</p>', '<p>理<a href="#">髮</a>店</p>'],
    ['<p><span>头</span><em>发</em>很长</p>', '<p><span>頭</span><em>髮</em>很長</p>'],
    ['<p>头</p><p>发</p>', '<p>頭</p><p>發</p>'],
    ['<p>头<br>发</p>', '<p>頭<br>發</p>'],
  ])('%s → %s', (html, expected) => {
    const { window } = dom(html);
    convertSubtree(window.document.body, toTaiwan);
    expect(window.document.body.innerHTML).toBe(expected);
  });

  it('passes as many OpenCC cases as the text converter, each split across inline tags', async () => {
    const { window } = dom('');
    const document = window.document;
    let passed = 0;
    for (const testCase of openccTestCases()) {
      for (const [config, expected] of Object.entries(testCase.expected)) {
        const pair = OPENCC_CONFIGS[config];
        if (!pair) continue;
        const converter = await loadConverter(pair[0], pair[1], loadNodeDictionaries);
        // Cut the input into pieces of 1, 2, 3… characters, every other piece in a <b>.
        const paragraph = document.createElement('p');
        const characters = [...testCase.input];
        for (let at = 0, size = 1, bold = false; at < characters.length; at += size, size += 1) {
          const text = document.createTextNode(characters.slice(at, at + size).join(''));
          if (bold) paragraph.append(document.createElement('b'));
          (bold ? (paragraph.lastChild as Element) : paragraph).append(text);
          bold = !bold;
        }
        document.body.replaceChildren(paragraph);
        convertSubtree(document.body, converter);
        if (paragraph.textContent === expected) passed += 1;
      }
    }
    expect(passed).toBe(454);
  }, 60_000);
});

describe('what is converted and what never is', () => {
  const page = `
    <h1 title="关于头发">关于头发</h1>
    <img alt="头发图片" src="x.png">
    <input value="头发" placeholder="请输入头发">
    <textarea aria-label="头发说明">头发</textarea>
    <select><option>头发</option></select>
    <code>头发</code><pre>头发</pre>
    <div contenteditable="true">头发</div>
    <script>var s = "头发";</script><style>.a::after { content: "头发"; }</style>
    <p translate="no">头发</p>
    <p lang="ja">発表</p>
    <p lang="zh-CN">头发</p>
    <ruby>头<rp>(</rp><rt>tóu</rt><rp>)</rp>发<rt>fà</rt></ruby>
    <button>搜索头发</button>`;

  it('converts text, the document title and reader-facing attributes, and nothing else', () => {
    const { window } = dom(page, '<title>头发</title>');
    const document = window.document;
    convertPage(document, toTaiwan, { observe: false });
    const $ = (selector: string) => document.querySelector(selector) as HTMLElement;
    expect(document.title).toBe('頭髮');
    expect($('h1').textContent).toBe('關於頭髮');
    expect($('h1').title).toBe('關於頭髮');
    expect($('img').getAttribute('alt')).toBe('頭髮圖片');
    expect($('input').getAttribute('placeholder')).toBe('請輸入頭髮');
    expect($('input').getAttribute('value')).toBe('头发');
    expect(($('input') as HTMLInputElement).value).toBe('头发');
    expect($('textarea').getAttribute('aria-label')).toBe('頭髮說明');
    expect(($('textarea') as HTMLTextAreaElement).value).toBe('头发');
    expect($('option').textContent).toBe('头发');
    expect($('code').textContent).toBe('头发');
    expect($('pre').textContent).toBe('头发');
    expect($('[contenteditable]').textContent).toBe('头发');
    expect($('script').textContent).toContain('头发');
    expect($('style').textContent).toContain('头发');
    expect($('[translate]').textContent).toBe('头发');
    expect($('[lang="ja"]').textContent).toBe('発表');
    expect($('p[lang="zh-TW"]').textContent).toBe('頭髮');
    // The base text converts as one phrase across the annotations, which stay as they were.
    expect($('ruby').textContent).toBe('頭(tóu)髮fà');
    expect($('button').textContent).toBe('搜索頭髮');
    expect(document.documentElement.getAttribute('lang')).toBe('zh-TW');
  });

  it('changes no text when the scripts are the same, only says which script is shown', async () => {
    const { window } = dom(page, '<title>头发</title>');
    const before = window.document.documentElement.outerHTML;
    const same = await loadConverter('cn', 'cn', loadNodeDictionaries);
    const handle = convertPage(window.document, same, { observe: false });
    expect(window.document.documentElement.outerHTML).toBe(
      before.replace('<html>', '<html lang="zh-Hans">'),
    );
    handle.restore();
    expect(window.document.documentElement.outerHTML).toBe(before);
  });
});

describe('restore', () => {
  it('puts back the lang the root had, or none', () => {
    const withLang = new JSDOM('<html lang="zh-CN"><body><p>头发</p></body></html>');
    const handle = convertPage(withLang.window.document, toTaiwan, { observe: false });
    expect(withLang.window.document.documentElement.lang).toBe('zh-TW');
    handle.restore();
    expect(withLang.window.document.documentElement.getAttribute('lang')).toBe('zh-CN');

    const withoutLang = dom('<p>头发</p>');
    convertPage(withoutLang.window.document, toTaiwan, { observe: false }).restore();
    expect(withoutLang.window.document.documentElement.hasAttribute('lang')).toBe(false);
  });

  it('leaves a real page identical after 20 conversions and restores, each to another script', async () => {
    const [first] = magicHtmlLabelled();
    const { dom: page } = loadDocument(
      readFileSync(first?.path ?? ''),
      first?.url ?? 'about:blank',
    );
    const document = page.window.document;
    const before = document.documentElement.outerHTML;
    const targets: Script[] = ['tw', 'hk', 't', 'twp'];
    for (let round = 0; round < 20; round += 1) {
      const converter = await loadConverter(
        'cn',
        targets[round % 4] as Script,
        loadNodeDictionaries,
      );
      const handle = convertPage(document, converter);
      expect(document.documentElement.outerHTML).not.toBe(before);
      handle.restore();
      expect(document.documentElement.outerHTML).toBe(before);
    }
    page.window.close();
  });

  it('keeps what the page itself changed after the conversion', () => {
    const { window } = dom('<p id="a">头发</p><p id="b">头发</p>');
    const document = window.document;
    const handle = convertPage(document, toTaiwan, { observe: false });
    (document.querySelector('#a') as Element).textContent = '页面自己改的';
    handle.restore();
    expect(document.querySelector('#a')?.textContent).toBe('页面自己改的');
    expect(document.querySelector('#b')?.textContent).toBe('头发');
  });

  it("does not disturb a focused textarea's value or caret", () => {
    const { window } = dom('<p>头发</p><textarea placeholder="写点什么">头发</textarea>');
    const document = window.document;
    const textarea = document.querySelector('textarea') as HTMLTextAreaElement;
    textarea.focus();
    textarea.value = '我正在输入头发的事';
    textarea.setSelectionRange(5, 5);
    for (let round = 0; round < 20; round += 1) {
      const handle = convertPage(document, toTaiwan);
      expect(textarea.value).toBe('我正在输入头发的事');
      handle.restore();
    }
    expect(document.activeElement).toBe(textarea);
    expect(textarea.value).toBe('我正在输入头发的事');
    expect([textarea.selectionStart, textarea.selectionEnd]).toEqual([5, 5]);
    expect(textarea.getAttribute('placeholder')).toBe('写点什么');
  });
});

describe('the observer on the original page', () => {
  it('converts what the page adds or changes later, and then goes quiet', async () => {
    const { window } = dom('<div id="feed"><p>头发</p></div>');
    const document = window.document;
    const scheduler = manualSchedule();
    convertPage(document, toTaiwan, { schedule: scheduler.schedule });
    const feed = document.querySelector('#feed') as Element;

    feed.insertAdjacentHTML('beforeend', '<p>新的<b>头</b>发</p><p title="说明">软件</p>');
    const first = feed.querySelector('p') as Element;
    (first.firstChild as Text).data = '理发';
    document.title = '后来的标题';
    await scheduler.flush();
    expect(feed.innerHTML).toBe('<p>理髮</p><p>新的<b>頭</b>髮</p><p title="說明">軟件</p>');
    expect(document.title).toBe('後來的標題');
    // Its own writes scheduled nothing more.
    await Promise.resolve();
    expect(scheduler.waiting).toBe(0);
  });

  it('gives up on a node the page keeps putting back', async () => {
    const { window } = dom('<p id="a">头发</p>');
    const document = window.document;
    const scheduler = manualSchedule();
    convertPage(document, toTaiwan, { schedule: scheduler.schedule });
    const text = (document.querySelector('#a') as Element).firstChild as Text;
    let rounds = 0;
    while (text.data !== '头发' || rounds === 0) {
      text.data = '头发';
      await scheduler.flush();
      rounds += 1;
      if (rounds > 100) break;
    }
    expect(rounds).toBeLessThanOrEqual(25);
    expect(text.data).toBe('头发');
  });

  it('stops on restore', async () => {
    const { window } = dom('<p>头发</p>');
    const document = window.document;
    const scheduler = manualSchedule();
    const handle = convertPage(document, toTaiwan, { schedule: scheduler.schedule });
    handle.restore();
    document.body.insertAdjacentHTML('beforeend', '<p>理发</p>');
    await scheduler.flush();
    expect(document.body.innerHTML).toBe('<p>头发</p><p>理发</p>');
  });

  it('leaves alone what the page types into an editor', async () => {
    const { window } = dom('<div contenteditable="true"><p>头发</p></div>');
    const document = window.document;
    const scheduler = manualSchedule();
    convertPage(document, toTaiwan, { schedule: scheduler.schedule });
    const text = document.querySelector('p')?.firstChild as Text;
    text.data = '头发和理发';
    await scheduler.flush();
    expect(text.data).toBe('头发和理发');
  });
});
