/**
 * Extraction where the reader's content comes from: a document in, the reader's content out (the
 * article, or the message that says why there is none). Runs in the extension's extractor document
 * (Chrome) or background page (Firefox) on the page's HTML, and in Node for the tests.
 */
import type { ReaderContent } from '../reader/reader-session';
import { extractArticle } from './extract-article';
import { parsePage } from './page-html';
import { createSanitizer } from './sanitize';

/** The window extraction runs in: DOMPurify needs one, DOMParser comes from it. */
type ExtractionWindow = Window & typeof globalThis;

/** Extracts the article of a page from its HTML (see `serializePage`) and its address. */
export function extractFromHtml(html: string, url: string, view: ExtractionWindow): ReaderContent {
  try {
    // The parse is the extractor's own copy: extracted in place, not copied again.
    return readArticle(parsePage(html, url, new view.DOMParser()), view, { disposable: true });
  } catch (error) {
    console.warn('[yidu] the page could not be parsed', error);
    return { problem: 'readerFailed' };
  }
}

/** Extracts the article, turning "nothing found" and errors into a message for the reader. */
export function readArticle(
  doc: Document,
  view: ExtractionWindow,
  options?: { disposable?: boolean },
): ReaderContent {
  try {
    const article = extractArticle(doc, createSanitizer(view), options);
    return article ? { article } : { problem: 'readerNoArticle' };
  } catch (error) {
    console.warn('[yidu] extraction failed', error);
    return { problem: 'readerFailed' };
  }
}
