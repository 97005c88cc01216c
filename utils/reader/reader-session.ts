/**
 * One reader per page: extracts the article when it opens, mounts the overlay, and tears both down
 * on close. `render` draws the view into the overlay (Preact, from the entry point).
 */

import { type Article, extractArticle } from '../extract/extract-article';
import { createSanitizer } from '../extract/sanitize';
import type { MessageKey } from '../i18n';
import { mountOverlay, type OverlayHandle } from './overlay';

/**
 * What the reader shows: the article, the message that says why there is none, or (on a huge page,
 * while the article is being extracted) the message that says it is coming.
 */
export type ReaderContent =
  | { article: Article }
  | { problem: MessageKey }
  | { working: MessageKey };

/**
 * Elements above which a page is huge: extracting it takes seconds (a 10 MB page about 6 s in
 * Chromium here), so the reader first says it is working. The corpus's largest page has about
 * 6,000 elements.
 */
const HUGE_PAGE_ELEMENTS = 30_000;

export interface ReaderRenderer {
  render(container: HTMLElement, content: ReaderContent, close: () => void): void;
  unrender(container: HTMLElement): void;
}

export function createReaderSession(
  doc: Document,
  renderer: ReaderRenderer,
  overlay: { css: string; label: string },
) {
  let handle: OverlayHandle | null = null;

  function close() {
    if (!handle) return;
    renderer.unrender(handle.container);
    handle.remove();
    handle = null;
  }

  function open() {
    if (handle) {
      handle.dialog.focus({ preventScroll: true });
      return;
    }
    if (doc.getElementsByTagName('*').length <= HUGE_PAGE_ELEMENTS) {
      const content = readArticle(doc);
      handle = mountOverlay(doc, { ...overlay, onEscape: close });
      renderer.render(handle.container, content, close);
      return;
    }
    // A huge page: say so, let that be painted, then extract (the page is busy meanwhile).
    const opened = mountOverlay(doc, { ...overlay, onEscape: close });
    handle = opened;
    renderer.render(opened.container, { working: 'readerWorking' }, close);
    afterPaint(doc, () => {
      if (handle !== opened) return;
      renderer.render(opened.container, readArticle(doc), close);
    });
  }

  return { open, close, isOpen: () => handle !== null };
}

/** Runs `then` once the next frame has been painted. */
function afterPaint(doc: Document, then: () => void): void {
  const view = doc.defaultView;
  if (!view) {
    then();
    return;
  }
  view.requestAnimationFrame(() => {
    view.setTimeout(then, 0);
  });
}

/** Extracts the article, turning "nothing found" and errors into a message for the reader. */
export function readArticle(doc: Document): ReaderContent {
  try {
    const view = doc.defaultView;
    if (!view) return { problem: 'readerFailed' };
    const article = extractArticle(doc, createSanitizer(view));
    return article ? { article } : { problem: 'readerNoArticle' };
  } catch (error) {
    console.warn('[yidu] extraction failed', error);
    return { problem: 'readerFailed' };
  }
}
