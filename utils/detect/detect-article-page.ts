/**
 * Decides whether a page is a government *article* (a news item, notice or policy document) rather
 * than a home page, column list, search result or form. Pure over a `Document`: it runs on every
 * portal page, so it stays cheap (no Readability, no Preact, no dictionaries).
 */
import { type GovMetadata, readGovMetadata } from './gov-metadata';

export type DetectionReason = 'gov-article-metadata';

export type PageStatus =
  | {
      kind: 'article';
      title: string;
      siteName?: string;
      publishedAt?: string;
      reasons: DetectionReason[];
    }
  | { kind: 'not-article'; siteName?: string };

/**
 * First rule: an `ArticleTitle` tag together with a site tag (`SiteIDCode` or `SiteName`) marks an
 * article. List pages carry the site and column tags but no `ArticleTitle`.
 */
export function hasGovArticleMetadata(metadata: GovMetadata): boolean {
  return Boolean(metadata.articleTitle && (metadata.siteIdCode || metadata.siteName));
}

export function detectArticlePage(doc: Document): PageStatus {
  const metadata = readGovMetadata(doc);
  if (hasGovArticleMetadata(metadata) && metadata.articleTitle) {
    return {
      kind: 'article',
      title: metadata.articleTitle,
      siteName: metadata.siteName,
      publishedAt: metadata.pubDate,
      reasons: ['gov-article-metadata'],
    };
  }
  return { kind: 'not-article', siteName: metadata.siteName };
}
