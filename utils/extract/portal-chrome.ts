/**
 * Removes a portal's chrome from a (cloned) page before Readability reads it: the widgets, counters,
 * share bars and meta lines that sit next to the article and that Readability, tuned on English
 * news sites, often keeps. Two data tables say what chrome looks like: text patterns and selectors.
 * An element is only removed when it holds nothing but chrome; the smallest such element around a
 * match is grown outwards while its parent holds no more than chrome either, and never into an
 * element that holds the article's paragraphs.
 *
 * A page is hostile: it can hold thousands of chrome-looking links in thousands of nested elements.
 * So every element is measured once, in one pass (its text, unlinked CJK, what it holds), and each
 * question about an element or its ancestors is then a lookup: the cleanup is linear in the page's
 * size, where reading each ancestor's text again for each link was links² × depth (issue 17).
 */
import { HEADING_TAGS } from '../page/tags';
import { LINK_AND_SILENT_TAGS } from '../page/unlinked-text';

interface ChromeTextRule {
  /** What this chrome is, and why it goes. */
  name: string;
  /** Cheap test on each text node: is this worth a closer look? */
  keyword: RegExp;
  /** Test on the whitespace-free text of the smallest element around the keyword. */
  pattern: RegExp;
  /**
   * Only before the article's running text starts: a notice's own lines read "时间：2021年5月20日"
   * and "来源：..." too, and those are the article.
   */
  beforeBodyOnly?: boolean;
}

export const CHROME_TEXT_RULES: readonly ChromeTextRule[] = [
  {
    // 【字体：大 中 小】, 字号: [大] [中] [小], 字体：放大 正常 缩小: they restyle the page, not the reader.
    name: 'font-size-widget',
    keyword: /字[体體号號]|[[【][大中小][\]】]/,
    pattern: /字[体體号號][:：]|【字[体體号號]|[[【][大中小][\]】]/,
  },
  {
    // 打印, 【关闭窗口】, 【我要纠错】: buttons that act on the page, dead in the reader.
    name: 'page-tools',
    keyword: /打印|列印|关闭|關閉|纠错|糾錯|收藏/,
    pattern:
      /^(?:[【[]?(?:我要)?(?:打印|列印|关闭|關閉|纠错|糾錯|收藏)(?:本页|本頁|此页|此頁|窗口|視窗|文章)?[】\]]?)+$/,
  },
  {
    // 分享到：微信 微博 QQ空间: links to social sites, and scripts behind them.
    name: 'share-bar',
    keyword: /分享/,
    pattern: /分享到|^分享[:：]?$/,
  },
  {
    // 扫一扫在手机打开当前页: a QR code of the page the reader already shows.
    name: 'qr-code',
    keyword: /扫|掃/,
    pattern:
      /(?:扫一扫|掃一掃|扫码|掃碼|扫描二维码|掃描二維碼).{0,10}(?:手机|手機|当前页|當前頁|本页|本頁|此页|此頁|分享|阅读|閱讀)|^(?:扫一扫|掃一掃)$/,
  },
  {
    // 相关文章 / 相关链接 / 相关阅读 and the list under it: other pages, not this article.
    name: 'related-articles',
    keyword: /相关|相關/,
    pattern:
      /^(?:相关|相關)(?:文章|链接|鏈接|連結|阅读|閱讀|新闻|新聞|信息|資訊|稿件|推荐|推薦)[:：]?$/,
  },
  {
    // 上一篇：… 下一篇：…: links to the column's neighbouring pages, not part of this one.
    name: 'previous-next',
    keyword: /上一|下一/,
    pattern: /^(?:上一|下一)(?:篇|条|條|则|則|页|頁)[:：]?/,
  },
  {
    // 当前位置：首页 > 新闻中心 > ...: where the page sits in the site, not what it says.
    name: 'breadcrumb',
    keyword: /位置/,
    pattern: /^(?:当前|當前|您的|您现在的|您現在的|所在)位置[:：]?/,
  },
  {
    // 浏览量：23010, 浏览次数：, 点击数：: counters, often filled in by a script that never ran.
    name: 'visitor-counter',
    keyword: /浏览|瀏覽|访问|訪問|点击|點擊|阅读|閱讀/,
    pattern: /(?:浏览|瀏覽|访问|訪問|点击|點擊|阅读|閱讀)(?:量|次数|次數|数|數|人次|率)[:：]/,
  },
  {
    // 发布时间：2021-03-02: the header card shows the date (read before this cleanup).
    name: 'publish-line',
    keyword: /时间|時間|日期/,
    pattern: /(?:时间|時間|日期)[:：]\d{4}/,
    beforeBodyOnly: true,
  },
  {
    // 来源：资阳日报: the header card shows the source (read before this cleanup).
    name: 'source-line',
    keyword: /来源|來源/,
    pattern: /^(?:信息|文章|稿件|新闻|新聞)?(?:来源|來源)[:：]/,
    beforeBodyOnly: true,
  },
  {
    // 无障碍浏览, 长者模式, 切换到繁體: the portal's own reading aids; the reader replaces them.
    // Only as whole labels: a policy's own sentence about 无障碍改造 or 适老化 is the article.
    name: 'accessibility-toolbar',
    keyword: /无障碍|無障礙|适老|適老|长者|長者|关怀|關懷|繁|简体|簡體/,
    pattern:
      /^(?:[|｜/·【】[\]]*(?:(?:无障碍|無障礙|适老化|適老化|长者|長者|关怀|關懷)(?:浏览|瀏覽|阅读|閱讀|模式|版|服务|服務|通道|专区|專區)?|(?:切[换換]到?)?(?:简体|簡體|繁体|繁體)(?:中文|版)?))+[|｜/·【】[\]]*$/,
  },
  {
    // 2026年3月2日（星期一）香港時間16時30分: the date line Hong Kong press releases end with; the
    // header card shows it (read before this cleanup).
    name: 'press-release-dateline',
    keyword: /香港[時时][間间]/,
    pattern: /^\d{4}年\d{1,2}月\d{1,2}日[（(]星期.[）)]香港[時时][間间]\d{1,2}[時时]\d{1,2}分$/,
  },
];

interface ChromeElementRule {
  /** What this chrome is, and why it goes. */
  name: string;
  /** Matched against the element's `id` and `class` together. */
  idOrClass?: RegExp;
  /** Tag names (upper case) and ARIA roles that mark it. */
  tags?: readonly string[];
  roles?: readonly string[];
  /**
   * Page landmarks hold more text than a widget (a footer's addresses and filing numbers), so they
   * are measured against LANDMARK_MAX_CHARACTERS instead.
   */
  landmark?: boolean;
  /**
   * Other articles (recommended, related, "more stories"): as long as the article or longer, so
   * not measured at all; only never the element that holds the article's running text.
   */
  otherArticles?: boolean;
}

/**
 * Chrome known by its markup rather than its text. Matched by one walk over the elements, not by
 * `[class*=share i]` selectors: case-insensitive substring selectors cost jsdom (the tests and
 * `npm run inspect`) a full pass each.
 */
export const CHROME_ELEMENT_RULES: readonly ChromeElementRule[] = [
  // Baidu's (bdsharebuttonbox) and the portals' own share buttons: icons and scripts, no text.
  { name: 'share-widget', idOrClass: /share/i },
  // QR code boxes: a canvas or image of the page's own address.
  { name: 'qr-code-box', idOrClass: /qrcode|qr-code/i },
  // Breadcrumbs by name, for those without a "当前位置" label.
  { name: 'breadcrumb-box', idOrClass: /crumb/i },
  // Recommended, related and "more stories" feeds: other articles' titles and summaries, often
  // whole articles, that Readability takes for part of this one when they share its container.
  {
    name: 'other-articles',
    idOrClass: /recommend|related|more-?stories/i,
    otherArticles: true,
  },
  // The page's banner, menus and footer (主办单位, 网站标识码, ICP 备案).
  {
    name: 'page-landmarks',
    tags: ['HEADER', 'FOOTER', 'NAV'],
    roles: ['banner', 'contentinfo', 'navigation', 'search'],
    landmark: true,
  },
];

function matchElementRule(element: Element): ChromeElementRule | undefined {
  const names = `${element.id} ${element.getAttribute('class') ?? ''}`;
  const role = element.getAttribute('role') ?? '';
  return CHROME_ELEMENT_RULES.find(
    (rule) =>
      rule.idOrClass?.test(names) ||
      rule.tags?.includes(element.tagName) ||
      rule.roles?.includes(role),
  );
}

/**
 * An element with more CJK characters than this outside links is not chrome. The longest meta
 * line among the golden pages (date, a two-institution source, the font-size widget) has 35; an
 * article body this short is below MIN_BODY_CHARACTERS and not read anyway.
 */
const MAX_CHROME_CHARACTERS = 50;

/** Footers list the sponsor, address, phone numbers and filing numbers: about 150 characters. */
const LANDMARK_MAX_CHARACTERS = 400;

/** Elements that are the article's own content: an element holding one is never chrome. */
const CONTENT_TAGS = new Set<string>([
  'P',
  ...HEADING_TAGS,
  'TABLE',
  'BLOCKQUOTE',
  'PRE',
  'FIGURE',
  'ARTICLE',
  'MAIN',
]);

/** What a landmark that is really the article's wrapper holds. */
const ARTICLE_TAGS = new Set(['ARTICLE', 'MAIN', 'H1']);

const ALL_KEYWORDS = new RegExp(CHROME_TEXT_RULES.map((rule) => rule.keyword.source).join('|'));

/**
 * Text longer than this (whitespace aside, links included) is not one widget or meta line: the
 * longest chrome the rules look for (a breadcrumb, a share bar with its links) has under 100. An
 * element over it ends the climb, and its text is never built.
 */
const MAX_CHROME_TEXT = 300;

/**
 * How far up from a keyword the smallest matching element is looked for. Chrome's words sit in a
 * link, a span or the widget itself: the golden pages match within 4 levels.
 */
const MAX_MATCH_CLIMB = 8;

/**
 * Text nodes with a keyword looked at, at most: real pages have tens (a long article's "时间" and
 * "阅读" included, a few hundred). Past it the text rules stop, so a page made of nothing but
 * keywords costs a bounded amount; the chrome it still holds stays.
 */
const MAX_KEYWORD_TEXTS = 5_000;

/** What one pass measures of each element (descendants only, as the tree walks of old did). */
interface Measure {
  /** Position in document order, and the last position inside it: `contains` in O(1). */
  order: number;
  end: number;
  /** CJK characters outside links and silent elements. */
  unlinkedCjk: number;
  /** Characters other than whitespace, links included. */
  textLength: number;
  /** Content elements (CONTENT_TAGS) inside. */
  contentTags: number;
  /** Images outside links inside (photographs; toolbar icons sit in links). */
  looseImages: number;
  /** `article`, `main` or `h1` inside (ARTICLE_TAGS). */
  articleTags: number;
  insideLink: boolean;
}

/** Whether a UTF-16 code unit is whitespace as `\s` has it (what `compact` removes). */
function isSpace(code: number): boolean {
  return code <= 0x20
    ? code === 0x20 || (code >= 0x09 && code <= 0x0d)
    : code === 0xa0 ||
        code === 0x1680 ||
        (code >= 0x2000 && code <= 0x200a) ||
        code === 0x2028 ||
        code === 0x2029 ||
        code === 0x202f ||
        code === 0x205f ||
        code === 0x3000 ||
        code === 0xfeff;
}

/** Adds a text's CJK characters and its characters other than whitespace to `measure`: one pass. */
function addText(measure: Measure, text: string): void {
  let cjk = 0;
  let spaces = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if ((code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff)) cjk += 1;
    else if (isSpace(code)) spaces += 1;
  }
  measure.unlinkedCjk += cjk;
  measure.textLength += text.length - spaces;
}

/**
 * Every element under `root` (itself included) measured in one walk and one reverse sweep; the
 * elements in document order, and each text node handed to `onText` on the way.
 */
function measureElements(
  root: Element,
  onText: (text: Text) => void,
): { measures: Map<Element, Measure>; order: Element[] } {
  const measures = new Map<Element, Measure>();
  const order: Element[] = [];
  const blank = (insideLink: boolean): Measure => ({
    order: order.length,
    end: order.length,
    unlinkedCjk: 0,
    textLength: 0,
    contentTags: 0,
    looseImages: 0,
    articleTags: 0,
    insideLink,
  });
  measures.set(root, blank(root.tagName === 'A'));
  order.push(root);
  const walker = root.ownerDocument.createTreeWalker(root, 0x1 | 0x4 /* elements and text */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = measures.get(node.parentElement as Element);
    if (!parent) continue;
    if (node.nodeType === 3) {
      addText(parent, node.nodeValue ?? '');
      onText(node as Text);
    } else {
      const element = node as Element;
      measures.set(element, blank(parent.insideLink || element.tagName === 'A'));
      order.push(element);
    }
  }
  // Children before parents: each element's totals are complete when added to its parent's.
  for (let index = order.length - 1; index > 0; index -= 1) {
    const element = order[index] as Element;
    const own = measures.get(element) as Measure;
    const parent = measures.get(element.parentElement as Element);
    if (!parent) continue;
    const tag = element.tagName;
    if (!LINK_AND_SILENT_TAGS.has(tag)) parent.unlinkedCjk += own.unlinkedCjk;
    parent.textLength += own.textLength;
    parent.contentTags += own.contentTags + (CONTENT_TAGS.has(tag) ? 1 : 0);
    parent.looseImages += own.looseImages + (tag === 'IMG' && !own.insideLink ? 1 : 0);
    parent.articleTags += own.articleTags + (ARTICLE_TAGS.has(tag) ? 1 : 0);
    parent.end = Math.max(parent.end, own.end);
  }
  return { measures, order };
}

/** The cleanup's questions about the page, answered from the measures. */
function pageQuestions(root: Element, onText: (text: Text) => void) {
  const { measures, order } = measureElements(root, onText);
  const compactTexts = new Map<Element, string>();
  const of = (element: Element) => measures.get(element);

  /** Content elements, and (with `images`) images outside links, inside `element`. */
  const contentIn = (element: Element, images: boolean): number => {
    const measure = of(element);
    return measure ? measure.contentTags + (images ? measure.looseImages : 0) : 0;
  };
  const isContent = (element: Element, images: boolean): boolean => {
    const tag = element.tagName;
    return CONTENT_TAGS.has(tag) || (images && tag === 'IMG' && !of(element)?.insideLink);
  };

  /** The whitespace-free text of `element`, built once from its children's; null when too long. */
  const compactText = (element: Element): string | null => {
    const known = compactTexts.get(element);
    if (known !== undefined) return known;
    if ((of(element)?.textLength ?? 0) > MAX_CHROME_TEXT) return null;
    let text = '';
    for (const child of element.childNodes) {
      if (child.nodeType === 3) text += (child.nodeValue ?? '').replace(/\s+/g, '');
      else if (child.nodeType === 1) text += compactText(child as Element) ?? '';
    }
    compactTexts.set(element, text);
    return text;
  };

  return {
    /** `root` and every element in it, in document order. */
    elements: order,
    unlinkedCjk: (element: Element) => of(element)?.unlinkedCjk ?? 0,
    articleTags: (element: Element) => of(element)?.articleTags ?? 0,
    compactText,
    /** True when `element` holds content outside `except` (see CONTENT_TAGS; images as above). */
    holdsContent(element: Element, except: Element | null, images = true): boolean {
      const outside = except ? contentIn(except, images) + (isContent(except, images) ? 1 : 0) : 0;
      return contentIn(element, images) - outside > 0;
    },
    /** `outer` contains `inner` (or is it). */
    contains(outer: Element, inner: Element): boolean {
      const a = of(outer);
      const b = of(inner);
      return a !== undefined && b !== undefined && a.order <= b.order && b.order <= a.end;
    },
    /** `element` comes before `later` in the page, not around it. */
    isBefore(element: Element, later: Element): boolean {
      const a = of(element);
      const b = of(later);
      return a !== undefined && b !== undefined && a.end < b.order;
    },
  };
}

type PageQuestions = ReturnType<typeof pageQuestions>;

function isChromeOnly(page: PageQuestions, element: Element, except: Element | null): boolean {
  return page.unlinkedCjk(element) <= MAX_CHROME_CHARACTERS && !page.holdsContent(element, except);
}

/**
 * Grows an element to its parent while the parent holds nothing but chrome. Whether a parent
 * qualifies depends only on the child it is reached from, so each element's answer is kept: many
 * matches in one widget (or a page of nested ones) climb each level once.
 */
function chromeGrower(page: PageQuestions, body: Element) {
  const grown = new Map<Element, Element>();
  return (element: Element): Element => {
    const path: Element[] = [];
    let current = element;
    let result: Element | undefined;
    while (result === undefined) {
      const known = grown.get(current);
      if (known) {
        result = known;
        break;
      }
      path.push(current);
      const parent = current.parentElement;
      if (!parent || parent === body || !isChromeOnly(page, parent, current)) result = current;
      else current = parent;
    }
    for (const visited of path) grown.set(visited, result);
    return result;
  };
}

/**
 * The smallest element around a text node whose text matches a rule, within chrome size; null
 * when the text is part of something larger (a sentence of the article that says 打印 or 分享).
 */
function matchChrome(page: PageQuestions, text: Text, bodyStart: Element | null): Element | null {
  const isBeforeBody = (element: Element) =>
    bodyStart !== null && page.isBefore(element, bodyStart);
  let climbed = 0;
  for (
    let element = text.parentElement;
    element && element.tagName !== 'BODY' && climbed < MAX_MATCH_CLIMB;
    element = element.parentElement, climbed += 1
  ) {
    if (page.unlinkedCjk(element) > MAX_CHROME_CHARACTERS) return null;
    const content = page.compactText(element);
    if (content === null) return null;
    const rule = CHROME_TEXT_RULES.find(
      (candidate) =>
        candidate.pattern.test(content) && (!candidate.beforeBodyOnly || isBeforeBody(element)),
    );
    // A short <p> can itself be the chrome ("<p>扫一扫在手机打开当前页</p>"): only what it holds counts.
    if (rule) return page.holdsContent(element, null) ? null : element;
  }
  return null;
}

function isChromeElement(
  page: PageQuestions,
  element: Element,
  rule: ChromeElementRule,
  bodyStart: Element | null,
): boolean {
  if (bodyStart && page.contains(element, bodyStart)) return false;
  if (rule.otherArticles) return bodyStart !== null;
  return rule.landmark
    ? page.unlinkedCjk(element) <= LANDMARK_MAX_CHARACTERS && page.articleTags(element) === 0
    : page.unlinkedCjk(element) <= MAX_CHROME_CHARACTERS &&
        !page.holdsContent(element, null, false);
}

/**
 * The notice self-media platforms (网易号, 搜狐号, 百家号, 快传号) put after every article they host:
 * "本平台仅提供信息存储服务", "该文观点仅代表作者本人", and the 版权与免责声明 / 免责声明 box portals
 * put under the text (longer than any widget, so not a text rule). What follows it is the
 * site's (comments, feeds of other articles, the footer), never the article.
 */
const PLATFORM_NOTICE =
  /[仅僅只]提供信息存[储儲]|[仅僅只]提供資訊存[储儲]|[观觀]点[仅僅]代表作者本人|觀點僅代表作者本人|^\s*[【[]?(?:版[权權](?:与|與|及|和)?)?免[责責][声聲]明/;

/** Removes `element` and everything after it in the page. */
function removeFrom(element: Element, body: Element): void {
  for (let current: Element | null = element; current && current !== body; ) {
    while (current.nextSibling) current.nextSibling.remove();
    const parent: Element | null = current.parentElement;
    if (current === element) current.remove();
    current = parent;
  }
}

/** The text node `node` comes after `start` in the page, not inside it. */
function follows(page: PageQuestions, node: Node, start: Element): boolean {
  const parent = node.parentElement;
  if (!parent || page.contains(start, parent)) return false;
  // Only a text node of one of start's ancestors needs the browser's (depth-long) comparison.
  return page.contains(parent, start)
    ? Boolean(start.compareDocumentPosition(node) & 4 /* DOCUMENT_POSITION_FOLLOWING */)
    : page.isBefore(start, parent);
}

/**
 * Removes portal chrome from `doc`, which must be a clone: the page itself is never touched.
 * `bodyStart` is the first block of the article's running text (see `findRunningText`).
 * `checkDeadline` is called now and then and throws when extraction has run out of time.
 */
export function removePortalChrome(
  doc: Document,
  bodyStart: Element | null,
  checkDeadline: () => void = () => undefined,
): void {
  const body = doc.body;
  if (!body) return;
  // One walk measures the page and picks the text nodes worth a closer look: those with a
  // keyword of a text rule, and platform notices.
  const keywordTexts: Text[] = [];
  const noticeTexts: Text[] = [];
  const page = pageQuestions(body, (text) => {
    const value = text.nodeValue ?? '';
    if (keywordTexts.length < MAX_KEYWORD_TEXTS && ALL_KEYWORDS.test(value))
      keywordTexts.push(text);
    if (PLATFORM_NOTICE.test(value)) noticeTexts.push(text);
  });
  checkDeadline();
  const grow = chromeGrower(page, body);
  const doomed = new Set<Element>();

  // Element rules by markup, then text rules from their keywords.
  page.elements.forEach((element, index) => {
    if ((index & 0x3ff) === 0) checkDeadline();
    if (element === body) return;
    const rule = matchElementRule(element);
    if (rule && isChromeElement(page, element, rule, bodyStart)) doomed.add(element);
  });
  keywordTexts.forEach((text, index) => {
    if ((index & 0xff) === 0) checkDeadline();
    const match = matchChrome(page, text, bodyStart);
    if (match) doomed.add(grow(match));
  });
  const platformNotice =
    noticeTexts.find((text) => !bodyStart || follows(page, text, bodyStart))?.parentElement ?? null;
  for (const element of doomed) element.remove();
  if (platformNotice?.isConnected) removeFrom(platformNotice, body);
}
