/**
 * Decides whether a page is an *article* (a news item, notice or policy document) rather than a home
 * page, column list, search result or form. Pure over a URL and a `Document`: it runs on every
 * portal page, so it stays cheap (no Readability, no Preact, no dictionaries) and reads the text of
 * the page once. Signals add up to a score; the reasons say which fired.
 */

import { type GovMetadata, readSiteMetadata } from '../page/gov-metadata';
import { GOV_FOOTER_MARKER, PUBLISH_LINE, readPageText, readParagraphs } from './page-text';
import { isNotArticleUrl, matchArticleShape } from './portal-shapes';

export type DetectionReason =
  | 'gov-article-metadata'
  | 'article-url-shape'
  | 'list-url-shape'
  | 'publish-line'
  | 'gov-footer'
  | 'running-text'
  | 'some-running-text'
  | 'little-running-text'
  | 'mostly-links'
  | 'search-title'
  | 'home-page';

/** How much each signal counts. An article needs ARTICLE_SCORE. */
const WEIGHTS: Record<DetectionReason, number> = {
  // The 2017 guidelines' article tags: the strongest single signal.
  'gov-article-metadata': 4,
  'article-url-shape': 2,
  // Lists, indexes and search results: whatever their text, not articles.
  'list-url-shape': -6,
  'publish-line': 1,
  // A government site, but not by itself an article.
  'gov-footer': 0.5,
  'running-text': 2,
  'some-running-text': 2,
  'little-running-text': -2,
  'mostly-links': -2,
  'search-title': -6,
  // A home page or a channel's front: whatever paragraph (a 市情简介, a leader's message) it holds.
  'home-page': -6,
};
const ARTICLE_SCORE = 2;

/** One block of this many CJK characters outside links is running text (a list item never is). */
const RUNNING_TEXT_BLOCK = 80;
/**
 * Several shorter paragraphs adding up to this much are running text too (short notices: five
 * one-sentence paragraphs)...
 */
const SOME_RUNNING_TEXT = 140;
/**
 * ...when they are paragraphs rather than a list of headlines with one-line summaries (a journal's
 * table of contents averages about 24 characters a block; news paragraphs 30 or more, and a blog
 * of one-line paragraphs 28). List entries with summaries as long as paragraphs are not counted
 * (see `readPageText`).
 */
const PARAGRAPH_AVERAGE = 27;
/**
 * Less text than this outside links: nothing to read. Counted over all text, not paragraphs, since a
 * short notice ("停水时间：5月20日8时至18时。") is made of lines shorter than a paragraph.
 */
const LITTLE_RUNNING_TEXT = 60;
/** Share of the page's CJK text inside links above which a page is a list or a home page. */
const MOSTLY_LINKS = 0.75;
/** What the titles of search-result pages say (plain strings: no pattern to compile on every page). */
const SEARCH_TITLES = ['搜索结果', '搜尋結果', '检索结果', '檢索結果', '站内搜索', '站內搜尋'];

/**
 * What the detector decides on page load: all but the article's title, date and source, which only
 * the popup shows (read then by the reader's rules, utils/extract/article-header.ts).
 */
export type PageVerdict =
  | { kind: 'article'; siteName?: string; confidence: number; reasons: DetectionReason[] }
  | { kind: 'not-article'; siteName?: string; reasons: DetectionReason[] };

/** The metadata rule: an `ArticleTitle` together with a site tag (`SiteIDCode` or `SiteName`). */
export function hasGovArticleMetadata(metadata: GovMetadata): boolean {
  return Boolean(metadata.articleTitle && (metadata.siteIdCode || metadata.siteName));
}

/**
 * Where the detector's content script keeps its last run (`performance.now()` times): a global of
 * the extension's isolated world, which the page cannot see; `npm run bench` and the E2E tests read
 * it through the DevTools protocol (scripts/lib/browser-pages.ts).
 */
export const DETECT_RUN_GLOBAL = 'yiduDetectRun';
export interface DetectRun {
  start: number;
  duration: number;
}

/**
 * Decides whether the page is an article: what every page of a portal pays for on load, so it
 * reads as little as settles the verdict (see `collectReasons`).
 */
export function judgeArticlePage(url: string, doc: Document): PageVerdict {
  const metadata = readSiteMetadata(doc);
  const reasons = collectReasons(url, doc, metadata);
  const score = reasons.reduce((sum, reason) => sum + WEIGHTS[reason], 0);
  if (score < ARTICLE_SCORE) return { kind: 'not-article', siteName: metadata.siteName, reasons };
  return {
    kind: 'article',
    siteName: metadata.siteName,
    confidence: Math.min(1, score / (ARTICLE_SCORE * 2)),
    reasons,
  };
}

/**
 * The signals of a page, cheapest first; it stops reading as soon as nothing that follows could
 * change the verdict (a list URL, a search page, metadata with an article URL, a running paragraph).
 */
function collectReasons(url: string, doc: Document, metadata: GovMetadata): DetectionReason[] {
  const reasons: DetectionReason[] = [];
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (parsed && isNotArticleUrl(parsed)) return ['list-url-shape'];
  const title = doc.title;
  if (SEARCH_TITLES.some((words) => title.includes(words))) return ['search-title'];
  if (
    parsed &&
    INDEX_PATH.test(parsed.pathname) &&
    doc.body &&
    hasHeadedLinkLists(doc.body) &&
    // The publish line from the same bounded pass as below (never the whole text of a huge page).
    !PUBLISH_LINE.test(readPageText(doc.body).text)
  )
    return ['home-page'];
  if (hasGovArticleMetadata(metadata)) reasons.push('gov-article-metadata');
  if (parsed && matchArticleShape(parsed)) reasons.push('article-url-shape');
  // Metadata and URL shape together settle it: most portal articles need no text read at all.
  if (reasons.length === 2) return reasons;
  const body = doc.body;
  if (!body) return reasons;

  // Most articles have a paragraph of running text, or several shorter paragraphs of it: paragraph
  // markup holding that much text outside links, navigation and headline lists is an article's
  // however many links surround it (news pages under a menu of hundreds), so once it is found
  // nothing read after it (publish line, footer, link share) could change the verdict, and none of
  // it is read. (Not on a huge page, where collecting the paragraphs alone visits every element;
  // the bounded walk below stops at the first running block there too.)
  if (!isHuge(doc)) {
    const paragraphs = readParagraphs(body, RUNNING_TEXT_BLOCK);
    if (paragraphs.running) return [...reasons, 'running-text'];
    if (isSomeRunningText(paragraphs.characters, paragraphs.count))
      return [...reasons, 'some-running-text'];
  }

  const page = readPageText(body, RUNNING_TEXT_BLOCK);
  if (PUBLISH_LINE.test(page.text)) reasons.push('publish-line');
  if (GOV_FOOTER_MARKER.test(page.text)) reasons.push('gov-footer');
  if (page.longestBlock >= RUNNING_TEXT_BLOCK) {
    reasons.push('running-text');
    return reasons;
  }
  if (isSomeRunningText(page.paragraphCharacters, page.paragraphs)) {
    reasons.push('some-running-text');
  } else if (page.contentCharacters < LITTLE_RUNNING_TEXT) reasons.push('little-running-text');
  if (page.allCharacters > 0 && 1 - page.contentCharacters / page.allCharacters > MOSTLY_LINKS) {
    reasons.push('mostly-links');
  }
  return reasons;
}

/**
 * The site root, an `index` page, or a channel's folder named in letters (`/zwgk/`): where home
 * pages and channel fronts live. (A folder with digits, `/article/7370966182997787176/`, is an
 * article's.)
 */
const INDEX_PATH = /^\/$|\/index(?:\.\w+)?$|\/[a-z_-]+\/$/i;
/** A front page's sections: a short heading, then a list of this many links or more. */
const FRONT_SECTIONS = 3;
const SECTION_ITEMS = 3;
/** A section's heading box: its title, tabs or a "更多" link; not a paragraph. */
const SECTION_HEADING_CHARACTERS = 24;

/** How many of a list item's elements are looked at for its link (a headline's is near the top). */
const ITEM_CHILDREN = 4;

/**
 * Whether the page is made of several headed link lists ("通知公告" over its headlines, "政策文件"
 * over its own): a home page's or a channel front's shape. Each list item, and each heading, is
 * looked into only a few elements or characters deep, so nested lists or a huge box beside many
 * lists cost no more than their size (a page may be built to make any step slow).
 */
function hasHeadedLinkLists(body: Element): boolean {
  let sections = 0;
  for (const list of body.getElementsByTagName('ul')) {
    let items = 0;
    let linked = 0;
    for (let item = list.firstElementChild; item; item = item.nextElementSibling) {
      items += 1;
      if (hasLinkNearTop(item)) linked += 1;
    }
    if (items >= SECTION_ITEMS && linked * 4 >= items * 3 && isHeaded(list)) sections += 1;
    if (sections >= FRONT_SECTIONS) return true;
  }
  return false;
}

/** A link among a list item's first few children, or as the first child of one (`<li><span><a>`). */
function hasLinkNearTop(item: Element): boolean {
  let child = item.firstElementChild;
  for (let seen = 0; child && seen < ITEM_CHILDREN; seen += 1, child = child.nextElementSibling)
    if (child.tagName === 'A' || child.firstElementChild?.tagName === 'A') return true;
  return false;
}

/** A short heading just before the list, or before the box it sits in (`.hd` over `.bd`). */
function isHeaded(list: Element): boolean {
  for (let element: Element | null = list, level = 0; element && level < 3; level += 1) {
    const heading = element.previousElementSibling;
    if (heading && heading.tagName !== 'UL') {
      const length = trimmedLengthUpTo(heading, SECTION_HEADING_CHARACTERS + 1);
      return length > 0 && length <= SECTION_HEADING_CHARACTERS;
    }
    element = element.parentElement;
  }
  return false;
}

/** A heading box's text nodes, at most (its title, a few tabs, "更多"). */
const HEADING_TEXT_NODES = 64;

/**
 * The length of an element's trimmed text, counted no further than `limit` characters or
 * `HEADING_TEXT_NODES` text nodes (more is no heading: `limit`).
 */
function trimmedLengthUpTo(element: Element, limit: number): number {
  const walker = element.ownerDocument.createTreeWalker(element, 0x4 /* text */);
  let text = '';
  let nodes = 0;
  for (let node = walker.nextNode(); node && text.length <= limit; node = walker.nextNode()) {
    if (++nodes > HEADING_TEXT_NODES) return limit;
    text = (text + (node as Text).data.slice(0, limit + 1)).trimStart();
  }
  return Math.min(text.trimEnd().length, limit);
}

/** Whether paragraphs of `characters` CJK characters in all, `count` of them, are running text. */
function isSomeRunningText(characters: number, count: number): boolean {
  return characters >= SOME_RUNNING_TEXT && characters / count >= PARAGRAPH_AVERAGE;
}

/** HTML received, in bytes, above which a page counts as huge (the corpus's largest is ~0.5 MB). */
const HUGE_HTML_BYTES = 2_000_000;

/** Whether the browser received a huge HTML document, by its navigation entry (none in Node). */
function isHuge(doc: Document): boolean {
  const entries = doc.defaultView?.performance?.getEntriesByType?.('navigation');
  const navigation = entries?.[0] as PerformanceNavigationTiming | undefined;
  return (navigation?.decodedBodySize ?? 0) > HUGE_HTML_BYTES;
}
