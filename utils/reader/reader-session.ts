/**
 * One reader per page: extracts the article when it opens, mounts the overlay, and tears both down
 * on close. `render` draws the view into the overlay (Preact, from the entry point).
 */

import { type Article, extractArticle } from '../extract/extract-article';
import { createSanitizer } from '../extract/sanitize';
import type { MessageKey } from '../i18n';
import { mountOverlay, type OverlayHandle } from './overlay';

export type ReaderContent = { article: Article } | { problem: MessageKey };

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
    const content = readArticle(doc);
    handle = mountOverlay(doc, { ...overlay, onEscape: close });
    renderer.render(handle.container, content, close);
  }

  return { open, close, isOpen: () => handle !== null };
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
