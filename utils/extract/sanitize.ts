/**
 * Readability's output is untrusted: it keeps `onerror`, `onclick` and `javascript:` URLs. Every
 * article passes through DOMPurify before it touches a DOM we show.
 */
import createDOMPurify, { type WindowLike } from 'dompurify';

/**
 * Link and image URLs the reader keeps: http(s), mail and phone links, and relative URLs (no
 * scheme before the first `/`, `?` or `#`). Everything else (`javascript:`, `vbscript:`, `data:`
 * documents, `file:`) goes. DOMPurify still lets `data:` through on images (its DATA_URI_TAGS):
 * inline pictures are common on portals and an image cannot run script.
 */
const ALLOWED_URI = /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

const SANITIZE_CONFIG = {
  // Page styling and layout hooks would fight the reader's own typography and themes.
  // `background` also fetches an image; `autoplay` would start sound or video unasked.
  FORBID_ATTR: [
    'style',
    'class',
    'id',
    'align',
    'width',
    'height',
    'bgcolor',
    'color',
    'face',
    'background',
    'autoplay',
  ],
  // Nothing interactive, embedded or styled: the reader shows text, tables, images and links.
  // (DOMPurify drops <script> and event handlers by itself; they are listed to say so.)
  FORBID_TAGS: [
    'script',
    'style',
    'link',
    'meta',
    'base',
    'iframe',
    'frame',
    'frameset',
    'object',
    'embed',
    'applet',
    'form',
    'input',
    'button',
    'select',
    'textarea',
    'font',
    'svg',
    'math',
  ],
  ALLOWED_URI_REGEXP: ALLOWED_URI,
  ALLOW_DATA_ATTR: false,
};

/** Returns a function that sanitizes an HTML string into safe HTML for the given window's DOM. */
export function createSanitizer(window: WindowLike): (html: string) => string {
  const purify = createDOMPurify(window);
  purify.addHook('afterSanitizeAttributes', (node) => {
    const element = node as Element;
    for (const name of URL_ATTRIBUTES) {
      const value = element.getAttribute?.(name);
      if (value) element.setAttribute(name, withoutCredentials(value));
    }
    // Article links (image-map areas are links too) open beside the reader, and the page they
    // open learns nothing of this one.
    if ((node.nodeName === 'A' || node.nodeName === 'AREA') && element.hasAttribute('href')) {
      element.setAttribute('target', '_blank');
      element.setAttribute('rel', 'noopener noreferrer');
    }
  });
  return (html) => purify.sanitize(html, SANITIZE_CONFIG);
}

/** The attributes of the kept elements that hold one URL. */
const URL_ATTRIBUTES = ['href', 'src', 'poster'];

/**
 * `url` without a user name and password (`http://admin:secret@host/` → `http://host/`): a page's
 * credentials are not sent on, nor shown, by the reader. Other URLs are returned as they are.
 */
export function withoutCredentials(url: string): string {
  // Only absolute http(s) URLs carry credentials the reader would send (`mailto:a@b` has none).
  if (!/^\s*https?:/i.test(url) || !URL.canParse(url.trim())) return url;
  const parsed = new URL(url.trim());
  if (!parsed.username && !parsed.password) return url;
  parsed.username = '';
  parsed.password = '';
  return parsed.href;
}
