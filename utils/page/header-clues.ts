/**
 * What the popup needs to show an article's date and source with where each came from: the
 * detector only gathers the page's clues (it is always loaded, so it stays small), and the popup
 * chooses from them by the reader's own rules (`chooseHeaderFields`).
 */
import type { GovMetadata } from './gov-metadata';

export interface HeaderClues {
  url: string;
  metadata: GovMetadata;
  /** The text right after the title, where the meta line sits ("时间：… 来源：… 浏览量：…"). */
  afterTitle: string;
}

/** How far after the title the meta line may sit, with the widgets around it. */
const AFTER_TITLE_CHARACTERS = 300;

export function readHeaderClues(
  doc: Document,
  url: string,
  title: string,
  metadata: GovMetadata,
): HeaderClues {
  const text = doc.body?.textContent ?? '';
  const at = title ? text.indexOf(title) : -1;
  const start = at + title.length;
  return {
    url,
    metadata,
    afterTitle: at < 0 ? '' : text.slice(start, start + AFTER_TITLE_CHARACTERS),
  };
}
