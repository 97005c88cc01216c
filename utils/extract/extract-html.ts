/**
 * Extraction where the reader's content comes from: a page's HTML in, the article (or why there is
 * none) out. Runs in the extension's extractor document (Chrome) or background page (Firefox), and
 * in Node for the tests.
 */
import { extractArticle } from './extract-article';
import {
  deadlineCheck,
  EXTRACTION_DEADLINE_MS,
  type ExtractionResult,
  ExtractionStopped,
  MAX_PAGE_CHARACTERS,
} from './extraction-result';
import { parsePage } from './page-html';
import { createSanitizer } from './sanitize';

/**
 * Extracts the article of a page from its HTML (see `serializePage`) and its address, in `view`
 * (DOMPurify needs a window; DOMParser comes from it). HTML over MAX_PAGE_CHARACTERS is not parsed
 * at all; extraction stops (between its steps) once `deadlineMs` has passed.
 */
export function extractFromHtml(
  html: string,
  url: string,
  view: Window & typeof globalThis,
  deadlineMs = EXTRACTION_DEADLINE_MS,
): ExtractionResult {
  if (html.length > MAX_PAGE_CHARACTERS) return { kind: 'too-large' };
  try {
    const checkDeadline = deadlineCheck(performance.now() + deadlineMs);
    const doc = parsePage(html, url, new view.DOMParser());
    checkDeadline();
    // The parse is the extractor's own copy: extracted in place, not copied again.
    const article = extractArticle(doc, createSanitizer(view), { disposable: true, checkDeadline });
    return article ? { kind: 'article', article } : { kind: 'no-article' };
  } catch (error) {
    if (error instanceof ExtractionStopped) return { kind: error.kind };
    console.warn('[yidu] extraction failed', error);
    return { kind: 'failed' };
  }
}
