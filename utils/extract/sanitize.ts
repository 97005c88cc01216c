/**
 * Readability's output is untrusted: it keeps `onerror`, `onclick` and `javascript:` URLs. Every
 * article passes through DOMPurify before it touches a DOM we show.
 */
import createDOMPurify, { type WindowLike } from 'dompurify';

const SANITIZE_CONFIG = {
  // Page styling and layout hooks would fight the reader's own typography and themes.
  FORBID_ATTR: ['style', 'class', 'id', 'align', 'width', 'height', 'bgcolor', 'color', 'face'],
  // Nothing interactive or embedded: the reader shows the text, tables, images and links.
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'select', 'textarea', 'iframe', 'font'],
  ALLOW_DATA_ATTR: false,
};

/** Returns a function that sanitizes an HTML string into safe HTML for the given window's DOM. */
export function createSanitizer(window: WindowLike): (html: string) => string {
  const purify = createDOMPurify(window);
  return (html) => purify.sanitize(html, SANITIZE_CONFIG);
}
