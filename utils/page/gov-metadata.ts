/**
 * The metadata that government portals publish under the 2017 government website guidelines
 * (政府网站发展指引): site level `SiteName`, `SiteIDCode`; column level `ColumnName`, `ColumnType`;
 * article level `ArticleTitle`, `PubDate`, `ContentSource`. Portals vary the case of the names and
 * the order of the attributes, so names are compared in lower case.
 */
export interface GovMetadata {
  siteName?: string;
  siteIdCode?: string;
  columnName?: string;
  columnType?: string;
  articleTitle?: string;
  pubDate?: string;
  contentSource?: string;
  /** Other portals' date tags: www.gov.cn's `firstpublishedtime` ("2007-08-20-23:59:59"), ... */
  firstpublishedtime?: string;
  publishdate?: string;
  /** ...and Open Graph's, a `property`. */
  'article:published_time'?: string;
}

/**
 * The tags the detector's verdict reads (`hasGovArticleMetadata`, the site's name): it runs on every
 * portal page, so its bundle holds these names and no more.
 */
const SITE_META_NAMES = {
  sitename: 'siteName',
  siteidcode: 'siteIdCode',
  articletitle: 'articleTitle',
} as const;

/** Every tag read, by its name in lower case: the column, date and source tags only after the verdict. */
const META_NAMES: Record<string, keyof GovMetadata> = {
  ...SITE_META_NAMES,
  columnname: 'columnName',
  columntype: 'columnType',
  pubdate: 'pubDate',
  contentsource: 'contentSource',
  firstpublishedtime: 'firstpublishedtime',
  publishdate: 'publishdate',
  'article:published_time': 'article:published_time',
};

/** Reads the government meta tags of a document; a tag that is empty counts as absent. */
export function readGovMetadata(doc: Document): GovMetadata {
  return readMetaTags(doc, META_NAMES);
}

/** The site tags and the article title only: what the detector's verdict needs. */
export function readSiteMetadata(
  doc: Document,
): Pick<GovMetadata, (typeof SITE_META_NAMES)[keyof typeof SITE_META_NAMES]> {
  return readMetaTags(doc, SITE_META_NAMES);
}

function readMetaTags(doc: Document, names: Record<string, keyof GovMetadata>): GovMetadata {
  const metadata: GovMetadata = {};
  // By tag name, read by index with the length read once: cheaper than a selector in Chromium and
  // jsdom alike (see `readParagraphs`).
  const metas = doc.getElementsByTagName('meta');
  const count = metas.length;
  for (let i = 0; i < count; i += 1) {
    const meta = metas[i] as Element;
    const name = meta.getAttribute('name') ?? meta.getAttribute('property');
    if (!name) continue;
    const field = names[name.trim().toLowerCase()];
    const content = meta.getAttribute('content')?.trim();
    if (field && content && metadata[field] === undefined) metadata[field] = content;
  }
  return metadata;
}
