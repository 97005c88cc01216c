/**
 * Pinyin in the DOM (utils/pinyin/dom-pinyin.ts) in jsdom: rubies by phrase across inline tags,
 * what is never annotated, exact restore, content added later, slices on a huge page, and that
 * neither copying nor speech takes the annotation.
 */
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConverter } from '~/utils/convert/load-converter';
import { loadNodeDictionaries } from '~/utils/convert/load-node';
import type { TextConverter } from '~/utils/convert/text-converter';
import { annotatePage, annotateSubtree, type ReadRun } from '~/utils/pinyin/dom-pinyin';
import { pinyinSource } from '~/utils/pinyin/engines-pinyin';
import { type PinyinMode, readText } from '~/utils/pinyin/readings';
import { speechPlanOf } from '~/utils/speech/plan';
import { magicHtmlLabelled } from '../../scripts/lib/corpus';
import { loadDocument } from '../../scripts/lib/inspect-page';

let traditional: TextConverter;
beforeAll(async () => {
  traditional = await loadConverter('t', 'cn', loadNodeDictionaries);
});

const reader =
  (mode: PinyinMode = 'all', toSimplified: TextConverter | null = null): ReadRun =>
  (text) =>
    readText(text, { mode, toSimplified, source: pinyinSource });

function dom(body: string) {
  return new JSDOM(`<!DOCTYPE html><html><head></head><body>${body}</body></html>`);
}

/** The base characters and readings of every ruby, as `字(zì)`, with the text between. */
function annotated(element: Element): string {
  let out = '';
  const walk = (node: Node) => {
    if (node.nodeType === 3) out += (node as Text).data;
    else if ((node as Element).tagName === 'RT') out += `(${node.textContent})`;
    else for (const child of node.childNodes) walk(child);
  };
  walk(element);
  return out;
}

describe('annotating', () => {
  it('reads a phrase split by inline tags as one, and puts each reading over its character', async () => {
    const { window } = dom('<p>去银<b>行</b>找行长。</p>');
    const handle = annotateSubtree(window.document.body, reader());
    await handle.done;
    expect(annotated(window.document.body)).toBe(
      '去(qù)银(yín)行(háng)找(zhǎo)行(háng)长(zhǎng)。',
    );
    const ruby = window.document.querySelector('ruby');
    expect(ruby?.querySelector('rt')?.style.getPropertyValue('user-select')).toBe('none');
  });

  it('puts the reading over traditional characters', async () => {
    const { window } = dom('<p>銀行行長重複了。</p>');
    await annotateSubtree(window.document.body, reader('all', traditional)).done;
    expect(annotated(window.document.body)).toBe(
      '銀(yín)行(háng)行(háng)長(zhǎng)重(chóng)複(fù)了(le)。',
    );
  });

  it('annotates only uncommon characters in rare mode', async () => {
    const { window } = dom('<p>饕餮大餐</p>');
    await annotateSubtree(window.document.body, reader('rare')).done;
    expect(annotated(window.document.body)).toBe('饕(tāo)餮(tiè)大餐');
    expect(window.document.querySelectorAll('ruby')).toHaveLength(1);
  });

  it('never annotates form fields, editors, code, pre, scripts, other languages or existing ruby', async () => {
    const body =
      '<textarea>银行</textarea><input value="银行"><div contenteditable="true">银行</div>' +
      '<code>银行</code><pre>银行</pre><script>var a = "银行";</script><p lang="ja">銀行</p>' +
      '<p translate="no">银行</p><ruby>统<rp>(</rp><rt>tǒng</rt><rp>)</rp></ruby><p>中</p>';
    const { window } = dom(body);
    await annotateSubtree(window.document.body, reader()).done;
    expect(window.document.querySelectorAll('ruby')).toHaveLength(2);
    expect(window.document.querySelectorAll('rt')).toHaveLength(2);
    expect(annotated(window.document.body)).toContain('中(zhōng)');
    expect(
      window.document.body.innerHTML.startsWith(
        '<textarea>银行</textarea><input value="银行"><div contenteditable="true">银行</div><code>银行</code><pre>银行</pre>',
      ),
    ).toBe(true);
  });

  it("annotates a ruby whose annotation is gone (the reader's extraction drops page rt)", async () => {
    const { window } = dom('<p><ruby>朝</ruby>阳路</p>');
    await annotateSubtree(window.document.body, reader()).done;
    expect(annotated(window.document.body)).toBe('朝(cháo)阳(yáng)路(lù)');
  });

  it('shows nothing for Latin, digits, 〇 and characters outside the BMP, never "undefined"', async () => {
    const { window } = dom('<p>A1〇𠮷中</p>');
    await annotateSubtree(window.document.body, reader()).done;
    expect(annotated(window.document.body)).toBe('A1〇𠮷中(zhōng)');
    expect(window.document.body.innerHTML).not.toContain('undefined');
  });
});

describe('the reader (its stylesheet keeps readings out of a selection)', () => {
  it('gives the rt no inline style of its own', async () => {
    const { window } = dom('<p>银行</p>');
    await annotateSubtree(window.document.body, reader(), { inlineUnselectable: false }).done;
    expect(window.document.querySelectorAll('rt')).toHaveLength(2);
    expect(window.document.querySelector('rt[style]')).toBeNull();
  });
});

describe('slices', () => {
  /** Annotates with slices run by hand; returns the rubies each slice added. */
  function bySlice(html: string, sliceRubies: number) {
    const { window } = dom(html);
    const queue: (() => void)[] = [];
    const rubies = () => window.document.querySelectorAll('rt').length;
    const firstChildren = [...window.document.querySelectorAll('p')].map((p) => p.firstChild);
    const handle = annotateSubtree(window.document.body, reader(), {
      sliceRubies,
      sliceMs: 10_000,
      schedule: (work) => queue.push(work),
    });
    const added = [rubies()];
    return {
      window,
      handle,
      added,
      firstChildren,
      next() {
        const before = rubies();
        queue.shift()?.();
        added.push(rubies() - before);
        return queue.length > 0;
      },
    };
  }

  it("puts in a frame's worth of rubies at a time, in one long text node or in many short ones", () => {
    const long = bySlice(`<p>${'各区县人民政府要加强管理'.repeat(50)}</p>`, 100);
    while (long.next());
    expect(long.added.length).toBeGreaterThanOrEqual(5);
    // A slice looks at its share every 32 characters, and between text nodes.
    expect(Math.max(...long.added)).toBeLessThan(100 + 32);
    expect(long.added.reduce((a, b) => a + b, 0)).toBe(600);
    const short = bySlice(`<p>${'<a href="#">人民政府</a>'.repeat(100)}</p>`, 50);
    while (short.next());
    expect(short.added.length).toBeGreaterThan(5);
    expect(Math.max(...short.added)).toBeLessThan(50 + 32);
  });

  it('restores exactly when turned off half way through a long text node', () => {
    const text = '各区县人民政府要加强银行行长的管理。'.repeat(40);
    const half = bySlice(`<div><p>${text}</p><p>重复</p></div>`, 200);
    const paragraph = half.window.document.querySelector('p') as Element;
    half.next();
    // Part of the node is annotated, the rest waits as plain text: the page reads the same.
    expect(paragraph.querySelectorAll('rt').length).toBeGreaterThan(0);
    expect(paragraph.querySelectorAll('rt').length).toBeLessThan(text.length - 40);
    expect(paragraph.textContent?.replace(/[a-zāáǎàēéěèīíǐìōóǒòūúǔù]+/g, '')).toBe(text);
    half.handle.restore();
    expect(half.window.document.body.innerHTML).toBe(`<div><p>${text}</p><p>重复</p></div>`);
    const after = [...half.window.document.querySelectorAll('p')].map((p) => p.firstChild);
    expect(after.every((node, index) => node === half.firstChildren[index])).toBe(true);
  });
});

describe('restore', () => {
  it('leaves a real page identical after 20 rounds, the same text nodes put back', async () => {
    const [first] = magicHtmlLabelled();
    const { dom: page } = loadDocument(
      readFileSync(first?.path ?? ''),
      first?.url ?? 'about:blank',
    );
    const document = page.window.document;
    const before = document.documentElement.outerHTML;
    const textNodes: Node[] = [];
    const walker = document.createTreeWalker(document.body, 4);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) textNodes.push(node);
    for (let round = 0; round < 20; round += 1) {
      const handle = annotatePage(document, reader(round % 2 ? 'rare' : 'all'), {
        observe: round % 3 === 0,
      });
      await handle.done;
      expect(document.querySelectorAll('ruby[data-yidu-pinyin]').length).toBeGreaterThan(0);
      handle.restore();
      expect(document.documentElement.outerHTML).toBe(before);
    }
    const after: Node[] = [];
    const again = document.createTreeWalker(document.body, 4);
    for (let node = again.nextNode(); node; node = again.nextNode()) after.push(node);
    expect(after).toEqual(textNodes);
    expect(after.every((node, index) => node === textNodes[index])).toBe(true);
    page.window.close();
  }, 60_000);
});

describe('content the page adds later', () => {
  it('is annotated, and restored with the rest', async () => {
    const { window } = dom('<div id="list"><p>行长</p></div>');
    const document = window.document;
    const handle = annotatePage(document, reader());
    await handle.done;
    const added = document.createElement('p');
    added.textContent = '重复';
    document.querySelector('#list')?.append(added);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(annotated(added)).toBe('重(chóng)复(fù)');
    handle.restore();
    expect(document.body.innerHTML).toBe('<div id="list"><p>行长</p><p>重复</p></div>');
  });
});

describe('a 200,000-character page', () => {
  /** Runs the slices by hand and times each: the longest is what would hold the page. */
  async function slices(html: string, mode: PinyinMode) {
    const { window } = dom(html);
    const queue: (() => void)[] = [];
    const started = performance.now();
    // Slices of 8 ms: jsdom's steps are many times a browser's, and the default 25 ms plus one
    // step would leave no margin under 50 ms here.
    const handle = annotatePage(window.document, reader(mode), {
      observe: false,
      sliceMs: 8,
      schedule: (work) => queue.push(work),
    });
    const times = [performance.now() - started];
    while (queue.length > 0) {
      const sliceStarted = performance.now();
      queue.shift()?.();
      times.push(performance.now() - sliceStarted);
    }
    await handle.done;
    times.sort((a, b) => a - b);
    return {
      window,
      count: times.length,
      median: times[Math.floor(times.length / 2)] as number,
      longest: times[times.length - 1] as number,
    };
  }

  // jsdom builds elements many times slower than a browser and collects garbage in long pauses on
  // this shared machine: the typical slice is held to the browser's 50 ms here, and the longest to
  // a bound that one unsliced step (650 ms before slicing) cannot meet. The E2E test measures
  // long tasks in Chromium.
  it('is read in slices none of them long, uncommon characters annotated', async () => {
    const paragraph = '各区县人民政府要加强银行行长的管理，重复检查处分决定，饕餮之徒。'.repeat(20);
    const count = Math.ceil(200_000 / paragraph.length);
    const {
      window,
      longest,
      median,
      count: sliceCount,
    } = await slices(
      `<div>${`<p>${paragraph}</p>`.repeat(count - 10)}</div><p>${paragraph.repeat(10)}</p>`,
      'rare',
    );
    expect(window.document.body.textContent?.length).toBeGreaterThanOrEqual(200_000);
    expect(sliceCount).toBeGreaterThan(10);
    expect(median).toBeLessThan(50);
    expect(longest).toBeLessThan(200);
    expect(window.document.querySelectorAll('rt').length).toBe(count * 20 * 2);
  }, 60_000);

  it('wraps every character of one long text node a piece at a time', async () => {
    const text = '各区县人民政府要加强银行行长的管理，重复检查处分决定。'.repeat(200);
    const { window, longest, median, count } = await slices(`<p>${text}</p>`, 'all');
    expect(count).toBeGreaterThan(10);
    expect(median).toBeLessThan(50);
    expect(longest).toBeLessThan(200);
    expect(window.document.querySelectorAll('rt').length).toBe(text.length - 400);
    expect(window.document.body.textContent?.replace(/[a-zāáǎàēéěèīíǐìōóǒòūúǔù]+/g, '')).toBe(text);
  }, 60_000);
});

describe('copy and speech', () => {
  it('speech reads the characters, never the annotation', async () => {
    const { window } = dom('<article><p>银行行长重复了。</p></article>');
    const article = window.document.querySelector('article') as Element;
    const handle = annotateSubtree(article, reader());
    await handle.done;
    expect(article.querySelectorAll('rt').length).toBe(7);
    const spoken = speechPlanOf(article)
      .chunks.map((chunk) => chunk.spoken)
      .join('');
    expect(spoken).toBe('银行行长重复了。');
  });
});
