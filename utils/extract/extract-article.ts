/**
 * Extracts the article of a page: Readability on a clone of the document (the page itself is never
 * touched), with what government portals add: the 2017 guideline metadata or the visible meta line
 * for title, date and source, the portal's chrome removed first, attachments listed apart, and the
 * result sanitized.
 */
import { Readability } from '@mozilla/readability';
import { readGovMetadata } from '../page/gov-metadata';
import { type FieldOrigin, normalizePublishedAt } from '../page/published-date';
import { NOT_TEXT_TAGS, RUBY_ANNOTATION_TAGS, TOP_HEADING_TAGS } from '../page/tags';
import { type Attachment, collectAttachments } from './attachments';
import { findBodyContainer } from './body-containers';
import { ExtractionStopped, MAX_PAGE_ELEMENTS } from './extraction-result';
import { chooseHeaderFields, readInfoTable } from './header-fields';
import { stripTitleSuffix } from './page-title';
import { findRunningText, type RunningText, runningTextContainer, textBefore } from './page-walk';
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

/** A heading shorter than this is a label ("正文", "通知"), not the article's title. */
const MIN_HEADING_CHARACTERS = 4;

/**
 * The article container grows to its parent when that adds at most this share of text: the
 * attachment list often sits just after the body's `<div>`, while a parent that also holds a
 * sidebar or the site's menus roughly doubles the text.
 */
const CONTAINER_GROWTH = 1.3;

/** Elements whose text the reader never shows: ruby annotations a pinyin toolbar added, scripts. */
const SILENT_SELECTOR = [...RUBY_ANNOTATION_TAGS, ...NOT_TEXT_TAGS]
  .map((tag) => tag.toLowerCase())
  .join(', ');

/**
 * Deeper than this below `<body>`, elements are lifted out to sit side by side with their text: the
 * corpus's deepest page nests 29 levels. Every step that looks at an element's ancestors, or at
 * each element's whole content (ours and Readability's), then costs at most this many times the
 * page's size, however deep a page nests (Chromium's parser alone stops at 512; jsdom never).
 */
const MAX_NESTING = 64;

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
  for (const silent of body.querySelectorAll(SILENT_SELECTOR)) silent.remove();
  flattenDeepNesting(body);
  checkDeadline();

  const running = findRunningText(body);
  const bodyStart = running?.first ?? null;
  // The headline as the page shows it; the metadata's title only where the page shows none.
  const title =
    findHeading(clone, body, bodyStart, metadata.articleTitle)?.text ??
    metadata.articleTitle ??
    (stripTitleSuffix(doc.title) || firstH1(body));
  // The meta line and the 信息公开 table sit between the title and the running text; read them
  // before the cleanup removes them (the header card shows them instead).
  const table = readInfoTable(body, bodyStart);
  const area = running ? articleArea(running) : null;
  const fields = chooseHeaderFields({
    // The extractor's own parse has no address but the <base> it was given (see parsePage).
    url: doc.URL === 'about:blank' ? doc.baseURI : doc.URL,
    metadata,
    table,
    header: textBefore(body, bodyStart),
    // "发布时间：" (unlike a bare "时间：", which a notice's own lines use) may also follow the body.
    page: running ? textBefore(body, null) : null,
    afterBody: running && area ? textAfter(runningTextContainer(running), area) : '',
    timeElement: timeBefore(body, bodyStart),
  });
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
 * The article's container, grown outwards while that only adds a little (see CONTAINER_GROWTH):
 * CMSs nest the body in wrappers (TRS: `.TRS_Editor` > `.Custom_UnionStyle`) and put the
 * attachment list beside the outermost one.
 */
function articleArea(running: RunningText): Element {
  const container = runningTextContainer(running);
  const size = (node: Node) =>
    node.nodeType === 1 || node.nodeType === 3
      ? (node.textContent ?? '').replace(/\s+/g, '').length
      : 0;
  let total = size(container);
  const limit = total * CONTAINER_GROWTH;
  let area = container;
  // A parent's text is the area's plus its siblings': each sibling is read once, never the area
  // again, so growing through many wrappers stays linear in the page's size.
  for (let parent = area.parentElement; parent && parent.tagName !== 'BODY'; ) {
    let grown = total;
    for (const sibling of parent.childNodes) {
      if (sibling !== area) grown += size(sibling);
      if (grown > limit) return area;
    }
    total = grown;
    area = parent;
    parent = area.parentElement;
  }
  return area;
}

/**
 * Lifts every element deeper than MAX_NESTING out to sit after its ancestor at that depth, side by
 * side, each with its own text (a page nested that deep is built to be slow, not to be read in its
 * shape). The deep elements are copied shallow and their originals removed in one go: moving each
 * one out of the depths would cost each move the whole depth (jsdom notifies every ancestor).
 */
function flattenDeepNesting(body: Element): void {
  const deepest: Element[] = [];
  let element = body.firstElementChild;
  let depth = 1;
  while (element) {
    if (depth < MAX_NESTING && element.firstElementChild) {
      element = element.firstElementChild;
      depth += 1;
      continue;
    }
    if (depth === MAX_NESTING && element.firstElementChild) deepest.push(element);
    while (element && element !== body && !element.nextElementSibling) {
      element = element.parentElement;
      depth -= 1;
    }
    element = element && element !== body ? element.nextElementSibling : null;
  }
  for (const top of deepest) {
    const doc = top.ownerDocument;
    const copies = new Map<Node, Element>();
    const flat = doc.createDocumentFragment();
    const walker = doc.createTreeWalker(top, 0x1 | 0x4 /* elements and text */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === 1) {
        const copy = node.cloneNode(false) as Element;
        copies.set(node, copy);
        flat.append(copy);
      } else {
        copies.get(node.parentNode as Node)?.append(doc.createTextNode(node.nodeValue ?? ''));
      }
    }
    for (const child of [...top.children]) child.remove();
    top.after(flat);
  }
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

/**
 * The text of what follows `container` inside `area`, block by block: the "来源：" line some
 * templates put under the text.
 */
function textAfter(container: Element, area: Element): string {
  const parts: string[] = [];
  for (let element: Element | null = container; element && element !== area; ) {
    for (let next = element.nextElementSibling; next; next = next.nextElementSibling)
      parts.push(textBefore(next, null));
    element = element.parentElement;
  }
  return parts.join('\n');
}

/** The first `<time datetime>` before the running text (not a related list's, after it). */
function timeBefore(body: Element, bodyStart: Element | null): string | undefined {
  const time = body.querySelector('time[datetime]');
  if (!time || (bodyStart && !(time.compareDocumentPosition(bodyStart) & 4))) return undefined;
  return time.getAttribute('datetime') ?? undefined;
}

function mergeAttachments(first: Attachment[], second: Attachment[]): Attachment[] {
  const urls = new Set(first.map((attachment) => attachment.url));
  return [...first, ...second.filter((attachment) => !urls.has(attachment.url))];
}

/** Where a page puts its article's heading: `h1`–`h3`, or an element whose class says title. */
const TITLE_HEADING_TAGS = new Set<string>(TOP_HEADING_TAGS);
const TITLE_CLASS = /title/i;

/**
 * The page's own heading when the `<title>` starts with it: `<title>` usually carries a site suffix
 * ("标题 - 站点", "标题_栏目_站点"). Only headings before the article's running text count.
 */
function findHeading(
  doc: Document,
  body: Element,
  bodyStart: Element | null,
  metadataTitle: string | undefined,
): { element: Element; text: string } | undefined {
  const pageTitle = doc.title.replace(/\s+/g, ' ').trim();
  for (const element of headingsBefore(body, bodyStart)) {
    const text = element.textContent?.replace(/\s+/g, ' ').trim();
    if (
      text &&
      text.length >= MIN_HEADING_CHARACTERS &&
      ((text.length < pageTitle.length && pageTitle.startsWith(text)) ||
        (metadataTitle !== undefined && isSameTitle(text, metadataTitle)))
    )
      return { element, text };
  }
  return undefined;
}

/**
 * Whether a heading says the metadata's title, give or take what portals change between the two
 * (a date or place added, punctuation, a truncation): most of the shorter one's characters in the
 * other, and not a fragment of it (a column's name inside the title is not the title).
 */
function isSameTitle(heading: string, metadataTitle: string): boolean {
  const [shorter, longer] =
    heading.length <= metadataTitle.length ? [heading, metadataTitle] : [metadataTitle, heading];
  if (longer.includes(shorter)) return shorter.length * 2 >= longer.length;
  const characters = new Set(longer);
  const shared = [...shorter].filter((character) => characters.has(character)).length;
  return shared >= shorter.length * 0.8 && shorter.length * 2.5 >= longer.length;
}

/**
 * The headings (or elements whose class says title) before the article's running text, in page
 * order: a walk over the elements up to there, since `[class*=title i]` costs jsdom a pass over
 * the whole page.
 */
function* headingsBefore(body: Element, bodyStart: Element | null): Generator<Element> {
  const walker = body.ownerDocument.createTreeWalker(body, 0x1 /* elements */);
  for (let node = walker.nextNode(); node && node !== bodyStart; node = walker.nextNode()) {
    const element = node as Element;
    if (
      TITLE_HEADING_TAGS.has(element.tagName) ||
      TITLE_CLASS.test(element.getAttribute('class') ?? '')
    ) {
      yield element;
    }
  }
}

/** The page's first `<h1>`, for pages whose `<title>` says nothing but the site. */
function firstH1(body: Element): string {
  const text = body.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  return text.length >= MIN_HEADING_CHARACTERS ? text : '';
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
