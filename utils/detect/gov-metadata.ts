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
}

const META_NAMES: Record<string, keyof GovMetadata> = {
  sitename: 'siteName',
  siteidcode: 'siteIdCode',
  columnname: 'columnName',
  columntype: 'columnType',
  articletitle: 'articleTitle',
  pubdate: 'pubDate',
  contentsource: 'contentSource',
};

/** Reads the government meta tags of a document; a tag that is empty counts as absent. */
export function readGovMetadata(doc: Document): GovMetadata {
  const metadata: GovMetadata = {};
  // Named ones only, as a static list: iterating a live collection is slow in jsdom.
  for (const meta of doc.querySelectorAll('meta[name]')) {
    const field = META_NAMES[(meta.getAttribute('name') ?? '').trim().toLowerCase()];
    const content = meta.getAttribute('content')?.trim();
    if (field && content && metadata[field] === undefined) metadata[field] = content;
  }
  return metadata;
}
