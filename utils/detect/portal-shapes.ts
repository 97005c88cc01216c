/**
 * Article and list URL shapes of the content-management systems behind Chinese government portals,
 * as data: one row per shape, sorted by name. Each row's example URLs, which it must and must not
 * match, are in `portal-shape-examples.ts` (kept out of the always-loaded detector); a unit test
 * runs every example against every shape, so a new row cannot quietly swallow another shape's list
 * pages. Shapes come from ../shared/docs/features.md and real portals.
 */
export interface PortalShape {
  /** Unique, and the table is sorted by it; the comment above each row names the CMS. */
  name: string;
  /** Matches the path (and query) of an article page. */
  article: RegExp;
  /**
   * Text every article URL of the shape contains (lower case when the pattern ignores case),
   * looked for first: a page then compiles only the patterns its URL could match, not all of them.
   */
  marker: string;
}

export const PORTAL_SHAPES: readonly PortalShape[] = [
  // Taiwan's Executive Yuan
  {
    name: 'ey-gov-tw',
    article:
      /^\/Page\/[0-9A-F]{16,}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/?$/i,
    marker: '/page/',
  },
  // www.gov.cn
  {
    name: 'gov-cn-content',
    article: /\/\d{4}-\d{2}\/\d{2}\/content_\d+\.s?html?$/,
    marker: '/content_',
  },
  // Guangdong government website platform
  {
    name: 'guangdong-post',
    article: /\/(?:content|gkmlpt\/content\/\d+\/\d+)\/post_\d+\.html$/,
    marker: '/post_',
  },
  // Hanweb (大汉)
  {
    name: 'hanweb-art',
    article: /\/art\/\d{4}\/\d{1,2}\/\d{1,2}\/art_\d+_\d+\.html$/,
    marker: '/art_',
  },
  // Hong Kong government press releases
  {
    name: 'hk-press-release',
    article: /^\/gia\/general\/\d{6}\/\d{2}\/P\d+\.htm$/,
    marker: '/gia/general/',
  },
  // Jiangxi government website platform
  {
    name: 'jiangxi-hex',
    article: /\/\d{6}\/[0-9a-f]{32}\.shtml$/,
    marker: '.shtml',
  },
  // PHPCMS
  {
    name: 'phpcms-show',
    article: /[?&]a=show&catid=\d+&id=\d+/,
    marker: 'a=show',
  },
  // Sichuan provincial departments
  {
    name: 'sichuan-department',
    article: /\/c\d+\/\d{4}\/\d{1,2}\/\d{1,2}\/[0-9a-f]{32}\.shtml$/,
    marker: '.shtml',
  },
  // TRS WCM
  {
    name: 'trs-wcm',
    article: /\/\d{6}\/t\d{8}_\d+\.s?html?$/,
    marker: '/t',
  },
  // VSB (博达)
  {
    name: 'vsb-info',
    article: /\/info\/\d+\/\d+\.htm$/,
    marker: '/info/',
  },
  // Ziyang municipal platform
  {
    name: 'ziyang-content',
    article: /\/pc\/content\/content_\d+\.html$/,
    marker: '/pc/content/content_',
  },
];

/**
 * Paths and queries of pages that are never articles on any portal: column lists, indexes, search
 * results. Checked before the article shapes.
 */
export const NOT_ARTICLE_URL = {
  pattern:
    /(?:\/col\/col\d+\/|\/(?:index|list|more)(?:_\d+)?\.s?html?$|\/list\.(?:jsp|php|aspx?)|\/search|[?&](?:keyword|keywords|searchword|q|wd)=)/i,
};

/** The first shape whose article pattern matches the URL's path and query. */
export function matchArticleShape(url: URL): PortalShape | undefined {
  const target = url.pathname + url.search;
  const lowerCase = target.toLowerCase();
  return PORTAL_SHAPES.find(
    (shape) =>
      (shape.article.ignoreCase ? lowerCase : target).includes(shape.marker) &&
      shape.article.test(target),
  );
}

export function isNotArticleUrl(url: URL): boolean {
  return NOT_ARTICLE_URL.pattern.test(url.pathname + url.search);
}
