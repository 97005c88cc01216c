/**
 * Removes a portal's chrome from a (cloned) page before Readability reads it: the widgets, counters,
 * share bars and meta lines that sit next to the article and that Readability, tuned on English
 * news sites, often keeps. Two data tables say what chrome looks like: text patterns and selectors.
 * An element is only removed when it holds nothing but chrome; the smallest such element around a
 * match is grown outwards while its parent holds no more than chrome either, and never into an
 * element that holds the article's paragraphs.
 */
import { HEADING_TAGS } from '../cjk';
import { unlinkedCjk } from './page-walk';

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
const CONTENT_TAGS = new Set([
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
const ARTICLE_SELECTOR = 'article, main, h1';

const ALL_KEYWORDS = new RegExp(CHROME_TEXT_RULES.map((rule) => rule.keyword.source).join('|'));

const compact = (element: Element) => (element.textContent ?? '').replace(/\s+/g, '');

/**
 * True when `element` holds content outside `except`: content elements, or images not in a link
 * (share and toolbar icons sit in links; photographs do not), unless `images` is false (an element
 * known by its markup to be a QR box holds a bare image). Stops at the first one found.
 */
function holdsContent(element: Element, except: Element | null, images = true): boolean {
  const walker = element.ownerDocument.createTreeWalker(element, 0x1 /* elements */, {
    acceptNode: (node) => (node === except ? 2 /* FILTER_REJECT */ : 1 /* FILTER_ACCEPT */),
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const tag = (node as Element).tagName;
    if (CONTENT_TAGS.has(tag) || (images && tag === 'IMG' && !(node as Element).closest('a')))
      return true;
  }
  return false;
}

function isChromeOnly(element: Element, except: Element | null): boolean {
  return (
    unlinkedCjk(element, MAX_CHROME_CHARACTERS) <= MAX_CHROME_CHARACTERS &&
    !holdsContent(element, except)
  );
}

/** Grows `element` to its parent while the parent holds nothing but chrome. */
function growChrome(element: Element, body: Element): Element {
  let current = element;
  for (
    let parent = current.parentElement;
    parent && parent !== body && isChromeOnly(parent, current);
    parent = current.parentElement
  ) {
    current = parent;
  }
  return current;
}

/**
 * The smallest element around a text node whose text matches a rule, within chrome size; null
 * when the text is part of something larger (a sentence of the article that says 打印 or 分享).
 */
function matchChrome(text: Text, bodyStart: Element | null): Element | null {
  const isBeforeBody = (element: Element) =>
    bodyStart !== null &&
    !element.contains(bodyStart) &&
    Boolean(element.compareDocumentPosition(bodyStart) & 4 /* DOCUMENT_POSITION_FOLLOWING */);
  for (
    let element = text.parentElement;
    element && element.tagName !== 'BODY';
    element = element.parentElement
  ) {
    if (unlinkedCjk(element, MAX_CHROME_CHARACTERS) > MAX_CHROME_CHARACTERS) return null;
    const content = compact(element);
    const rule = CHROME_TEXT_RULES.find(
      (candidate) =>
        candidate.pattern.test(content) && (!candidate.beforeBodyOnly || isBeforeBody(element)),
    );
    // A short <p> can itself be the chrome ("<p>扫一扫在手机打开当前页</p>"): only what it holds counts.
    if (rule) return holdsContent(element, null) ? null : element;
  }
  return null;
}

function isChromeElement(
  element: Element,
  rule: ChromeElementRule,
  bodyStart: Element | null,
): boolean {
  if (bodyStart && element.contains(bodyStart)) return false;
  if (rule.otherArticles) return bodyStart !== null;
  return rule.landmark
    ? unlinkedCjk(element, LANDMARK_MAX_CHARACTERS) <= LANDMARK_MAX_CHARACTERS &&
        !element.querySelector(ARTICLE_SELECTOR)
    : unlinkedCjk(element, MAX_CHROME_CHARACTERS) <= MAX_CHROME_CHARACTERS &&
        !holdsContent(element, null, false);
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

const follows = (node: Node, start: Element) =>
  Boolean(start.compareDocumentPosition(node) & 4 /* DOCUMENT_POSITION_FOLLOWING */) &&
  !start.contains(node);

/**
 * Removes portal chrome from `doc`, which must be a clone: the page itself is never touched.
 * `bodyStart` is the first block of the article's running text (see `findRunningText`).
 */
export function removePortalChrome(doc: Document, bodyStart: Element | null): void {
  const body = doc.body;
  if (!body) return;
  const doomed = new Set<Element>();
  let platformNotice: Element | null = null;

  // One walk over elements and text: element rules by markup, text rules by a keyword first.
  const walker = doc.createTreeWalker(body, 0x1 | 0x4 /* elements and text */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 1) {
      const element = node as Element;
      const rule = matchElementRule(element);
      if (rule && isChromeElement(element, rule, bodyStart)) doomed.add(element);
    } else {
      const text = node.nodeValue ?? '';
      if (ALL_KEYWORDS.test(text)) {
        const match = matchChrome(node as Text, bodyStart);
        if (match) doomed.add(growChrome(match, body));
      }
      if (!platformNotice && PLATFORM_NOTICE.test(text) && (!bodyStart || follows(node, bodyStart)))
        platformNotice = node.parentElement;
    }
  }
  for (const element of doomed) element.remove();
  if (platformNotice?.isConnected) removeFrom(platformNotice, body);
}
