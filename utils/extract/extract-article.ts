/**
 * Extracts the article of a page: Readability on a clone of the document (the page itself is never
 * touched), with what government portals add: the 2017 guideline metadata or the visible meta line
 * for title, date and source, the portal's chrome removed first, attachments listed apart, and the
 * result sanitized.
 */
import { Readability } from '@mozilla/readability';
import { readGovMetadata } from '../page/gov-metadata';
import { type FieldOrigin, normalizePublishedAt } from '../page/published-date';
import { headingsBefore, prepareCopy, readArticleHeader } from './article-header';
import { type Attachment, collectAttachments } from './attachments';
import { findBodyContainer } from './body-containers';
import { ExtractionStopped, MAX_PAGE_ELEMENTS } from './extraction-result';
import { plainTextOf } from './plain-text';
import { removePortalChrome } from './portal-chrome';
import { type ChineseScript, scriptOfLangTag, scriptOfText } from './script-language';

export interface Article {
  title: string;
  siteName?: string;
  /** The column (栏目) the article is filed under, from `ColumnName`. */
  column?: string;
  /** ISO 8601: `2021-03-02`, or `2021-03-02T09:12` when the page gives a time. */
  publishedAt?: string;
  /** Where the date was read: "page:发布时间", "meta:PubDate", "url"... */
  dateFrom?: FieldOrigin;
  source?: string;
  sourceFrom?: FieldOrigin;
  /** The document number of a 信息公开 page (文号): "岚综管办〔2023〕12号". */
  docNumber?: string;
  /** Sanitized HTML of the body. */
  contentHtml: string;
  /** The body's text, one block a line, without ruby annotations: for length checks and speech. */
  textContent: string;
  /** The script the article is written in, from the page's `lang` or, without one, its text. */
  lang?: ChineseScript;
  /** Documents the article links to, each once. */
  attachments: Attachment[];
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

/**
 * The article of `doc`, sanitized, or null when it holds none. Works on a copy of the page, since
 * cleanup and Readability change the document they read, unless `disposable` says the document is
 * already a copy nobody else uses (the extractor's own parse of the page's HTML). Throws
 * `ExtractionStopped` when the page has over MAX_PAGE_ELEMENTS elements, or when `checkDeadline`
 * (called between steps) says time is up.
 */
export function extractArticle(
  doc: Document,
  sanitize: (html: string) => string,
  {
    disposable = false,
    checkDeadline = () => undefined,
  }: { disposable?: boolean; checkDeadline?: () => void } = {},
): Article | null {
  if (doc.getElementsByTagName('*').length > MAX_PAGE_ELEMENTS)
    throw new ExtractionStopped('too-large');
  const metadata = readGovMetadata(doc);
  // Everything read from `doc` itself below is read before the copy is changed.
  const clone = disposable ? doc : (doc.cloneNode(true) as Document);
  const body = clone.body;
  if (!body) return null;
  prepareCopy(body);
  checkDeadline();

  // The meta line and the 信息公开 table are read before the cleanup removes them (the header card
  // shows them instead).
  const { title, fields, bodyStart, area, table } = readArticleHeader(doc, body, metadata);
  const baseUrl = doc.baseURI;
  const areaLinks = area ? [...area.querySelectorAll('a[href]')] : [];
  const areaAttachments = collectAttachments(areaLinks, baseUrl);
  checkDeadline();

  table?.element?.remove();
  if (title) removeTitleHeading(body, bodyStart, title);
  removePortalChrome(clone, bodyStart, checkDeadline);
  // A CMS's own body wrapper is the article: Readability reads it alone (its siblings are the
  // portal's feeds; the title, date, source and attachments are read above).
  const known = findBodyContainer(body, bodyStart);
  if (known) body.replaceChildren(known);
  revealTextHiddenUntilScript(body);
  checkDeadline();
  const parsed = new Readability(clone, {
    charThreshold: MIN_ARTICLE_CHARACTERS,
    maxElemsToParse: MAX_PAGE_ELEMENTS,
  }).parse();
  if (!parsed?.content) return null;
  checkDeadline();
  const contentHtml = sanitize(parsed.content);
  const container = doc.implementation.createHTMLDocument('').createElement('div');
  container.innerHTML = contentHtml;
  const textContent = plainTextOf(container);
  if (textContent.length < MIN_BODY_CHARACTERS) return null;

  return {
    title: title || parsed.title?.trim() || '',
    siteName: metadata.siteName ?? parsed.siteName ?? undefined,
    column: metadata.columnName,
    ...fields,
    ...(!fields.publishedAt && readabilityDate(parsed.publishedTime)),
    contentHtml,
    textContent,
    lang: scriptOfLangTag(doc.documentElement.lang) ?? scriptOfText(textContent),
    attachments: mergeAttachments(
      collectAttachments(container.querySelectorAll('a[href]'), baseUrl),
      areaAttachments,
    ),
  };
}

/**
 * Some platforms ship the article hidden (WeChat's `#js_content` has `style="visibility: hidden"`)
 * and show it from a script; a saved copy, or a page whose script failed, keeps it hidden, and
 * Readability skips hidden nodes. A hidden element holding this much text is the article.
 */
const HIDDEN_ARTICLE_CHARACTERS = 200;

function revealTextHiddenUntilScript(body: Element): void {
  for (const element of body.querySelectorAll<HTMLElement>('[style*="visibility" i]')) {
    if (
      element.style.visibility === 'hidden' &&
      (element.textContent ?? '').trim().length >= HIDDEN_ARTICLE_CHARACTERS
    ) {
      element.style.removeProperty('visibility');
    }
  }
}

/** Readability's own date (JSON-LD, other meta tags), the last resort. */
function readabilityDate(text: string | null | undefined): Partial<Article> | undefined {
  const publishedAt = normalizePublishedAt(text ?? '');
  return publishedAt ? { publishedAt, dateFrom: 'meta:readability' } : undefined;
}

function mergeAttachments(first: Attachment[], second: Attachment[]): Attachment[] {
  const urls = new Set(first.map((attachment) => attachment.url));
  return [...first, ...second.filter((attachment) => !urls.has(attachment.url))];
}

/**
 * The first heading before the running text that says exactly the title: the header card shows
 * the title, so the body need not say it again. (A title repeated inside the running text, as a
 * news item's own lead sometimes does, stays.)
 */
function removeTitleHeading(body: Element, bodyStart: Element | null, title: string): void {
  const wanted = title.replace(/\s+/g, '');
  const says = (element: Element) => (element.textContent ?? '').replace(/\s+/g, '') === wanted;
  for (const element of headingsBefore(body, bodyStart)) {
    if (says(element)) {
      element.remove();
      return;
    }
  }
  // The running text's block may hold the heading itself, when the body is bare text and <br>s
  // beside it (Hong Kong press releases): a heading the block opens with goes too.
  const first = bodyStart && firstTextElement(bodyStart);
  const heading = first?.closest('h1, h2, h3');
  if (heading && bodyStart?.contains(heading) && says(heading)) heading.remove();
}

/** The element holding the first non-blank text in `root`. */
function firstTextElement(root: Element): Element | null {
  const walker = root.ownerDocument.createTreeWalker(root, 0x4 /* text */);
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if (node.nodeValue?.trim()) return node.parentElement;
  return null;
}
