/**
 * The article's header as the reader's header card shows it: the title, and the date, source and
 * document number with where each was read (`chooseHeaderFields`). One reading for both the
 * extractor and the popup's details (entrypoints/page-description.content.ts), so the two can never
 * disagree about a page: both read a copy of the page made ready by `prepareCopy`, then
 * `readArticleHeader`.
 */
import { type GovMetadata, readGovMetadata } from '../page/gov-metadata';
import { NOT_TEXT_TAGS, RUBY_ANNOTATION_TAGS, TOP_HEADING_TAGS } from '../page/tags';
import {
  chooseHeaderFields,
  type HeaderFields,
  type InfoTable,
  readInfoTable,
} from './header-fields';
import { stripTitleSuffix } from './page-title';
import { findRunningText, type RunningText, runningTextContainer, textBefore } from './page-walk';

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
 * Makes a copy of a page ready to be read: the text the reader never shows (ruby annotations, scripts)
 * removed, and nesting deeper than MAX_NESTING flattened (see `flattenDeepNesting`).
 */
export function prepareCopy(body: Element): void {
  for (const silent of body.querySelectorAll(SILENT_SELECTOR)) silent.remove();
  flattenDeepNesting(body);
}

/** What the header reading found, and where: the extractor goes on from there to the body. */
export interface ArticleHeader {
  title: string;
  fields: HeaderFields;
  /** The article's running text, its first block, and the area around it (attachments). */
  running: RunningText | null;
  bodyStart: Element | null;
  area: Element | null;
  /** The 信息公开 header table: the reader shows its fields in the header card, not the table. */
  table: InfoTable | null;
}

/**
 * The header of the article in `body` (of a copy made ready by `prepareCopy`; `doc` is the page
 * itself, for its `<title>` and address): the headline as the page shows it (the metadata's title
 * only where the page shows none), and the fields by the rules of `chooseHeaderFields`.
 */
export function readArticleHeader(
  doc: Document,
  body: Element,
  metadata: GovMetadata,
): ArticleHeader {
  const running = findRunningText(body);
  const bodyStart = running?.first ?? null;
  const title =
    findHeading(doc, body, bodyStart, metadata.articleTitle)?.text ??
    metadata.articleTitle ??
    (stripTitleSuffix(doc.title) || firstH1(body));
  // The meta line and the 信息公开 table sit between the title and the running text.
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
  return { title, fields, running, bodyStart, area, table };
}

/** What the popup shows of an article besides the detector's verdict. */
export type PageDescription = { title: string } & HeaderFields;

/**
 * The title, date, source and 文号 of the article on `doc`, read as the reader reads them, from a
 * copy (the page itself is never changed): run in the page when the popup opens on an article.
 */
export function describeArticle(doc: Document): PageDescription {
  const metadata = readGovMetadata(doc);
  const copy = doc.cloneNode(true) as Document;
  const body = copy.body;
  if (!body) return { title: metadata.articleTitle ?? doc.title.trim() };
  prepareCopy(body);
  const { title, fields } = readArticleHeader(doc, body, metadata);
  return { title: title || doc.title.trim(), ...fields };
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
export function* headingsBefore(body: Element, bodyStart: Element | null): Generator<Element> {
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
