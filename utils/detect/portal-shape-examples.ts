/**
 * The URLs each portal shape (`portal-shapes.ts`, by name) must and must not match, and those the
 * list/index/search pattern must and must not match: for the unit tests, which run every example
 * against every row. Never imported by the extension, so none of them ships in the detector.
 */
export interface ShapeExamples {
  article: string[];
  notArticle: string[];
}

export const SHAPE_EXAMPLES: Record<string, ShapeExamples> = {
  'ey-gov-tw': {
    article: ['https://www.ey.gov.tw/Page/9277F759E41CCD91/2b6fbd1f-27e5-4e8e-a9c0-5fbd3bdb1f3e'],
    notArticle: ['https://www.ey.gov.tw/Page/9277F759E41CCD91', 'https://www.ey.gov.tw/Index'],
  },
  'gov-cn-content': {
    article: [
      'https://www.gov.cn/zhengce/content/2021-03/19/content_5593739.htm',
      'https://www.gov.cn/xinwen/2021-03/02/content_5589601.htm',
    ],
    notArticle: ['https://www.gov.cn/zhengce/index.htm', 'https://www.gov.cn/zhengce/zuixin.htm'],
  },
  'guangdong-post': {
    article: [
      'http://www.gd.gov.cn/ywdt/czyw/content/post_3707534.html',
      'http://www.sz.gov.cn/gkmlpt/content/10/10485/post_10485123.html',
    ],
    notArticle: ['http://www.gd.gov.cn/ywdt/czyw/index.html', 'http://www.sz.gov.cn/gkmlpt/index'],
  },
  'hanweb-art': {
    article: ['https://www.zj.gov.cn/art/2021/3/31/art_1229492731_59033579.html'],
    notArticle: [
      'https://www.zj.gov.cn/col/col1229492731/index.html',
      'https://www.zj.gov.cn/art/2021/3/31/index.html',
    ],
  },
  'hk-press-release': {
    article: ['https://www.info.gov.hk/gia/general/202103/02/P2021030200456.htm'],
    notArticle: [
      'https://www.info.gov.hk/gia/general/today.htm',
      'https://www.info.gov.hk/gia/general/202103/02.htm',
    ],
  },
  'jiangxi-hex': {
    article: [
      'https://www.yichun.gov.cn/ycsrmzf/tjgb/202305/36796cdc82d04268913f2884cf2fe579.shtml',
    ],
    notArticle: ['https://www.yichun.gov.cn/ycsrmzf/tjgb/list.shtml'],
  },
  'phpcms-show': {
    article: ['http://www.example.gov.cn/index.php?m=content&c=index&a=show&catid=12&id=345'],
    notArticle: ['http://www.example.gov.cn/index.php?m=content&c=index&a=lists&catid=12'],
  },
  'sichuan-department': {
    article: [
      'https://jst.sc.gov.cn/scjst/c101428/2026/9/11/3fac6f0c1a5b4b7d8e1c2d3e4f5a6b89.shtml',
    ],
    notArticle: ['https://jst.sc.gov.cn/scjst/c101428/list.shtml'],
  },
  'trs-wcm': {
    article: [
      'http://www.moe.gov.cn/moe_1485/202607/t20260719_1444325.html',
      'http://www.ndrc.gov.cn/xxgk/zcfb/tz/202103/t20210302_1268867.shtml',
    ],
    notArticle: [
      'http://www.moe.gov.cn/moe_1485/index.html',
      'http://www.moe.gov.cn/moe_1485/index_2.html',
    ],
  },
  'vsb-info': {
    article: ['http://www.example.gov.cn/info/1047/2932.htm'],
    notArticle: ['http://www.example.gov.cn/list.jsp?urltype=tree.TreeTempUrl&wbtreeid=1047'],
  },
  'ziyang-content': {
    article: [
      'http://www.ziyang.gov.cn/zysrmzf/xxgkgsgg/pc/content/content_2068898430624374784.html',
    ],
    notArticle: ['http://www.ziyang.gov.cn/zysrmzf/hjbh/pc/list.html'],
  },
};

export const NOT_ARTICLE_URL_EXAMPLES: { match: string[]; noMatch: string[] } = {
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
};
