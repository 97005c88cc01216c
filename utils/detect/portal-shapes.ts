/**
 * Article and list URL shapes of the content-management systems behind Chinese government portals,
 * as data: one row per shape, sorted by name, each beside example URLs it must and must not match.
 * A unit test runs every example against every shape, so a new row cannot quietly swallow another
 * shape's list pages. Shapes come from ../shared/docs/features.md and real portals.
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
  /** URLs it must and must not match; absent from the built extension (see `WITH_EXAMPLES`). */
  examples: false | { article: string[]; notArticle: string[] };
}

/**
 * The examples are for the unit tests and `npm run inspect`: the extension's build sets
 * `import.meta.env.MODE` to "production", this folds to `false`, and the minifier drops every
 * example URL from the always-loaded detector (checked by tests/e2e/bundle.test.ts).
 */
const WITH_EXAMPLES =
  typeof import.meta.env === 'undefined' || import.meta.env.MODE !== 'production';

export const PORTAL_SHAPES: readonly PortalShape[] = [
  // Taiwan's Executive Yuan
  {
    name: 'ey-gov-tw',
    article:
      /^\/Page\/[0-9A-F]{16,}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/?$/i,
    marker: '/page/',
    examples: WITH_EXAMPLES && {
      article: ['https://www.ey.gov.tw/Page/9277F759E41CCD91/2b6fbd1f-27e5-4e8e-a9c0-5fbd3bdb1f3e'],
      notArticle: ['https://www.ey.gov.tw/Page/9277F759E41CCD91', 'https://www.ey.gov.tw/Index'],
    },
  },
  // www.gov.cn
  {
    name: 'gov-cn-content',
    article: /\/\d{4}-\d{2}\/\d{2}\/content_\d+\.s?html?$/,
    marker: '/content_',
    examples: WITH_EXAMPLES && {
      article: [
        'https://www.gov.cn/zhengce/content/2021-03/19/content_5593739.htm',
        'https://www.gov.cn/xinwen/2021-03/02/content_5589601.htm',
      ],
      notArticle: ['https://www.gov.cn/zhengce/index.htm', 'https://www.gov.cn/zhengce/zuixin.htm'],
    },
  },
  // Guangdong government website platform
  {
    name: 'guangdong-post',
    article: /\/(?:content|gkmlpt\/content\/\d+\/\d+)\/post_\d+\.html$/,
    marker: '/post_',
    examples: WITH_EXAMPLES && {
      article: [
        'http://www.gd.gov.cn/ywdt/czyw/content/post_3707534.html',
        'http://www.sz.gov.cn/gkmlpt/content/10/10485/post_10485123.html',
      ],
      notArticle: [
        'http://www.gd.gov.cn/ywdt/czyw/index.html',
        'http://www.sz.gov.cn/gkmlpt/index',
      ],
    },
  },
  // Hanweb (大汉)
  {
    name: 'hanweb-art',
    article: /\/art\/\d{4}\/\d{1,2}\/\d{1,2}\/art_\d+_\d+\.html$/,
    marker: '/art_',
    examples: WITH_EXAMPLES && {
      article: ['https://www.zj.gov.cn/art/2021/3/31/art_1229492731_59033579.html'],
      notArticle: [
        'https://www.zj.gov.cn/col/col1229492731/index.html',
        'https://www.zj.gov.cn/art/2021/3/31/index.html',
      ],
    },
  },
  // Hong Kong government press releases
  {
    name: 'hk-press-release',
    article: /^\/gia\/general\/\d{6}\/\d{2}\/P\d+\.htm$/,
    marker: '/gia/general/',
    examples: WITH_EXAMPLES && {
      article: ['https://www.info.gov.hk/gia/general/202103/02/P2021030200456.htm'],
      notArticle: [
        'https://www.info.gov.hk/gia/general/today.htm',
        'https://www.info.gov.hk/gia/general/202103/02.htm',
      ],
    },
  },
  // Jiangxi government website platform
  {
    name: 'jiangxi-hex',
    article: /\/\d{6}\/[0-9a-f]{32}\.shtml$/,
    marker: '.shtml',
    examples: WITH_EXAMPLES && {
      article: [
        'https://www.yichun.gov.cn/ycsrmzf/tjgb/202305/36796cdc82d04268913f2884cf2fe579.shtml',
      ],
      notArticle: ['https://www.yichun.gov.cn/ycsrmzf/tjgb/list.shtml'],
    },
  },
  // PHPCMS
  {
    name: 'phpcms-show',
    article: /[?&]a=show&catid=\d+&id=\d+/,
    marker: 'a=show',
    examples: WITH_EXAMPLES && {
      article: ['http://www.example.gov.cn/index.php?m=content&c=index&a=show&catid=12&id=345'],
      notArticle: ['http://www.example.gov.cn/index.php?m=content&c=index&a=lists&catid=12'],
    },
  },
  // Sichuan provincial departments
  {
    name: 'sichuan-department',
    article: /\/c\d+\/\d{4}\/\d{1,2}\/\d{1,2}\/[0-9a-f]{32}\.shtml$/,
    marker: '.shtml',
    examples: WITH_EXAMPLES && {
      article: [
        'https://jst.sc.gov.cn/scjst/c101428/2026/9/11/3fac6f0c1a5b4b7d8e1c2d3e4f5a6b89.shtml',
      ],
      notArticle: ['https://jst.sc.gov.cn/scjst/c101428/list.shtml'],
    },
  },
  // TRS WCM
  {
    name: 'trs-wcm',
    article: /\/\d{6}\/t\d{8}_\d+\.s?html?$/,
    marker: '/t',
    examples: WITH_EXAMPLES && {
      article: [
        'http://www.moe.gov.cn/moe_1485/202607/t20260719_1444325.html',
        'http://www.ndrc.gov.cn/xxgk/zcfb/tz/202103/t20210302_1268867.shtml',
      ],
      notArticle: [
        'http://www.moe.gov.cn/moe_1485/index.html',
        'http://www.moe.gov.cn/moe_1485/index_2.html',
      ],
    },
  },
  // VSB (博达)
  {
    name: 'vsb-info',
    article: /\/info\/\d+\/\d+\.htm$/,
    marker: '/info/',
    examples: WITH_EXAMPLES && {
      article: ['http://www.example.gov.cn/info/1047/2932.htm'],
      notArticle: ['http://www.example.gov.cn/list.jsp?urltype=tree.TreeTempUrl&wbtreeid=1047'],
    },
  },
  // Ziyang municipal platform
  {
    name: 'ziyang-content',
    article: /\/pc\/content\/content_\d+\.html$/,
    marker: '/pc/content/content_',
    examples: WITH_EXAMPLES && {
      article: [
        'http://www.ziyang.gov.cn/zysrmzf/xxgkgsgg/pc/content/content_2068898430624374784.html',
      ],
      notArticle: ['http://www.ziyang.gov.cn/zysrmzf/hjbh/pc/list.html'],
    },
  },
];

/**
 * Paths and queries of pages that are never articles on any portal: column lists, indexes, search
 * results. Checked before the article shapes.
 */
export const NOT_ARTICLE_URL = {
  pattern:
    /(?:\/col\/col\d+\/|\/(?:index|list|more)(?:_\d+)?\.s?html?$|\/list\.(?:jsp|php|aspx?)|\/search|[?&](?:keyword|keywords|searchword|q|wd)=)/i,
  examples: WITH_EXAMPLES && {
    match: [
      'https://www.zj.gov.cn/col/col1229492731/index.html',
      'http://www.moe.gov.cn/moe_1485/index_2.html',
      'http://www.ziyang.gov.cn/zysrmzf/hjbh/pc/list.html',
      'https://sousuo.www.gov.cn/sousuo/search.shtml?code=17da70961a7&searchWord=%E9%80%9A%E7%9F%A5',
      'https://www.example.gov.cn/s?q=%E9%80%9A%E7%9F%A5',
    ],
    noMatch: [
      'https://www.gov.cn/zhengce/content/2021-03/19/content_5593739.htm',
      'http://www.ziyang.gov.cn/zysrmzf/xxgkgsgg/pc/content/content_2068898430624374784.html',
    ],
  },
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
