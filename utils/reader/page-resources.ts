/**
 * The reader shows the article inside the page, but what a content script inserts is not bound by
 * the page's Content-Security-Policy: an image the page's CSP had blocked would be fetched by the
 * reader, telling its server that this page was read. So the reader keeps only images (and video
 * and sound sources) the page itself could load: from the page's own origin, or already fetched by
 * the page. The others keep their `alt` text and fetch nothing. Kept images send no referrer.
 */

/** Whether the reader may fetch a URL for the page (absolute or relative to `pageUrl`). */
export type ResourceFilter = (url: string) => boolean;

/**
 * The filter for a page at `pageUrl` that has already fetched the URLs in `loaded`: same origin,
 * one of those, or a `data:` URL (which fetches nothing).
 */
export function pageResourceFilter(pageUrl: string, loaded: Iterable<string>): ResourceFilter {
  const origin = new URL(pageUrl).origin;
  const fetched = new Set<string>();
  for (const url of loaded) if (URL.canParse(url)) fetched.add(new URL(url).href);
  return (url) => {
    if (!URL.canParse(url.trim(), pageUrl)) return false;
    const parsed = new URL(url.trim(), pageUrl);
    if (parsed.protocol === 'data:') return true;
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
    return parsed.origin === origin || fetched.has(parsed.href);
  };
}

/**
 * What `doc` has fetched itself: the images it shows (loaded, with a size) and the video and sound
 * it has data for. Read once per article, in the page (the extractor cannot see these). Not the
 * resource timing entries: Chromium lists there the images the page's CSP blocked as well.
 */
export function fetchedByPage(doc: Document): string[] {
  const urls: string[] = [];
  for (const image of doc.images)
    if (image.complete && image.naturalWidth > 0) urls.push(image.currentSrc || image.src);
  for (const media of doc.querySelectorAll<HTMLMediaElement>('video, audio'))
    if (media.readyState > 0 && media.currentSrc) urls.push(media.currentSrc);
  return urls;
}

/**
 * Takes from the article under `root` every resource URL `allowed` refuses: an image keeps the
 * first of its `src` and `srcset` candidates that is allowed (else none: its `alt` shows), `srcset`
 * goes (the browser would choose among its candidates itself), and video, sound and their sources
 * lose a refused `src` or `poster`.
 */
export function keepAllowedResources(root: ParentNode, allowed: ResourceFilter): void {
  for (const element of root.querySelectorAll('[src], [srcset], [poster]')) {
    if (element.localName === 'img') {
      const candidates = [element.getAttribute('src') ?? '', ...srcsetUrls(element)];
      const kept = candidates.find((url) => url !== '' && allowed(url));
      if (kept) element.setAttribute('src', kept);
      else element.removeAttribute('src');
      element.setAttribute('referrerpolicy', 'no-referrer');
    } else {
      for (const name of ['src', 'poster']) {
        const value = element.getAttribute(name);
        if (value !== null && !allowed(value)) element.removeAttribute(name);
      }
    }
    element.removeAttribute('srcset');
  }
}

/** The URLs of a `srcset` ("a.jpg 1x, b.jpg 2x"): each candidate's first word. */
function srcsetUrls(element: Element): string[] {
  const srcset = element.getAttribute('srcset') ?? '';
  return srcset
    .split(/,\s+/)
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}
