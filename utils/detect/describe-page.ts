/**
 * What the popup shows of an article besides the detector's verdict: its title and the clues its
 * date and source are chosen from. Read only when the popup opens on an article, by a script run
 * in the page then (entrypoints/page-description.content.ts), not by the always-loaded detector.
 */
import { readGovMetadata } from '../page/gov-metadata';
import { type HeaderClues, readHeaderClues } from '../page/header-clues';

export interface PageDescription {
  title: string;
  /** What the popup chooses the date and source from (see `readHeaderClues`). */
  clues: HeaderClues;
}

/** The title (from `ArticleTitle`, the heading or `<title>`) and the header clues of a page. */
export function describeArticle(doc: Document, url: string): PageDescription {
  const metadata = readGovMetadata(doc);
  const title = metadata.articleTitle ?? firstHeading(doc) ?? doc.title.trim();
  return { title, clues: readHeaderClues(doc, url, title, metadata) };
}

function firstHeading(doc: Document): string | undefined {
  return doc.querySelector('h1')?.textContent?.trim() || undefined;
}
