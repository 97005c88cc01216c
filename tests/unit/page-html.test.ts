/**
 * The page crosses to the extractor as HTML: parsed again there, it must resolve its links as the
 * page did, keep its parsing mode, and give the same article as the page itself.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '~/utils/extract/extract-article';
import { extractFromHtml } from '~/utils/extract/extract-html';
import { createOffscreenExtractor } from '~/utils/extract/offscreen-extractor';
import { parsePage, serializePage } from '~/utils/extract/page-html';
import { createSanitizer } from '~/utils/extract/sanitize';
import { goldenPages } from './golden-pages';

const URL_OF_PAGE = 'http://www.example.gov.cn/tzgg/202605/t20260518_1234567.html';
const { window } = new JSDOM('');
const parser = new window.DOMParser();

describe('the page as HTML', () => {
  it('resolves links against the page’s address, or its own <base> resolved against it', () => {
    const plain = parsePage('<a href="../a.pdf">附件</a><img src="/i.png">', URL_OF_PAGE, parser);
    expect((plain.querySelector('a') as HTMLAnchorElement).href).toBe(
      'http://www.example.gov.cn/tzgg/a.pdf',
    );
    expect((plain.querySelector('img') as HTMLImageElement).src).toBe(
      'http://www.example.gov.cn/i.png',
    );
    const based = parsePage(
      '<head><base href="/files/"></head><body><a href="a.pdf">附件</a></body>',
      URL_OF_PAGE,
      parser,
    );
    expect((based.querySelector('a') as HTMLAnchorElement).href).toBe(
      'http://www.example.gov.cn/files/a.pdf',
    );
  });

  it('keeps a quirks-mode page in quirks mode, and a standards one in standards mode', () => {
    const quirks = new JSDOM(
      '<html><body><p>文<table><tr><td>表</td></tr></table></p></body></html>',
    ).window.document;
    const standards = new JSDOM('<!DOCTYPE html><html><body><p>文</p></body></html>').window
      .document;
    expect(parsePage(serializePage(quirks), URL_OF_PAGE, parser).compatMode).toBe('BackCompat');
    expect(parsePage(serializePage(standards), URL_OF_PAGE, parser).compatMode).toBe('CSS1Compat');
  });

  // Portal home and search pages are hundreds of kilobytes: extracting one twice in jsdom takes
  // seconds on a busy machine.
  const HOME_PAGE_TIMEOUT = 60_000;
  it.each(goldenPages())(
    'gives the same article as the live page: $slug',
    { timeout: HOME_PAGE_TIMEOUT },
    ({ dom }) => {
      const page = dom.window.document;
      const fromPage = extractArticle(page, createSanitizer(dom.window));
      const fromHtml = extractFromHtml(
        serializePage(page),
        page.URL,
        window as unknown as Window & typeof globalThis,
      );
      expect(fromHtml).toEqual(
        fromPage ? { kind: 'article', article: fromPage } : { kind: 'no-article' },
      );
    },
  );
});

describe('the offscreen extractor', () => {
  it('creates its document once for concurrent readers, and again once it is gone', async () => {
    let exists = false;
    let created = 0;
    const offscreen = {
      hasDocument: async () => exists,
      createDocument: async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        created += 1;
        exists = true;
      },
      closeDocument: async () => {
        exists = false;
      },
    };
    const extractor = createOffscreenExtractor(offscreen, async () => ({ kind: 'no-article' }));
    await Promise.all([extractor.extract('', URL_OF_PAGE), extractor.prepare()]);
    expect(created).toBe(1);
    exists = false;
    await extractor.extract('', URL_OF_PAGE);
    expect(created).toBe(2);
  });
});
