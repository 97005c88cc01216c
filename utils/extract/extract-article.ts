/**
 * Extracts the article of a page: Readability on a clone of the document (the page itself is never
 * touched), the government metadata for title, site, date and source, and sanitized HTML.
 */
import { Readability } from '@mozilla/readability';
import { readGovMetadata } from '../detect/gov-metadata';

export interface Article {
  title: string;
  siteName?: string;
  publishedAt?: string;
  source?: string;
  /** Sanitized HTML of the body. */
  contentHtml: string;
  /** The body's text, for length checks and (later) speech. */
  textContent: string;
  /** The page's declared language, if any. */
  lang?: string;
}

/**
 * Readability wants 500 characters by default (English prose). Chinese carries about three times
 * the meaning per character, and government notices are often short.
 */
const MIN_ARTICLE_CHARACTERS = 140;

/**
 * Readability returns its best guess even on a page with no article (a bare menu, say). Less text
 * than a short two-line notice is not worth a reader.
 */
const MIN_BODY_CHARACTERS = 50;

export function extractArticle(doc: Document, sanitize: (html: string) => string): Article | null {
  const metadata = readGovMetadata(doc);
  const clone = doc.cloneNode(true) as Document;
  const parsed = new Readability(clone, { charThreshold: MIN_ARTICLE_CHARACTERS }).parse();
  if (!parsed?.content) return null;
  const contentHtml = sanitize(parsed.content);
  const textContent = (parsed.textContent ?? '').trim();
  if (textContent.length < MIN_BODY_CHARACTERS) return null;
  return {
    title: metadata.articleTitle ?? headingInTitle(doc) ?? parsed.title?.trim() ?? doc.title.trim(),
    siteName: metadata.siteName ?? parsed.siteName ?? undefined,
    publishedAt: metadata.pubDate ?? parsed.publishedTime ?? undefined,
    source: metadata.contentSource,
    contentHtml,
    textContent,
    lang: doc.documentElement.lang || parsed.lang || undefined,
  };
}

/**
 * The page's own heading when the `<title>` contains it: `<title>` usually carries a site suffix
 * ("标题 - 站点", "标题_栏目_站点"), and Readability only strips one when what is left has three
 * or more space-separated words, which Chinese titles never have.
 */
function headingInTitle(doc: Document): string | undefined {
  const pageTitle = doc.title.trim();
  for (const heading of doc.querySelectorAll('h1, h2')) {
    const text = heading.textContent?.replace(/\s+/g, ' ').trim();
    if (text && text.length < pageTitle.length && pageTitle.startsWith(text)) return text;
  }
  return undefined;
}
