/**
 * A page as HTML, to extract its article away from the page (in the extension's own extractor
 * document, see entrypoints/extractor): serialized where the reader opens, parsed again there.
 */

/**
 * The page's markup as it stands (whatever its scripts have changed since it loaded), behind the
 * doctype that keeps its parsing mode: a quirks-mode page parses differently (a table may sit in a
 * paragraph), so it gets none.
 */
export function serializePage(doc: Document): string {
  const doctype = doc.compatMode === 'BackCompat' ? '' : '<!DOCTYPE html>';
  return doctype + doc.documentElement.outerHTML;
}

/**
 * Parses a page's HTML inert (no script runs, nothing loads) with the page's own address as its
 * base, so relative links and images resolve as they did on the page. The page's own `<base>`, if
 * any, still counts, resolved against that address. (Readability then writes in-page links out in
 * full, `#note-1` as the page's address and `#note-1`, as it does on any page with a `<base>`: the
 * reader opens them in a new tab either way, at the same place.)
 */
export function parsePage(html: string, url: string, parser: DOMParser): Document {
  const doc = parser.parseFromString(html, 'text/html');
  const own = doc.querySelector('base[href]');
  const base = own ?? doc.createElement('base');
  base.setAttribute('href', resolve(own?.getAttribute('href') ?? '', url));
  if (!own) doc.head.prepend(base);
  return doc;
}

function resolve(href: string, url: string): string {
  try {
    return new URL(href, url).href;
  } catch {
    return url;
  }
}
