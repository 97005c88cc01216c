export interface GoldenPage {
  slug: string;
  url: string;
  source: string;
  licence: string;
  contentType?: string;
  html: Buffer;
  expected: {
    isArticle: boolean;
    siteName?: string;
    title?: string;
    bodyIncludes?: string[];
    bodyExcludes?: string[];
    /** null: the page shows none, and the reader must show none. */
    publishedAt?: string | null;
    source?: string | null;
    /** Where the date and the source were read: "page:时间", "meta:PubDate", "url"... */
    dateFrom?: string | null;
    sourceFrom?: string | null;
    /** The 文号 of a 信息公开 page; null: the page has none. */
    docNumber?: string | null;
    lang?: string;
    /** How many attachments the article lists. */
    attachments?: number;
  };
}
export const PAGES_DIR: string;
export function loadPages(): GoldenPage[];
export function startFixtureServer(options?: {
  extra?: Record<string, { body: string | Uint8Array; contentType: string }>;
}): Promise<{
  port: number;
  pages: GoldenPage[];
  close(): Promise<void>;
}>;
export function hostResolverRules(pages: GoldenPage[], port: number): string;
