/**
 * Extraction where the reader's content comes from: a page's HTML in, the reader's content out (the
 * article, or the message that says why there is none). Runs in the extension's extractor document
 * (Chrome) or background page (Firefox), and in Node for the tests.
 */
import type { ReaderContent } from '../reader/reader-session';
import { extractArticle } from './extract-article';
import { parsePage } from './page-html';
import { createSanitizer } from './sanitize';

/**
 * Extracts the article of a page from its HTML (see `serializePage`) and its address, in `view`
 * (DOMPurify needs a window; DOMParser comes from it). "Nothing found" and errors become a message
 * for the reader.
 */
export function extractFromHtml(
  html: string,
  url: string,
  view: Window & typeof globalThis,
): ReaderContent {
  try {
    const doc = parsePage(html, url, new view.DOMParser());
    // The parse is the extractor's own copy: extracted in place, not copied again.
    const article = extractArticle(doc, createSanitizer(view), { disposable: true });
    return article ? { article } : { problem: 'readerNoArticle' };
  } catch (error) {
    console.warn('[yidu] extraction failed', error);
    return { problem: 'readerFailed' };
  }
}
